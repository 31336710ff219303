"""UI test helpers: the app over fixture trees, with everything that varies between machines pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FIXTURE_TREES
from wizard.knowledge.library import Library

THEME = "textual-dark"


@pytest.fixture(autouse=True)
def steady_environment(monkeypatch):
    """NO_COLOR and theme variables on a developer's machine would change every snapshot."""
    for name in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def make_app(code: str | None = None, version: str | None = "6.0", protocol: str | None = None, **options):
    from wizard.ui.app import IISDoctorApp

    library = Library.load([FIXTURE_TREES], builtin=False)
    app = IISDoctorApp(library, code=code, protocol=protocol, version=version, **options)
    app.theme = THEME
    return app


async def no_blink(pilot) -> None:
    """Freeze the search box's cursor so a snapshot never catches it half-way."""
    from textual.widgets import Input, TextArea

    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


#: The data folder as the screens show it: relative to a per-test working folder, so every
#: machine and every parallel worker draws the same text while writing to a folder of its own.
SNAPSHOT_DATA = Path("iisdoctor-data")


@pytest.fixture
def frozen_cases(monkeypatch, tmp_path):
    """Fixed case ids, clock and data folder, so screens that show them snapshot the same way."""
    from wizard.cases import store as cases

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IISDOCTOR_DATA_DIR", str(SNAPSHOT_DATA))
    ids = iter(f"20261126-0900{n:02d}-abcd" for n in range(100))
    monkeypatch.setattr(cases, "new_id", lambda: next(ids))
    monkeypatch.setattr(cases, "now", lambda: "2026-11-26T09:30:00+00:00")
    return tmp_path / SNAPSHOT_DATA
