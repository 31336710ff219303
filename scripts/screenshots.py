"""Regenerate screenshots/*.svg from the real built-in trees: `python scripts/screenshots.py`.

Each shot drives the app with the keyboard exactly as a person would, then saves an SVG.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard.cases.store import CaseStore  # noqa: E402
from wizard.knowledge.evidence import Evidence  # noqa: E402
from wizard.knowledge.library import Library  # noqa: E402
from wizard.language import messages  # noqa: E402
from wizard.ui.app import IISDoctorApp  # noqa: E402

OUT = ROOT / "screenshots"

SHOTS = [
    # (file name, --code, IIS version, evidence, keys to press, terminal size)
    ("home", None, "10.0", Evidence(), [], (100, 30)),
    ("home-search", None, "6.0", Evidence(), list("urlscan"), (100, 30)),
    ("question", "403.1", "6.0", Evidence(), [], (100, 30)),
    ("outcome", "403.1", "6.0", Evidence(), ["1"], (100, 34)),
    ("evidence", "500.19", "10.0", Evidence(33), [], (100, 34)),
    ("note", "401.1", "10.0", Evidence(1909), ["e", *"locked after 3 tries, unlocked in AD"], (100, 30)),
    ("help", "403.1", "6.0", Evidence(), ["question_mark"], (100, 30)),
    # The default terminal (and a typical RDP console): eleven answers, the last one reached with Down.
    ("question-80x24", "500.19", "10.0", Evidence(), ["down"] * 10, (80, 24)),
    ("outcome-80x24", "403.1", "6.0", Evidence(), ["1", "1"], (80, 24)),
]

#: The same wizard in bokmål (what `--lang nb`, F2 on home or LANG=nb_NO.UTF-8 shows).
NORWEGIAN_SHOTS = [
    ("home-nb", None, "10.0", Evidence(), list("pålogging"), (100, 30)),
    ("walk-nb", "401.1", "10.0", Evidence(1326), [], (100, 34)),
]


async def shoot(
    library: Library, name: str, code: str | None, version: str, evidence: Evidence, keys: list[str], size
) -> Path:
    app = IISDoctorApp(
        library,
        code=code,
        version=version,
        evidence=evidence,
        remember=False,
        store=CaseStore(Path(tempfile.mkdtemp()) / "cases"),
    )
    app.theme = "textual-dark"
    async with app.run_test(size=size) as pilot:
        from textual.widgets import Input

        await pilot.press(*keys)
        await pilot.pause()
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    return OUT / f"{name}.svg"


async def shoot_scan(library: Library) -> Path:
    """The scan screen over the sample logs the tests use, the second row chosen."""
    from wizard.ui.log_walks import ScanRequest

    logs = Path(__file__).resolve().parent.parent / "tests" / "logscan" / "fixtures"
    app = IISDoctorApp(library, remember=False, scan=ScanRequest([str(logs)]))
    app.theme = "textual-dark"
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.workers.wait_for_complete()
        await pilot.press("down")
        await pilot.pause()
        app.save_screenshot(filename="scan.svg", path=str(OUT))
    return OUT / "scan.svg"


async def main() -> None:
    os.environ.pop("NO_COLOR", None)
    library = Library.load()
    OUT.mkdir(exist_ok=True)
    for name, code, version, evidence, keys, size in SHOTS:
        print(await shoot(library, name, code, version, evidence, keys, size))
    with messages.speaking("nb"):
        for name, code, version, evidence, keys, size in NORWEGIAN_SHOTS:
            print(await shoot(library, name, code, version, evidence, keys, size))
    print(await shoot_scan(library))


if __name__ == "__main__":
    asyncio.run(main())
