"""`--code` paints the first question from the start-up index, then loads the engine.

What the person sees must not depend on which path opened the walk, and a key pressed before
the engine is loaded must still count.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.widgets import OptionList

from tests.conftest import FIXTURE_TREES
from tests.ui.conftest import THEME, make_app
from wizard import startviews
from wizard.library import Library
from wizard.ui.app import IISDoctorApp
from wizard.ui.screens.walk import WalkScreen

ROOT = Path(__file__).resolve().parent.parent.parent


def shown(screen) -> dict[str, str]:
    texts = {name: str(screen.query_one(f"#{name}").render()) for name in ("crumbs", "notice", "question", "how")}
    answers = screen.query_one("#answers", OptionList)
    texts["answers"] = [str(answers.get_option_at_index(i).prompt) for i in range(answers.option_count)]
    return texts


def quick_app(code: str, version: str, calls: list):
    library = Library.load([FIXTURE_TREES], builtin=False)
    view = {k: v for k, v in startviews.build(library).items()}[("", code, version)]

    def load() -> Library:
        calls.append(shown(app.screen) if isinstance(app.screen, WalkScreen) else None)
        return library

    app = IISDoctorApp(load, code=code, version=version, first=view, remember=False)
    app.theme = THEME
    return app


async def test_the_question_is_painted_before_the_library_loads_and_matches_the_ordinary_path():
    calls: list = []
    quick = quick_app("403.1", "10.0", calls)  # 403.1 is an IIS 5/6 code: the notice must show too
    async with quick.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(calls) == 1 and calls[0] is not None  # loaded once, after the screen was up
        before = calls[0]
        after = shown(quick.screen)
        assert quick.screen.session is not None and quick.screen.case is not None
    ordinary = make_app(code="403.1", version="10.0")
    async with ordinary.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        expected = shown(ordinary.screen)
    assert before == after == expected
    assert "What kind of file does the URL point to?" in expected["question"]
    assert "IIS 10.0 does not use 403.1" in expected["notice"]


async def test_keys_walk_on_exactly_as_on_the_ordinary_path():
    calls: list = []
    quick = quick_app("403.1", "6.0", calls)
    async with quick.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "n")  # ASP page -> execute permission None; didn't fix it
        assert quick.screen.session.cursor.qualified == "script-map"
        assert quick.screen.query_one("#path") is not None  # the path panel came in after the paint
        await pilot.press("b", "b")
        assert quick.screen.session.cursor.qualified == "file-type"
    assert len(calls) == 1


class NotYetLoaded(WalkScreen):
    """Stands for a screen whose engine is still loading when the key arrives."""

    def _complete(self) -> None:
        pass


async def test_a_key_pressed_before_the_engine_is_loaded_waits_for_it():
    app = quick_app("403.1", "6.0", [])
    opened = []

    def opener():
        opened.append(True)
        return app._session_for("403.1", None, "6.0")

    view, app.start_view, app.start_code = app.start_view, None, None  # home first, then the held-back screen
    async with app.run_test(size=(100, 30)) as pilot:
        screen = NotYetLoaded.painted_first(view, opener)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.session is None and opened == []
        assert "What kind of file" in str(screen.query_one("#question").render())
        await pilot.press("1")
        assert screen.session.cursor.qualified == "exec-none" and opened == [True]


PROBE = """
import sys, time
from textual.app import App
from wizard.cli import main
seen = dict()
run = App.run
def headless(app, **kw):
    from wizard.ui.screens.walk import WalkScreen
    mounted = WalkScreen.on_mount
    def on_mount(screen):
        def painted():
            seen["engine"] = sorted(m for m in ("wizard.model", "wizard.library", "wizard.session") if m in sys.modules)
            seen["question"] = str(screen.query_one("#question").render())
        screen.call_after_refresh(painted)
        mounted(screen)
        screen.set_timer(0.3, lambda: (seen.update(ready=screen.session is not None), app.exit()))
    WalkScreen.on_mount = on_mount
    return run(app, headless=True, size=(100, 30))
App.run = headless
main({argv!r})
print(seen)
"""


def test_the_command_line_paints_before_importing_the_model():
    Library.load(cache=True)  # as any earlier run would have: writes the tree cache and the index
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
    argv = ["--code", "HTTP 403.1", "--iis", "6.0"]
    result = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True,
                            timeout=60, env=env, cwd=os.getcwd())
    assert result.returncode == 0, result.stderr
    seen = eval(result.stdout.strip().splitlines()[-1])
    assert seen == {"engine": [], "question": "What does the failing URL run?", "ready": True}
