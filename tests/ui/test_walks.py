"""Keyboard-driven walks through several trees, as a person would press the keys."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.ui.conftest import make_app
from wizard.ui.screens.help import HelpScreen
from wizard.ui.screens.home import HomeScreen
from wizard.ui.screens.walk import WalkScreen


def node_id(app) -> str:
    return app.screen.session.cursor.qualified


async def test_code_opens_on_first_question_and_walks_forward_back_restart():
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen) and node_id(app) == "file-type"
        assert app.sub_title == "IIS 6.0"
        await pilot.press("down", "enter")  # second answer: A CGI program
        assert node_id(app) == "scripts-only"
        await pilot.press("n")  # didn't fix it: on to the NTFS shared check
        assert node_id(app) == "ntfs:can-read"
        await pilot.press("2")
        assert node_id(app) == "ntfs:grant-read"
        await pilot.press("b")
        assert node_id(app) == "ntfs:can-read"
        await pilot.press("1")  # permissions fine: the subtree returns to the tree
        assert node_id(app) == "last-resort"
        await pilot.press("r")  # answers would be lost: it asks first
        await pilot.press("n")
        assert node_id(app) == "last-resort"
        await pilot.press("r", "y")
        assert node_id(app) == "file-type" and app.screen.session.moves == ()


async def test_outcome_next_cause_and_copy_command():
    app = make_app(code="HTTP 403-1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        assert node_id(app) == "exec-none"
        await pilot.press("c")
        assert app.clipboard == "cscript adsutil.vbs set w3svc/1/root/AccessScript true"
        await pilot.press("n", "2")
        assert node_id(app) == "add-verb"
        path = app.screen.query_one("#path").render()
        assert "Does the script map allow the verb?" in str(path) and "→ No" in str(path)


async def test_version_changes_what_is_offered():
    app = make_app(code="403.1", version="5.0")
    async with app.run_test(size=(100, 30)) as pilot:
        answers = app.screen.query_one("#answers", OptionList)
        assert answers.option_count == 2  # the ISAPI answer is IIS 6.0 only
        await pilot.press("9")  # no such answer: nothing happens
        assert node_id(app) == "file-type"


async def test_home_search_and_enter_starts_walk():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(*"ftp 550")
        assert app.screen.query_one("#search", Input).value == "ftp 550"
        await pilot.press("enter")
        assert isinstance(app.screen, WalkScreen) and app.screen.session.code_label() == "FTP 550"
        await pilot.press("1")  # file exists: NTFS check from the shared subtree
        assert node_id(app) == "ntfs:can-read"
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)


async def test_words_find_codes_by_their_tree_text():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"script map")
        codes = app.screen.query_one("#codes", OptionList)
        ids = [codes.get_option_at_index(i).id for i in range(codes.option_count)]
        assert [i for i in ids if i] == ["http:403.1"]


async def test_ambiguous_code_stays_home_and_asks():
    app = make_app(code="500")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#search", Input).value == "500"
        codes = app.screen.query_one("#codes", OptionList)
        ids = [codes.get_option_at_index(i).id for i in range(codes.option_count)]
        assert [i for i in ids if i] == ["http:500", "http:500.19", "ftp:500"]


async def test_unknown_code_lands_home_with_notice():
    app = make_app(code="418")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [note] = list(app._notifications)
        assert "HTTP 418 is not a known code; closest known: 404.2, 403" in note.message


async def test_help_lists_the_keys_of_the_screen_below():
    app = make_app(code="403.1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        for expected in ("Back", "Restart", "Home", "Not fixed", "Copy", "1-9", "Ctrl+P", "Ctrl+C", "Help", "Quit"):
            assert expected in keys
        await pilot.press("escape")
        assert isinstance(app.screen, WalkScreen)


async def test_small_terminal_and_resizing_do_not_break_the_walk():
    app = make_app(code="403.1")
    async with app.run_test(size=(40, 12)) as pilot:
        assert not app.screen.query_one("#side").display or app.screen.query_one("#side").size.width == 0
        await pilot.press("1")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.press("n", "1")
        assert node_id(app) == "ntfs:can-read"


async def test_q_quits():
    app = make_app(code="403.1")
    async with app.run_test() as pilot:
        await pilot.press("q")
        assert app.return_code == 0 and not app.is_running
