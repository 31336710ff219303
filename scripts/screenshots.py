"""Regenerate screenshots/*.svg from the real built-in trees: `python scripts/screenshots.py`.

Each shot drives the app with the keyboard exactly as a person would, then saves an SVG.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard.library import Library  # noqa: E402
from wizard.ui.app import IISDoctorApp  # noqa: E402

OUT = ROOT / "screenshots"

SHOTS = [
    # (file name, --code, keys to press, terminal size)
    ("home", None, [], (100, 30)),
    ("home-search", None, list("urlscan"), (100, 30)),
    ("question", "403.1", [], (100, 30)),
    ("outcome", "403.1", ["1"], (100, 34)),
    ("help", "403.1", ["question_mark"], (100, 30)),
]


async def shoot(library: Library, name: str, code: str | None, keys: list[str], size) -> Path:
    app = IISDoctorApp(library, code=code, version="6.0")
    app.theme = "textual-dark"
    async with app.run_test(size=size) as pilot:
        from textual.widgets import Input

        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.press(*keys)
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    return OUT / f"{name}.svg"


async def main() -> None:
    os.environ.pop("NO_COLOR", None)
    library = Library.load()
    OUT.mkdir(exist_ok=True)
    for name, code, keys, size in SHOTS:
        print(await shoot(library, name, code, keys, size))


if __name__ == "__main__":
    asyncio.run(main())
