"""The scan screen under Textual's Pilot: rows appear worst first, log text is literal, Enter asks for the walk."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable, Static

from tests.logscan.conftest import FIXTURES, HEADER, line
from wizard.ui.screens.scan import ScanScreen


class Host(App[None]):
    """A bare app that pushes the screen and records what it asks for."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = paths
        self.opened: list[ScanScreen.OpenWalk] = []

    def on_mount(self) -> None:
        self.push_screen(ScanScreen(self.paths))

    def on_scan_screen_open_walk(self, message: ScanScreen.OpenWalk) -> None:
        self.opened.append(message)


async def _loaded(pilot, app: Host) -> ScanScreen:
    screen = app.screen
    assert isinstance(screen, ScanScreen)
    await screen.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_rows_and_enter_posts_open_walk():
    app = Host([str(FIXTURES / "u_ex240301.log")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _loaded(pilot, app)
        table = screen.query_one("#scan-groups", DataTable)
        codes = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert codes == ["404.3 (50)", "401.2 (5)", "404 (2)", "500 (64)", "500.19 (5)"]
        await pilot.press("enter")
        await pilot.pause()
        (opened,) = app.opened
        assert opened.args == ["--code", "404.3", "--win32", "50", "--iis", "10"]
        assert opened.facts["count"] == 3 and opened.facts["urls"][0] == ("/data/prices.json", 3)
        assert opened.facts["period"] == ["2024-03-01T00:01:10", "2024-03-01T01:15:00"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.opened[-1].args == ["--code", "401.2", "--win32", "5", "--iis", "10"]


async def test_log_text_is_shown_literally(tmp_path):
    path = tmp_path / "u_ex.log"
    path.write_text(HEADER + line(url="/[DenyExtensions]", status="404 7 0"))
    app = Host([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _loaded(pilot, app)
        details = screen.query_one("#scan-details", Static)
        assert "/[DenyExtensions]" in str(details.render())


async def test_escape_goes_back_and_missing_file_is_reported(tmp_path):
    app = Host([str(tmp_path / "missing.log")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _loaded(pilot, app)
        assert "missing.log" in str(screen.query_one("#scan-summary", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ScanScreen)
