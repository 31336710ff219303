"""The walk: one question at a time, then the outcome, with the path beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from wizard.ui.host import host
from wizard.ui.styles import beside
from wizard.views.question import QuestionView

if TYPE_CHECKING:
    from wizard.cases.store import Case
    from wizard.engine.session import Session
    from wizard.ui.widgets.outcome_view import OutcomeView


NARROW = 70  # below this many columns the path panel is hidden


class WalkScreen(Screen):
    """Holds one Session; every key press makes a new Session and the view follows."""

    DEFAULT_CSS = beside(__file__, "walk.tcss")

    HELP = (
        "Answer with arrows and Enter or the number keys. b goes back, r starts over, h goes home. "
        "Every walk is saved as a case as you go: e adds a note to this step, x exports the case for "
        "a ticket, d records how it ended; `iisdoctor --resume` continues it later."
    )
    BINDINGS: ClassVar[list[BindingType]] = [  # type: ignore[assignment]
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
        self.case = case

    def compose(self) -> ComposeResult:
        yield Static("", id="crumbs", markup=False)
        yield Static("", id="notice", markup=False)
        with Horizontal(id="body"), ContentSwitcher(initial="question-view", id="views"):
            with Vertical(id="question-view"):
                with VerticalScroll(id="prompt"):  # long how-to text scrolls; answers stay in view
                    yield Static("", id="progress", markup=False)
                    yield Static("", id="question", markup=False)
                    yield Static("", id="how", markup=False)
                    yield Static("", id="check-commands", markup=False)
                yield OptionList(id="answers", markup=False)
            yield Vertical(id="outcome-view")

    def on_mount(self) -> None:
        self.session = self._initial
        # The question is what the person is waiting for: paint it first, then the rest.
        self.call_after_refresh(self._complete)

    def _complete(self) -> None:
        """After the question is on screen: add the header, the key bar and the path panel."""
        from textual.widgets import Footer, Header

        from wizard.ui.widgets.path_panel import PathPanel

        if not self.is_attached:
            return
        self.mount(Header(), before=0)
        self.mount(Footer())
        panel = PathPanel(id="path")
        if self.session is not None:
            panel.show(self.session, self.case)
        side = Vertical(panel, id="side")
        self._place_side(self.size.width, side)
        self.query_one("#body").mount(side)

    def watch_session(self, session: Session) -> None:
        from wizard.cases.store import Case
        from wizard.views import question as walkview

        self.case = (self.case or Case.new(session)).with_session(session)
        host(self).save_case(self.case)
        self._show_path()
        views = self.query_one("#views", ContentSwitcher)
        if session.finished:
            views.current = "outcome-view"
            self.query_one("#crumbs", Static).update(" › ".join(session.breadcrumb()))
            self._show_notice(walkview.notice(session, host(self).library, host(self).version))
            self._show_outcome(session)
            self.call_after_refresh(self._focus_outcome)
        else:
            views.current = "question-view"
            self._show_question(walkview.question_view(session, host(self).library, host(self).version))
        self.refresh_bindings()

    def _outcome_view(self) -> OutcomeView | None:
        """The outcome view, or None before the walk first reaches an outcome."""
        from wizard.ui.widgets.outcome_view import OutcomeView

        return next(iter(self.query_one("#outcome-view").query_children(OutcomeView)), None)

    def _show_outcome(self, session: Session) -> None:
        """Build the outcome view inside its slot the first time it is needed; refill it after."""
        view = self._outcome_view()
        if view is None:
            from wizard.ui.widgets.outcome_view import OutcomeView

            self.query_one("#outcome-view").mount(OutcomeView(session))
        else:
            view.show(session)

    def _show_notice(self, text: str) -> None:
        notice = self.query_one("#notice", Static)
        notice.update(Content(text))
        notice.display = bool(text)

    def _show_question(self, view: QuestionView) -> None:
        self.query_one("#crumbs", Static).update(view.crumbs)
        self._show_notice(view.notice)
        self.query_one("#progress", Static).update(view.progress)
        self.query_one("#question", Static).update(Content(view.question))
        how = self.query_one("#how", Static)
        how.update(Content(f"How to check: {view.how}") if view.how else "")
        how.display = bool(view.how)
        commands = self.query_one("#check-commands", Static)
        commands.update(Content("\n".join(f"> {c}" for c in view.commands)))
        commands.display = bool(view.commands)
        answers = self.query_one("#answers", OptionList)
        answers.clear_options()
        answers.add_options(
            [Option(Content(f"{i}. {label}"), id=str(i - 1)) for i, label in enumerate(view.answers, 1)]
        )
        answers.highlighted = view.highlighted
        answers.focus()
        self.query_one("#prompt", VerticalScroll).scroll_home(animate=False)

    def _focus_outcome(self) -> None:
        view = self._outcome_view()
        blocks = view.commands() if view else []
        if blocks:
            blocks[0].focus(scroll_visible=False)
        elif view:
            view.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Show only the keys that do something right now."""
        session = self.session
        if session is None:
            return True
        if action == "not_fixed":
            return session.can_go_on
        if action == "copy":
            view = self._outcome_view()
            return bool(session.finished and view and view.commands())
        if action in ("back", "restart"):
            return bool(session.moves) or None
        return True

    # -- actions ---------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#answers")
    def _answered(self, event: OptionList.OptionSelected) -> None:
        if self.session is not None and event.option.id is not None:
            self.session = self.session.choose(int(event.option.id))

    def action_answer(self, number: int) -> None:
        session = self.session
        if session is not None and not session.finished and number <= len(session.answers()):
            self.session = session.choose(number - 1)

    def action_back(self) -> None:
        if self.session is not None:
            self.session = self.session.back()

    def action_restart(self) -> None:
        if self.session is not None:
            self.session = self.session.restart()

    def action_not_fixed(self) -> None:
        session = self.session
        if session is not None and session.can_go_on:
            self.session = session.not_fixed()

    def action_home(self) -> None:
        host(self).go_home()

    def action_note(self) -> None:
        from wizard.knowledge.model import headline, tr
        from wizard.ui.screens.note import NoteScreen

        session, case = self.session, self.case
        if session is None or case is None:
            return
        where = tr(headline(session.node))
        current = case.note_for(len(session.moves), session.cursor.ref)

        def save(text: str | None) -> None:
            if text is not None:
                self.case = case.with_note(session, text)
                host(self).save_case(self.case)
                self._show_path()

        self.app.push_screen(NoteScreen(where, current), save)

    def action_export(self) -> None:
        from wizard.ui.screens.export import export_case

        if self.case is not None:
            export_case(self.app, self.case)

    def action_close_case(self) -> None:
        from wizard.ui.screens.close_case import CloseCaseScreen

        case = self.case
        if case is None:
            return

        def close(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.case = case.closed(*result)
                host(self).save_case(self.case)
                self.notify(
                    f"Case {self.case.id} saved as {result[0].replace('-', ' ')}. Press x to export it for the ticket.",
                    title="Case closed",
                    markup=False,
                )

        self.app.push_screen(CloseCaseScreen(case.status, case.reason), close)

    def _show_path(self) -> None:
        from wizard.ui.widgets.path_panel import PathPanel

        if self.session is not None:
            for panel in self.query("#path").results(PathPanel):
                panel.show(self.session, self.case)

    def on_resize(self, event) -> None:
        self._place_side(event.size.width)

    def _place_side(self, width: int, side=None) -> None:
        """The path panel steps aside below NARROW columns, unless the person asked for it with p.

        Done here rather than with app-wide CSS breakpoints: switching a class on the whole
        screen restyles every widget, which cost a visible part of start-up.
        """
        side = side or next(iter(self.query("#side")), None)
        if side is not None:
            side.display = self._path_choice if self._path_choice is not None else width >= NARROW

    def action_toggle_path(self) -> None:
        side = next(iter(self.query("#side")), None)
        if side is not None:
            self._path_choice = not side.display
            side.display = self._path_choice

    def action_copy(self) -> None:
        from wizard.ui.widgets.outcome_view import CommandBlock

        view = self._outcome_view()
        focused = self.focused if isinstance(self.focused, CommandBlock) else None
        blocks = view.commands() if view else []
        block = focused or (blocks[0] if blocks else None)
        if block is None:
            return
        self.app.copy_to_clipboard(block.command)
        self.notify(f"Copied: {block.command}", title="Clipboard", markup=False)
