"""The helpdesk workflow in the TUI: notes, closing a case, export, resume, remembered version."""

from __future__ import annotations

import json

from textual.widgets import Input, OptionList, Select

from tests.ui.conftest import make_app
from wizard.knowledge.evidence import Evidence
from wizard.platform import settings
from wizard.ui.screens.export import ExportScreen
from wizard.ui.screens.home import HomeScreen
from wizard.ui.screens.note import NoteScreen
from wizard.ui.screens.resume import ResumeScreen
from wizard.ui.screens.walk import WalkScreen


def saved(app):
    cases = app.store.all().cases
    assert len(cases) == 1
    return cases[0]


async def test_every_walk_is_saved_as_it_goes_with_notes_per_step():
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.store.all().cases == []  # nothing answered, nothing noted: no case yet
        await pilot.press("e")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"only .asp fails", "enter", *"since Monday", "ctrl+s")
        assert isinstance(app.screen, WalkScreen)
        assert saved(app).session["moves"] == []  # a note alone makes the case worth keeping
        await pilot.press("e", *"second note", "ctrl+s")
        await pilot.press("1")
        case = saved(app)
        assert case.session["moves"] == [{"at": "http:403.1#file-type", "answer": 0, "auto": False}]
        assert [n.text for n in case.notes_for(0, "http:403.1#file-type")] == [
            "only .asp fails\nsince Monday",
            "second note",
        ]
        path = str(app.screen.query_one("#path").render())
        assert "only .asp fails" in path and "second note" in path
        await pilot.press("e", "escape")  # cancel leaves things as they were
        assert saved(app).notes == case.notes


async def test_a_note_shows_under_the_step_it_belongs_to_and_can_be_edited():
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "n", "e", *"GET only", "ctrl+s")
        lines = str(app.screen.query_one("#path").render()).splitlines()
        at = next(i for i, line in enumerate(lines) if "GET only" in line)
        assert "(now)" in lines[at - 1]  # under the step on screen, not the previous answer
        await pilot.press("E")  # the step's notes: choose one, change it
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("enter", "end", *", HEAD too", "ctrl+s")
        await pilot.pause()
        assert [n.text for n in saved(app).notes] == ["GET only, HEAD too"]


async def test_close_case_as_escalated_needs_a_reason():
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "d", "down", "down", "enter", "enter")
        assert saved(app).status == "open"  # no reason yet: the dialog stays
        await pilot.press(*"web team", "enter")
        await pilot.pause()
        case = saved(app)
        assert case.status == "escalated" and case.reason == "web team"
        assert isinstance(app.screen, WalkScreen)


async def test_export_writes_files_and_copies_markdown():
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        case = saved(app)
        target = app.store.folder.parent / "exports" / f"{case.id}.md"
        assert target.read_text(encoding="utf-8") == app.clipboard
        assert app.clipboard.startswith("**HTTP 403.1 — Execute access forbidden** · IIS 6.0 · Open")
        assert json.loads(target.with_suffix(".json").read_text())["case"] == case.id
        await pilot.press("escape")
        assert isinstance(app.screen, WalkScreen)


async def test_resume_list_continues_where_the_case_stopped():
    first = make_app(code="403.1")
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "n", "e", *"GET only", "ctrl+s")
    app = make_app(pick_case=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.session.cursor.qualified == "script-map"
        assert "✎" in str(app.screen.query_one("#path").render())
        assert "GET only" in str(app.screen.query_one("#path").render())
        await pilot.press("2")
        assert saved(app).tried == ("http:403.1#exec-none", "http:403.1#add-verb")


async def test_resume_from_home_with_ctrl_r_and_escape_back():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_evidence_answer_is_announced_and_can_be_changed():
    app = make_app(code="500.19", version="10.0", evidence=Evidence(33))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.session.outcome.id == "locked"
        notice = str(app.screen.query_one("#notice").render())
        assert "Answered from the evidence you gave (Win32 33 (0x80070021))" in notice
        assert "On IIS 5.0, 6.0 500.19 means something else: Bad metabase data." in notice
        await pilot.press("b")
        assert app.screen.session.cursor.qualified == "hresult"
        await pilot.press("3")
        assert app.screen.session.outcome.id == "other"


async def test_version_choice_on_home_is_remembered():
    assert settings.iis_version() == "10.0"  # nothing saved yet: IIS 10
    app = make_app(version=None)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#version", Select).value = "7.5"
        await pilot.pause()
        assert app.version == "7.5" and app.sub_title == "IIS 7.5"
    assert settings.iis_version() == "7.5"


async def test_resume_list_deletes_a_case_on_the_second_press():
    first = make_app(code="403.1")
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
    app = make_app(pick_case=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("delete")
        assert len(app.store.all().cases) == 1  # first press only asks
        await pilot.press("delete")
        assert app.store.all().cases == []
        assert app.screen.query_one("#resume-list", OptionList).option_count == 0


async def test_pasted_error_page_on_home_ranks_the_code_it_names():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        search = app.screen.query_one("#search", Input)
        search.value = "HTTP Error 403.14 - Forbidden. The Web server is configured to not list this directory."
        await pilot.pause()
        codes = app.screen.query_one("#codes", OptionList)
        first = next(
            codes.get_option_at_index(i) for i in range(codes.option_count) if not codes.get_option_at_index(i).disabled
        )
        assert first.id == "http:403.14"


async def test_pasted_detailed_error_carries_its_hresult_into_the_walk():
    app = make_app(version="10.0")
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#search", Input).value = "HTTP Error 500.19 - Internal Server Error Error Code 0x80070021"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen) and app.screen.session.outcome.id == "locked"


async def test_walk_for_another_version_says_so_on_screen():
    app = make_app(code="500.19", version="5.0")  # 500.19 exists on IIS 5.0, but only the 7.0+ walk is written
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.session.version == "10.0" and app.version == "5.0"
        notice = str(app.screen.query_one("#notice").render())
        assert "This walk is written for IIS 10.0; you chose IIS 5.0, for which there is no guided walk" in notice


async def test_code_not_used_by_the_chosen_version_says_so():
    app = make_app(code="403.1", version="10.0")  # the fixture catalog has 403.1 for IIS 5.0 and 6.0 only
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notice = str(app.screen.query_one("#notice").render())
        assert "IIS 10.0 does not use 403.1; this walk is for IIS 6.0" in notice
