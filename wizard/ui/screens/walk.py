"""The walk: one question at a time, then the outcome, with the path beside it."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from wizard import versions as V
from wizard.cases import Case
from wizard.model import tr
from wizard.session import Session
from wizard.ui.widgets.outcome_view import CommandBlock, OutcomeView
from wizard.ui.widgets.path_panel import PathPanel


NARROW = 70  # below this many columns the path panel is hidden


class WalkScreen(Screen):
    """Holds one Session; every key press makes a new Session and the view follows."""

    CSS_PATH = [Path(__file__).with_name("walk.tcss")]

    HELP = ("Answer with arrows and Enter or the number keys. b goes back, r starts over, h goes home. "
            "Every walk is saved as a case as you go: e adds a note to this step, x exports the case for "
            "a ticket, d records how it ended; `iisdoctor --resume` continues it later.")
    BINDINGS = [
        Binding("b,backspace", "back", "Back", id="back"),
        Binding("r", "restart", "Restart", id="restart"),
        Binding("h,escape", "home", "Home", id="home"),
        Binding("n", "not_fixed", "Didn't fix it", id="not-fixed"),
        Binding("c", "copy", "Copy command", id="copy"),
        Binding("e", "note", "Note", id="note"),
        Binding("x", "export", "Export", id="export"),
        Binding("d", "close_case", "Done", id="close-case"),
        Binding("p", "toggle_path", "Path", id="path"),
    ] + [Binding(str(i), f"answer({i})", show=False) for i in range(1, 10)]

    session: var[Session | None] = var(None, init=False)

    def __init__(self, session: Session, case: Case | None = None):
        super().__init__()
        self._initial = session
        self._path_choice: bool | None = None  # None: shown or hidden by the terminal's width
        self.case = case or Case.new(session)

    def compose(self) -> ComposeResult:
        yield Static("", id="crumbs", markup=False)
        yield Static("", id="notice", markup=False)
        with Horizontal(id="body"):
            with ContentSwitcher(initial="question-view", id="views"):
                with Vertical(id="question-view"):
                    with VerticalScroll(id="prompt"):  # long how-to text scrolls; answers stay in view
                        yield Static("", id="progress", markup=False)
                        yield Static("", id="question", markup=False)
                        yield Static("", id="how", markup=False)
                        yield Static("", id="check-commands", markup=False)
                    yield OptionList(id="answers", markup=False)
                yield OutcomeView(id="outcome-view")
            with Vertical(id="side"):
                yield PathPanel(id="path")

    def on_mount(self) -> None:
        self.session = self._initial
        # The question is what the person is waiting for: paint it first, then add the header
        # and the key bar (the Footer alone costs about as much as the rest of the screen).
        self.call_after_refresh(self._add_chrome)

    def _add_chrome(self) -> None:
        self.mount(Header(), before=0)
        self.mount(Footer())

    def watch_session(self, session: Session) -> None:
        self.case = self.case.with_session(session)
        self.app.save_case(self.case)
        self.query_one("#crumbs", Static).update(" › ".join(session.breadcrumb()))
        self._show_notice(session)
        self.query_one(PathPanel).show(session, self.case)
        views = self.query_one("#views", ContentSwitcher)
        if session.finished:
            views.current = "outcome-view"
            outcome = self.query_one(OutcomeView)
            outcome.show(session)
            self.call_after_refresh(self._focus_outcome)
        else:
            views.current = "question-view"
            self._show_question(session)
        self.refresh_bindings()

    def _show_notice(self, session: Session) -> None:
        """What the evidence answered, and what this code means on other IIS versions."""
        lines = []
        auto = [v for v in session.history if v.auto]
        picked = None if session.finished else session.evidence_answer()
        if picked is not None:
            lines.append(f"Your evidence ({session.evidence.describe()}) points to answer {picked + 1}; "
                         f"pick another answer to change it.")
        elif auto:
            last = auto[-1]
            lines.append(f"Answered from the evidence you gave ({session.evidence.describe()}): "
                         f"{tr(last.answer.label)}. Press b to change it.")
        elif session.evidence and not session.moves:
            lines.append(f"Evidence: {session.evidence.describe()} (it answers no question here).")
        library = self.app.library
        chosen = self.app.version
        if session.version != chosen:
            here = library.entry(session.protocol, session.code, chosen)
            if here is not None and chosen in here.versions:
                lines.append(f"This walk is written for IIS {session.version}; you chose IIS {chosen}, for which "
                             f"there is no guided walk of {session.code} yet.")
            else:
                lines.append(f"IIS {chosen} does not use {session.code}; this walk is for IIS {session.version}, "
                             f"where it comes from.")
        for other in library.other_meanings(session.protocol, session.code, session.version):
            lines.append(f"On IIS {V.describe(other.versions)} {session.code} means something else: "
                         f"{tr(other.title)}.")
        notice = self.query_one("#notice", Static)
        notice.update(Content("\n".join(lines)))
        notice.display = bool(lines)

    def _show_question(self, session: Session) -> None:
        node = session.node
        asked = len([v for v in session.history if v.answer is not None]) + 1
        more = session.remaining() - 1
        tail = "this is the last question" if more <= 0 else f"at most {more} more after this"
        self.query_one("#progress", Static).update(f"Question {asked} · {tail}")
        self.query_one("#question", Static).update(Content(tr(node.question)))
        how = self.query_one("#how", Static)
        how.update(Content(f"How to check: {tr(node.how)}") if node.how else "")
        how.display = bool(node.how)
        commands = self.query_one("#check-commands", Static)
        commands.update(Content("\n".join(f"> {c}" for c in node.commands)))
        commands.display = bool(node.commands)
        answers = self.query_one("#answers", OptionList)
        answers.clear_options()
        answers.add_options([Option(Content(f"{i}. {tr(a.label)}"), id=str(i - 1))
                             for i, a in enumerate(session.answers(), 1)])
        answers.highlighted = session.evidence_answer() or 0
        answers.focus()
        self.query_one("#prompt", VerticalScroll).scroll_home(animate=False)

    def _focus_outcome(self) -> None:
        blocks = self.query_one(OutcomeView).commands()
        if blocks:
            blocks[0].focus(scroll_visible=False)
        else:
            self.query_one(OutcomeView).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Show only the keys that do something right now."""
        session = self.session
        if session is None:
            return True
        if action == "not_fixed":
            return bool(session.finished and session.outcome.next)
        if action == "copy":
            return bool(session.finished and self.query_one(OutcomeView).commands())
        if action in ("back", "restart"):
            return bool(session.moves) or None
        return True

    # -- actions -------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#answers")
    def _answered(self, event: OptionList.OptionSelected) -> None:
        self.session = self.session.choose(int(event.option.id))

    def action_answer(self, number: int) -> None:
        if not self.session.finished and number <= len(self.session.answers()):
            self.session = self.session.choose(number - 1)

    def action_back(self) -> None:
        self.session = self.session.back()

    def action_restart(self) -> None:
        self.session = self.session.restart()

    def action_not_fixed(self) -> None:
        if self.session.finished and self.session.outcome.next:
            self.session = self.session.not_fixed()

    def action_home(self) -> None:
        self.app.go_home()

    def action_note(self) -> None:
        from wizard.ui.screens.note import NoteScreen

        session = self.session
        where = tr(session.outcome.cause) if session.finished else tr(session.node.question)
        current = self.case.note_for(len(session.moves), session.cursor.ref)

        def save(text: str | None) -> None:
            if text is not None:
                self.case = self.case.with_note(self.session, text)
                self.app.save_case(self.case)
                self.query_one(PathPanel).show(self.session, self.case)

        self.app.push_screen(NoteScreen(where, current), save)

    def action_export(self) -> None:
        from wizard.ui.screens.export import export_case

        export_case(self.app, self.case)

    def action_close_case(self) -> None:
        from wizard.ui.screens.close_case import CloseCaseScreen

        def close(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.case = self.case.closed(*result)
                self.app.save_case(self.case)
                self.notify(f"Case {self.case.id} saved as {result[0].replace('-', ' ')}. "
                            f"Press x to export it for the ticket.", title="Case closed", markup=False)

        self.app.push_screen(CloseCaseScreen(self.case.status, self.case.reason), close)

    def on_resize(self, event) -> None:
        self._place_side(event.size.width)

    def _place_side(self, width: int) -> None:
        """The path panel steps aside below NARROW columns, unless the person asked for it with p.

        Done here rather than with app-wide CSS breakpoints: switching a class on the whole
        screen restyles every widget, which cost a visible part of start-up.
        """
        side = self.query_one("#side")
        side.display = self._path_choice if self._path_choice is not None else width >= NARROW

    def action_toggle_path(self) -> None:
        side = self.query_one("#side")
        self._path_choice = not side.display
        side.display = self._path_choice

    def action_copy(self) -> None:
        focused = self.focused if isinstance(self.focused, CommandBlock) else None
        blocks = self.query_one(OutcomeView).commands()
        block = focused or (blocks[0] if blocks else None)
        if block is None:
            return
        self.app.copy_to_clipboard(block.command)
        self.notify(f"Copied: {block.command}", title="Clipboard", markup=False)
