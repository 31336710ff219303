"""From the server's logs to a walk: the scan screen inside the real app, with the built-in trees."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.logscan.conftest import FIXTURES
from wizard.cases.report import build, to_markdown
from wizard.knowledge.library import Library
from wizard.ui.app import IISDoctorApp
from wizard.ui.log_walks import ScanRequest, read_walk_args
from wizard.ui.screens.scan import ScanScreen
from wizard.ui.screens.walk import WalkScreen


async def test_a_scan_row_opens_its_walk_with_the_logs_evidence_and_facts(builtin):
    app = IISDoctorApp(builtin, version="6.0", remember=False, scan=ScanRequest([str(FIXTURES / "u_ex240301.log")]))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ScanScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        table = screen.query_one("#scan-groups", DataTable)
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        await pilot.press(*["down"] * rows.index("500.19 (5)"), "enter")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen) and walk.session is not None
        session = walk.session
        assert (session.code, session.version) == ("500.19", "10.0")  # the log's IIS version, not the app's
        assert session.evidence.win32 == 5 and any(v.auto for v in session.history)  # answered from the log
        assert walk.case is not None and walk.case.log is not None and walk.case.log["count"] >= 1
        markdown = to_markdown(build(walk.case, builtin))
        assert "From the server's logs:" in markdown and "u_ex240301.log" in markdown
        await pilot.press("escape")  # the walk's Home: home is there to go back to
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


def test_walk_arguments_of_every_log_kind(builtin: Library):
    http = read_walk_args(builtin, ["--code", "404.3", "--win32", "50", "--iis", "8.5"])
    assert (http.code, http.version, http.evidence.win32, http.problem) == ("404.3", "8.5", 50, "")
    ftp = read_walk_args(builtin, ["--ftp", "--code", "550", "--win32", "5"])
    assert (ftp.protocol, ftp.code, ftp.evidence.win32) == ("ftp", "550", 5)
    queue = read_walk_args(builtin, ["--http", "--reason", "queuefull"])
    assert (queue.code, queue.protocol, queue.evidence.reason) == ("503", "http", "QueueFull")
    assert "not a known HTTPERR reason" in read_walk_args(builtin, ["--reason", "Nope"]).problem
    assert read_walk_args(builtin, ["--iis", "10"]).problem.startswith("no status code")
