"""Issue 14 in the TUI: at 80x24 and 100x30 every answer and every command of the built-in
questions with the most answers and the longest commands comes into view by keys; the keys that
matter stay in the footer; home lets q, ?, Esc, h and Enter do what a person expects."""

from __future__ import annotations

import re
from collections import deque

import pytest
from textual.widgets import Footer, OptionList

from tests.ui.conftest import THEME, make_app
from wizard.engine.session import Session
from wizard.knowledge.library import Library
from wizard.knowledge.model import Question
from wizard.ui.screens.home import HomeScreen
from wizard.ui.screens.walk import WalkScreen
from wizard.ui.widgets.outcome_view import CommandBlock

SIZES = [(80, 24), (100, 30)]


@pytest.fixture(scope="module")
def builtin_library() -> Library:
    return Library.load()


def widest(library: Library, measure) -> tuple[str, str, str]:
    """(code, IIS version, node id) of the built-in question scoring highest on `measure`."""
    best = max(
        (
            (measure(n), t.key, node_id, t)
            for t in library.trees
            for node_id, n in t.nodes.items()
            if isinstance(n, Question)
        ),
        key=lambda row: row[0],
    )
    tree = best[3]
    versions = sorted(tree.versions or {"10.0"})
    return tree.code, "10.0" if "10.0" in versions else versions[-1], best[2]


def path_to(library: Library, code: str, version: str, node_id: str) -> list[int]:
    """The answers (0-based) that lead from the first question to `node_id`."""
    start = Session.start(library, "http", code, version)
    queue = deque([(start, [])])
    seen = set()
    while queue:
        session, moves = queue.popleft()
        if not session.finished and session.cursor.node == node_id:
            return moves
        if session.finished or session.cursor.ref in seen:
            continue
        seen.add(session.cursor.ref)
        queue.extend((session.choose(i), moves + [i]) for i in range(len(session.answers())))
    raise AssertionError(f"{node_id} cannot be reached in {code}")


def app_on(library: Library, code: str, version: str):
    from wizard.ui.app import IISDoctorApp

    app = IISDoctorApp(library, code=code, version=version, remember=False)
    app.theme = THEME
    return app


async def walk_to(pilot, moves: list[int]) -> None:
    for index in moves:
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause()


def answer_in_view(app) -> bool:
    """The highlighted answer lies wholly inside the answer list's visible rows, on screen."""
    answers = app.screen.query_one("#answers", OptionList)
    index = answers.highlighted
    top = answers._index_to_line[index]
    height = answers._heights[index]
    rows = answers.scrollable_content_region.height
    visible = answers.scroll_offset.y <= top and top + height <= answers.scroll_offset.y + rows
    on_screen = answers.region.bottom <= app.screen.query_one("#question-view").region.bottom
    return visible and on_screen and rows >= 2


@pytest.mark.parametrize("size", SIZES)
async def test_every_answer_of_the_longest_question_comes_into_view(builtin_library, size):
    code, version, node_id = widest(builtin_library, lambda q: len(q.answers))
    app = app_on(builtin_library, code, version)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await walk_to(pilot, path_to(builtin_library, code, version, node_id))
        assert app.screen.session.cursor.node == node_id
        count = len(app.screen.session.answers())
        assert count >= 11
        for index in range(count):
            assert app.screen.query_one("#answers", OptionList).highlighted == index
            assert answer_in_view(app), f"answer {index + 1} of {count} is not on screen at {size}"
            await pilot.press("down")
            await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_the_500_19_question_answers_10_and_11_by_digits(builtin_library, size):
    app = app_on(builtin_library, "500.19", "10.0")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert len(app.screen.session.answers()) == 11
        await pilot.press("1", "1")
        await pilot.pause()
        assert app.screen.session.moves[-1].answer == 10  # the eleventh answer
        await pilot.press("b", "1")  # a lone 1 waits for a second digit, then takes answer 1
        await pilot.pause(1.2)
        assert app.screen.session.moves[-1].answer == 0
        await pilot.press("b", "1", "enter")  # or Enter right away takes the highlighted one
        await pilot.pause()
        assert app.screen.session.moves[-1].answer == 0


@pytest.mark.parametrize("size", SIZES)
async def test_every_command_of_the_wordiest_question_is_shown_whole_and_copyable(builtin_library, size):
    code, version, node_id = widest(builtin_library, lambda q: sum(len(c) for c in q.commands))
    app = app_on(builtin_library, code, version)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await walk_to(pilot, path_to(builtin_library, code, version, node_id))
        assert app.screen.query("#side").first().display  # the path panel stays open at 80 columns
        question = app.screen.session.question
        blocks = list(app.screen.query_one("#check-commands").query_children(CommandBlock))
        assert [b.command for b in blocks] == list(question.commands)
        prompt = app.screen.query_one("#prompt")
        await pilot.press("tab")  # from the answers: the question text (arrows scroll it) ...
        assert app.focused is prompt
        await pilot.press("tab")  # ... then its first command
        for block in blocks:
            await pilot.pause()
            assert app.focused is block
            assert prompt.region.contains_region(block.region), f"{block.command[:30]} not in view at {size}"
            lines = str(block.render()).splitlines()
            assert all(len(line) <= block.size.width for line in lines)
            assert "".join(lines).replace(" ", "") == block.command.replace(" ", "")  # nothing clipped
            for quoted in re.findall(r'"[^"]*"', block.command):
                if len(quoted) < block.size.width - 2:
                    assert any(quoted in line for line in lines), f"{quoted} was split"
            await pilot.press("c")
            assert app.clipboard == block.command
            await pilot.press("down")
        assert answer_in_view(app)


def test_long_commands_break_only_outside_quotes():
    from wizard.views.command_lines import arguments, command_lines

    command = 'icacls "C:\\inetpub\\wwwroot\\My App" /grant "IIS AppPool\\My Pool":(OI)(CI)RX /T'
    assert arguments(command)[1] == '"C:\\inetpub\\wwwroot\\My App"'
    lines = command_lines(command, 34)
    assert all(len(line) <= 34 for line in lines)
    assert any('"C:\\inetpub\\wwwroot\\My App"' in line for line in lines)  # the quoted path is never split
    assert all(line.startswith("  ") for line in lines[1:])
    assert command_lines("short", 34) == ["short"]


def footer_keys(app) -> dict[str, bool]:
    """Each footer key's description, and whether it is wholly on screen."""
    footer = app.screen.query_one(Footer)
    width = app.size.width
    return {key.description: key.region.right <= width for key in footer.query("FooterKey") if key.region.width}


async def test_the_80_column_outcome_footer_keeps_export_done_help_quit():
    app = make_app(code="403.1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        keys = footer_keys(app)
        for wanted in ("Not fixed", "Export", "Done", "Help", "Quit"):
            assert keys.get(wanted), f"{wanted} missing from the 80-column footer: {keys}"


async def test_the_walk_footer_is_there_after_home_search_and_resume():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"403.1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.pause()
        assert footer_keys(app).get("Help")
        await pilot.press("1")  # an answer: now the case is worth keeping
        await pilot.press("h", "ctrl+r", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.pause()
        assert footer_keys(app).get("Help")


async def test_at_40x12_the_question_is_visible():
    app = make_app(code="500.19", version="10.0")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        question = app.screen.query_one("#question")
        assert question.region.height >= 1 and app.screen.region.contains_region(question.region)
        notice = app.screen.query_one("#notice")
        assert notice.region.height <= 1
        assert answer_in_view(app)


async def test_home_q_quits_when_the_box_is_empty_and_question_mark_opens_help():
    from wizard.ui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", *"ftp q")  # with text in the box, q is just a letter
        assert app.screen.query_one("#search").value == "ftp q"
        await pilot.press("escape")  # Esc clears the box
        assert app.screen.query_one("#search").value == ""
        await pilot.press("q")
    assert app.return_code == 0 and not app.is_running


async def test_ctrl_c_quits_from_the_search_box():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"403", "ctrl+c")
    assert not app.is_running


async def test_enter_on_an_empty_search_does_nothing_and_h_clears_the_old_query():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(*"403.1", "enter")
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#search").value == ""
        await pilot.press(*"500")
        assert app.screen.query_one("#search").value == "500"


async def test_a_pasted_error_page_keeps_every_line_and_ranks_like_find(builtin_library):
    from textual import events

    page = (
        'Server Error in Application "DEFAULT WEB SITE"\r\nHTTP Error 500.19 - Internal Server Error\r\n'
        "Module IIS Web Core\r\nNotification BeginRequest\r\nError Code 0x80070021\r\n"
        "Config Error This configuration section cannot be used at this path."
    )
    app = app_on(builtin_library, None, "10.0")  # type: ignore[arg-type]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#search")
        box.post_message(events.Paste(page))
        await pilot.pause()
        assert box.query_text.count("\n") == 5 and "0x80070021" in box.value
        codes = app.screen.query_one("#codes", OptionList)
        first = next(codes.get_option_at_index(i) for i in range(codes.option_count) if codes.get_option_at_index(i).id)
        assert first.id == "http:500.19"
        assert "pasted text (6 lines)" in str(app.screen.query_one("#summary").render())


async def test_an_ambiguous_code_is_called_ambiguous_not_unknown(builtin_library):
    app = app_on(builtin_library, "500", "10.0")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [n.title for n in app._notifications] == ["Ambiguous code"]


async def test_pasted_escape_sequences_stay_inert_in_the_search_box(builtin_library):
    from textual import events

    app = app_on(builtin_library, None, "10.0")  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#search")
        box.post_message(events.Paste("403.14\x1b[2J\x1b]52;c;eA==\x07"))
        await pilot.pause()
        assert "\x1b" not in box.value and "\x07" not in box.value and "␛[2J" in box.value
        box.post_message(events.Paste("HTTP Error 403.14\r\n\x1b]8;;http://evil\x07link\x1b]8;;\x07"))
        await pilot.pause()
        assert "\x1b" not in box.query_text and "␛]8;;http://evil" in box.query_text
