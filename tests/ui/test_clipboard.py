"""Copying says "Copied" only when a clipboard tool took the text; otherwise it says what happened."""

from __future__ import annotations

from tests.ui.conftest import make_app


def titles(app) -> list[str]:
    return [n.title for n in app._notifications]


async def test_without_a_clipboard_tool_the_message_is_honest(monkeypatch):
    monkeypatch.setattr("wizard.platform.clipboard.copy_with_tool", lambda text: None)
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "c")
        await pilot.pause()
        assert app.clipboard.startswith("cscript")  # offered by OSC 52 all the same
        assert "Maybe not copied" in titles(app) and "Copied" not in titles(app)


async def test_with_a_clipboard_tool_it_says_copied(monkeypatch):
    taken: list[str] = []
    monkeypatch.setattr("wizard.platform.clipboard.copy_with_tool", lambda text: taken.append(text) or "xclip")
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "c")
        await pilot.pause()
        assert taken == [app.clipboard] and "Copied" in titles(app)


async def test_export_without_a_tool_points_at_the_file(monkeypatch):
    from textual.widgets import Static

    monkeypatch.setattr("wizard.platform.clipboard.copy_with_tool", lambda text: None)
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "x")
        await pilot.pause()
        text = str(app.screen.query_one("#export-paths", Static).render())
        assert "may ignore it" in text and "open the Markdown file" in text


def test_the_tools_are_off_when_asked(monkeypatch):
    from wizard.platform import clipboard

    monkeypatch.setenv("IISDOCTOR_CLIPBOARD", "none")
    assert clipboard.candidates() == [] and clipboard.copy_with_tool("x") is None
    monkeypatch.setenv("IISDOCTOR_CLIPBOARD", "")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(clipboard.shutil, "which", lambda name: f"/usr/bin/{name}" if name == "xsel" else None)
    assert clipboard.candidates() == [["xsel", "--clipboard", "--input"]]
