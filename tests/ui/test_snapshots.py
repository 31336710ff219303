"""One snapshot per screen, on fixture trees (rewording a real tree never churns an image).

Update deliberately with `pytest tests/ui/test_snapshots.py --snapshot-update` and review the SVGs.
"""

from __future__ import annotations

from tests.helpers import FIXTURE_TREES
from tests.ui.conftest import make_app, no_blink
from wizard.language import messages


def test_home(snap_compare):
    """Every known code, grouped by protocol and class; the IIS version in the header."""
    assert snap_compare(make_app(), run_before=no_blink, terminal_size=(80, 24))


def test_home_filtered(snap_compare):
    """Typing words narrows the list live."""
    assert snap_compare(make_app(), press=[*"execute"], run_before=no_blink, terminal_size=(80, 24))


def test_question(snap_compare):
    """--code opens straight on the first question: breadcrumb, how to check, numbered answers, path."""
    assert snap_compare(make_app(code="403.1"), terminal_size=(80, 24))


def test_outcome_with_command_and_kb(snap_compare):
    """Cause, numbered steps, a command in a box, KB reference shown literally ([DenyExtensions])."""
    assert snap_compare(make_app(code="403.1"), press=["1"], terminal_size=(80, 30))


def test_help(snap_compare):
    """? lists the keys of the screen below."""
    assert snap_compare(make_app(code="403.1"), press=["question_mark"], terminal_size=(80, 24))


def test_unknown_code_notice(snap_compare):
    """An unknown --code lands on home with the search filled in and a notice of what is closest."""
    assert snap_compare(make_app(code="418"), run_before=no_blink, terminal_size=(80, 24))


def test_walk_at_40x12(snap_compare):
    """Still readable in a tiny terminal: the path panel steps aside."""
    assert snap_compare(make_app(code="403.1"), press=["1", "n"], terminal_size=(40, 12))


def test_note_field(snap_compare, frozen_cases):
    """e opens the note field for the current step, over the walk."""

    async def type_note(pilot) -> None:
        await pilot.press("1", "e", *"set Scripts only")
        await no_blink(pilot)

    assert snap_compare(make_app(code="403.1"), run_before=type_note, terminal_size=(80, 24))


def test_export_confirmation(snap_compare, frozen_cases):
    """x writes the Markdown and JSON, copies the Markdown and shows where it went."""
    assert snap_compare(make_app(code="403.1"), press=["1", "x"], terminal_size=(100, 30))


def test_resume_list(snap_compare, frozen_cases):
    """--resume without an id lists saved cases, newest first, with code, result, age and last step."""
    from tests.helpers import FIXTURE_TREES
    from wizard.cases.store import ESCALATED, Case, CaseStore
    from wizard.engine.session import Session
    from wizard.knowledge.library import Library
    from wizard.knowledge.record import replace

    library = Library.load([FIXTURE_TREES], builtin=False)
    store = CaseStore()
    older = Session.start(library, "http", "403.1", "6.0").choose(0)
    store.save(replace(Case.new(older).closed(ESCALATED, "web team"), updated="2026-11-24T09:30:00+00:00"))
    newer = Session.start(library, "ftp", "550", "6.0")
    store.save(replace(Case.new(newer), updated="2026-11-26T09:25:00+00:00"))
    (store.folder / "broken.json").write_text('{"format": 1, "id": ')
    assert snap_compare(make_app(pick_case=True), terminal_size=(100, 24))


def test_evidence_notice(snap_compare):
    """Evidence given with the code answers the question by itself and says so."""
    from wizard.knowledge.evidence import Evidence

    assert snap_compare(make_app(code="500.19", version="10.0", evidence=Evidence(33)), terminal_size=(100, 24))


def wide_app(**options):
    """The fixture trees plus a question with eleven answers and long commands (tests/fixtures/wide_trees)."""
    from pathlib import Path

    from tests.ui.conftest import THEME
    from wizard.knowledge.library import Library
    from wizard.ui.app import IISDoctorApp

    library = Library.load([FIXTURE_TREES, Path(__file__).parent.parent / "fixtures" / "wide_trees"], builtin=False)
    app = IISDoctorApp(library, code="403.14", version="6.0", remember=False, **options)
    app.theme = THEME
    return app


def test_eleven_answers_at_80x24(snap_compare):
    """Issue 14: the answers keep half the view and scroll; Down to the last one brings it into view."""
    assert snap_compare(wide_app(), press=["down"] * 10, terminal_size=(80, 24))


def test_outcome_at_80x24(snap_compare):
    """Issue 14: an outcome at 80x24, the footer keeping Not fixed, Export, Done, Help and Quit; KB as a link."""
    assert snap_compare(wide_app(), press=["2"], terminal_size=(80, 24))


async def _scanned(pilot) -> None:
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.press("down")
    await pilot.pause()


def test_scan_screen(snap_compare, monkeypatch):
    """Failing combinations from sample logs, worst first; the chosen row's URLs, clients and a sample line."""
    from tests.helpers import ROOT
    from wizard.ui.log_walks import ScanRequest

    monkeypatch.chdir(ROOT)  # the screen shows the log paths as given: relative, the same on every machine
    app = make_app(scan=ScanRequest(["tests/logscan/fixtures"]))
    assert snap_compare(app, run_before=_scanned, terminal_size=(80, 24))


def test_home_norwegian(snap_compare):
    """Home in bokmål: code titles, class headings, summary, footer keys (F2 switches back)."""
    messages.use("nb")
    assert snap_compare(make_app(), run_before=no_blink, terminal_size=(80, 24))


def test_question_norwegian(snap_compare):
    """A question in bokmål: the tree's own text and every label around it."""
    messages.use("nb")
    assert snap_compare(make_app(code="403.1"), terminal_size=(80, 24))


def test_outcome_norwegian(snap_compare):
    """An outcome in bokmål: cause, steps, the command box, the KB reference and the way on."""
    messages.use("nb")
    assert snap_compare(make_app(code="403.1"), press=["1"], terminal_size=(80, 30))
