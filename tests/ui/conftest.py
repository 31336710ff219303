"""UI test helpers: the app over fixture trees, with everything that varies between machines pinned."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURE_TREES
from wizard.library import Library

THEME = "textual-dark"


@pytest.fixture(autouse=True)
def steady_environment(monkeypatch):
    """NO_COLOR and theme variables on a developer's machine would change every snapshot."""
    for name in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def make_app(code: str | None = None, version: str | None = "6.0", protocol: str | None = None):
    from wizard.ui.app import IISDoctorApp

    library = Library.load([FIXTURE_TREES], builtin=False)
    app = IISDoctorApp(library, code=code, protocol=protocol, version=version)
    app.theme = THEME
    return app


async def no_blink(pilot) -> None:
    """Freeze the search box's cursor so a snapshot never catches it half-way."""
    from textual.widgets import Input

    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()
