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
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from wizard.language.messages import N_, NC_, _, ngettext
from wizard.ui.clipboard import copy_text
from wizard.ui.host import host
from wizard.ui.speech import Speaks
from wizard.ui.styles import beside
from wizard.views.question import QuestionView

if TYPE_CHECKING:
    from wizard.cases.store import Case
    from wizard.engine.session import Session
    from wizard.ui.widgets.outcome_view import OutcomeView


NARROW = 70  # below this many columns the path panel is hidden
SHORT = 16  # below this many rows the walk drops the header and spacing so the question stays in view
LOW = 20  # below this many rows a notice takes one line
SECOND_DIGIT = 0.9  # seconds to wait for the second digit of answers 10 and up


class WalkScreen(Speaks, Screen):
    """Holds one Session; every key press makes a new Session and the view follows."""

    DEFAULT_CSS = beside(__file__, "walk.tcss")

    HELP = N_(
        "Answer with Up/Down and Enter, or type the answer's number: with 10 or more answers, 1 waits "
        "a moment for a second digit (1 then 0 is answer 10; 1 then Enter is answer 1). The question, "
        "how to check and its commands scroll above the answers: Tab moves to a command, Up/Down to the "
        "next one, c copies it. b goes back, r starts over (it asks first), h or Esc goes home. "
        "A walk is saved as a case once it has an answer or a note: e adds a note to this step "
        "(several per step; E edits them), t sets the ticket or customer, x exports the case for a "
        "ticket, d records how it ended; `iisdoctor --resume` continues it later."
    )
    # The footer shows these in this order and drops the last ones when the terminal is narrow,
    # so the keys that matter most come first; every key is listed in the help (?).
    BINDINGS: ClassVar[list[BindingType]] = [  # type: ignore[assignment]
        Binding("n", "not_fixed", N_("Not fixed"), id="not-fixed"),
        Binding("x", "export", N_("Export"), id="export"),
        Binding("d", "close_case", N_("Done"), id="close-case"),
        Binding("f1,question_mark", "app.help", N_("Help"), key_display="?", id="walk-help"),
        Binding("q", "app.quit", N_("Quit"), id="walk-quit"),
        Binding("b,backspace", "back", N_("Back"), id="back"),
        Binding("e", "note", NC_("key", "Note"), id="note"),
        Binding("c", "copy", N_("Copy"), id="copy"),
        Binding("h,escape", "home", N_("Home"), id="home"),
        Binding("r", "restart", N_("Restart"), id="restart"),
        Binding("t", "ticket", N_("Ticket"), id="ticket"),
        Binding("E", "edit_notes", N_("Edit notes"), show=False, id="edit-notes"),
        Binding("p", "toggle_path", N_("Path"), id="path"),
    ] + [Binding(str(i), f"digit({i})", show=False) for i in range(10)]

    session: var[Session | None] = var(None, init=False)

    def __init__(self, session: Session, case: Case | None = None):
        super().__init__()
        self._initial = session
        self._path_choice: bool | None = None  # None: shown or hidden by the terminal's width
        self.case = case
        self._saved = case is not None  # a resumed case is on disk already; a new one waits for content
        self._first_digit: int | None = None
        self._digit_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="crumbs", markup=False)
        yield Static("", id="notice", markup=False)
        with Horizontal(id="body"), ContentSwitcher(initial="question-view", id="views"):
            with Vertical(id="question-view"):
                with VerticalScroll(id="prompt"):  # long how-to text scrolls; answers stay in view
                    yield Static("", id="progress", markup=False)
                    yield Static("", id="question", markup=False)
                    yield Static("", id="how", markup=False)
                    yield Vertical(id="check-commands")
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
        self.mount(Footer(show_command_palette=False))
        panel = PathPanel(id="path")
        if self.session is not None:
            panel.show(self.session, self.case)
        side = Vertical(panel, id="side")
        self._place_side(self.size.width, side)
        self.query_one("#body").mount(side)
        self._fit_height(self.size.height)
        # The footer subscribes to the bindings when it mounts: tell it what they are now, or it
        # stays blank until the next key press (as it did after home search or the resume list).
        self.call_after_refresh(self.refresh_bindings)

    def watch_session(self, session: Session) -> None:
        from wizard.cases.store import Case
        from wizard.views import question as walkview

        if self.case is None:
            self.case = Case.new(session)
            if host(self).ticket:
                self.case = self.case.with_ticket(host(self).ticket)
        self.case = self.case.with_session(session)
        self._save()
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

    def _save(self) -> None:
        """Write the case, but only once it holds something (an answer, a note, a ticket ...)."""
        if self.case is not None and (self._saved or self.case.worth_keeping):
            host(self).save_case(self.case)
            self._saved = True

    def _show_notice(self, text: str) -> None:
        notice = self.query_one("#notice", Static)
        notice.update(Content(text))
        notice.display = bool(text)

    def _show_question(self, view: QuestionView) -> None:
        self.query_one("#crumbs", Static).update(view.crumbs)
        self._show_notice(view.notice)
        progress = view.progress
        if view.commands:  # the commands may sit below the fold of a long how-to: say they are there
            count = len(view.commands)
            below = ngettext(
                "{count} command to run below (Tab, c copies)", "{count} commands to run below (Tab, c copies)", count
            )
            progress += " · " + below.format(count=count)
        self.query_one("#progress", Static).update(progress)
        self.query_one("#question", Static).update(Content(view.question))
        how = self.query_one("#how", Static)
        how.update(Content(_("How to check: {how}").format(how=view.how)) if view.how else "")
        how.display = bool(view.how)
        from wizard.ui.widgets.outcome_view import CommandBlock

        commands = self.query_one("#check-commands", Vertical)
        commands.remove_children()
        if view.commands:
            count = len(view.commands)
            label = (
                _("Command to run:")
                if count == 1
                else ngettext("{count} command to run:", "{count} commands to run:", count).format(count=count)
            )
            commands.mount_all(
                [Static(Content(label), classes="commands-label", markup=False)]
                + [CommandBlock(command, classes="command question-command") for command in view.commands]
            )
        commands.display = bool(view.commands)
        answers = self.query_one("#answers", OptionList)
        answers.clear_options()
        width = len(str(len(view.answers)))
        answers.add_options(
            [Option(Content(f"{i:>{width}}. {label}"), id=str(i - 1)) for i, label in enumerate(view.answers, 1)]
        )
        answers.highlighted = view.highlighted
        answers.focus()
        self.query_one("#prompt", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self._balance)

    def _balance(self) -> None:
        """Give the prompt whatever the answers do not need, but never more than half when they do.

        The answers always keep at least half of the view (they scroll within it), so a long
        how-to text or many commands can never push an answer off the screen.
        """
        if not self.is_attached:
            return
        view = self.query_one("#question-view")
        answers = self.query_one("#answers", OptionList)
        height = view.content_size.height
        if height <= 0:
            return
        needed = answers.virtual_size.height
        self.query_one("#prompt").styles.max_height = max(height // 2, height - needed - 1)

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
            return bool(self._command_blocks())
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
        if session is not None and not session.finished and 1 <= number <= len(session.answers()):
            self.session = session.choose(number - 1)

    def action_digit(self, digit: int) -> None:
        """Digits choose an answer; with 10 or more answers a 1 waits briefly for a second digit."""
        session = self.session
        if session is None or session.finished:
            return
        count = len(session.answers())
        if self._first_digit is not None:
            first = self._cancel_digit()
            self.action_answer(first * 10 + digit if first * 10 + digit <= count else first)
            return
        if digit == 0:
            return
        if digit * 10 > count:  # no answer starts with this digit and has two: choose at once
            self.action_answer(digit)
            return
        self._first_digit = digit  # show which answer it would be, then wait for a second digit
        answers = self.query_one("#answers", OptionList)
        answers.highlighted = digit - 1
        self._digit_timer = self.set_timer(SECOND_DIGIT, self._digit_timeout)

    def _cancel_digit(self) -> int:
        first = self._first_digit or 0
        self._first_digit = None
        if self._digit_timer is not None:
            self._digit_timer.stop()
            self._digit_timer = None
        return first

    def _digit_timeout(self) -> None:
        if self._first_digit is not None:
            self.action_answer(self._cancel_digit())

    def on_key(self, event) -> None:
        """Any other key after a first digit ends the wait (Enter then picks the highlighted answer)."""
        if self._first_digit is not None and not (event.character or "").isdigit():
            self._cancel_digit()

    def action_back(self) -> None:
        if self.session is not None:
            self.session = self.session.back()

    def action_restart(self) -> None:
        """Start over; when answers would be lost, ask first."""
        from wizard.ui.screens.confirm import ConfirmScreen

        session = self.session
        if session is None or not session.moves:
            return
        answered = len([v for v in session.history if v.answer is not None])

        def restart(yes: bool | None) -> None:
            if yes and self.session is not None:
                self.session = self.session.restart()

        self.app.push_screen(
            ConfirmScreen(
                _("Start over?"),
                ngettext(
                    "The {count} answer(s) given so far will be dropped. Notes stay with the case.",
                    "The {count} answer(s) given so far will be dropped. Notes stay with the case.",
                    answered,
                ).format(count=answered),
                _("Start over"),
            ),
            restart,
        )

    def action_ticket(self) -> None:
        from wizard.ui.screens.ticket import TicketScreen

        case = self.case
        if case is None:
            return

        def save(ticket: str | None) -> None:
            if ticket is not None and self.case is not None:
                self.case = self.case.with_ticket(ticket)
                self._save()
                self._show_path()

        self.app.push_screen(TicketScreen(case.ticket), save)

    def action_not_fixed(self) -> None:
        session = self.session
        if session is not None and session.can_go_on:
            self.session = session.not_fixed()

    def action_home(self) -> None:
        host(self).go_home()

    def action_note(self, edit: bool = False) -> None:
        """Add a note to this step (e), or choose one of its notes to change (E)."""
        from wizard.knowledge.model import headline, tr
        from wizard.ui.screens.note import NoteScreen

        session, case = self.session, self.case
        if session is None or case is None:
            return
        where = tr(headline(session.node))
        notes = case.notes_for(len(session.moves), session.cursor.ref)

        def save(result: tuple[int | None, str] | None) -> None:
            if result is None or self.case is None:
                return
            index, text = result
            if index is None:
                self.case = self.case.with_note(session, text)
            else:
                self.case = self.case.with_note_edited(notes[index], text)
            self._save()
            self._show_path()

        self.app.push_screen(NoteScreen(where, notes, edit=edit), save)

    def action_edit_notes(self) -> None:
        self.action_note(edit=True)

    def action_export(self) -> None:
        from wizard.ui.screens.export import export_case

        if self.case is not None:
            export_case(self.app, self.case)

    def action_close_case(self) -> None:
        from wizard.cases.store import status_label
        from wizard.ui.screens.close_case import CloseCaseScreen

        case = self.case
        if case is None:
            return

        def close(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.case = case.closed(*result)
                self._save()
                self.notify(
                    _("Case {id} saved as {status}. Press x to export it for the ticket.").format(
                        id=self.case.id, status=status_label(result[0]).lower()
                    ),
                    title=_("Case closed"),
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
        self._fit_height(event.size.height)
        self.call_after_refresh(self._balance)

    def _fit_height(self, height: int) -> None:
        """In a short terminal: no header or spacing, one-line notices, so the question stays visible."""
        self.query_one("#views").set_class(height < SHORT, "-short")
        self.query_one("#notice").set_class(height < LOW, "-one-line")
        for header in self.query("Header"):
            header.display = height >= SHORT

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

    def _command_blocks(self) -> list:
        """The command boxes on view now: the question's, or the outcome's."""
        from wizard.ui.widgets.outcome_view import CommandBlock

        if self.session is None:
            return []
        if self.session.finished:
            view = self._outcome_view()
            return view.commands() if view else []
        return list(self.query_one("#check-commands").query_children(CommandBlock))

    def action_copy(self) -> None:
        """Copy the focused command (Tab to it), else the first one on view."""
        from wizard.ui.widgets.outcome_view import CommandBlock

        blocks = self._command_blocks()
        focused = self.focused if isinstance(self.focused, CommandBlock) and self.focused in blocks else None
        block = focused or (blocks[0] if blocks else None)
        if block is None:
            return
        if focused is None:
            block.focus()  # show which one was copied
        copy_text(self.app, block.command, what="command")
