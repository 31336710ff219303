"""The Textual app: owns the library and the IIS version; screens do the rest."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input

from wizard.language.messages import N_, _, ngettext
from wizard.ui.screens.walk import WalkScreen
from wizard.ui.speech import Speaks

if TYPE_CHECKING:
    from wizard.cases.store import Case, CaseStore
    from wizard.engine.opening import Opening
    from wizard.engine.session import Session
    from wizard.knowledge.evidence import Evidence
    from wizard.knowledge.library import Library
    from wizard.ui.log_walks import ScanRequest
    from wizard.ui.screens.scan import ScanScreen


def _code_commands():
    """The palette provider, imported when the palette first opens (textual.command is not cheap)."""
    from wizard.ui.commands import CodeCommands

    return CodeCommands


#: Textual's own words that the wizard shows: the footer's palette key and the palette's system
#: commands. Marked here so the catalog has them; the footer (speech.py) and
#: get_system_commands translate them. Words Textual adds later simply stay English.
TEXTUAL_WORDS = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def _is_home(screen) -> bool:
    return type(screen).__name__ == "HomeScreen"


class IISDoctorApp(Speaks, App[None]):
    """iisdoctor's wizard. Everything it shows comes from the Library passed in.

    Screens and engine modules are imported where first needed, so start-up pays only for
    what the first screen shows.
    """

    TITLE = "iisdoctor"
    COMMANDS = App.COMMANDS | {_code_commands}
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="quit"),
        # Ctrl+C quits like everywhere else in a terminal (Textual's default only says "press Ctrl+Q").
        Binding("ctrl+c,ctrl+q", "quit", N_("Quit"), key_display="Ctrl+C", show=False, priority=True, id="ctrl-quit"),
        Binding("f1,question_mark", "help", N_("Help"), key_display="?", id="help"),
    ]

    version: reactive[str] = reactive("6.0")

    def __init__(
        self,
        library: Library,
        *,
        code: str | None = None,
        protocol: str | None = None,
        version: str | None = None,
        evidence: Evidence | None = None,
        case: Case | None = None,
        pick_case: bool = False,
        store: CaseStore | None = None,
        remember: bool = True,
        scan: ScanRequest | None = None,
        ticket: str = "",
    ):
        super().__init__()
        self.library = library
        self.start_code = code
        self.start_protocol = protocol
        self.start_evidence = evidence
        self.start_case = case
        self.pick_case = pick_case
        self.start_scan = scan
        self.ticket = ticket  # --ticket: given to every case this run opens (and to a resumed one)
        self._store = store
        self.remember = remember  # tests turn this off so they never touch the user's settings
        self.set_reactive(IISDoctorApp.version, version or default_version(self.library))

    @property
    def store(self) -> CaseStore:
        if self._store is None:
            from wizard.cases.store import CaseStore

            self._store = CaseStore()
        return self._store

    def on_mount(self) -> None:
        self.sub_title = f"IIS {self.version}"
        if self.start_scan is not None:
            self.scan_logs(self.start_scan.paths, self.start_scan.filters)
        elif self.start_case is not None:
            self.resume(self.start_case)
        elif self.pick_case:
            from wizard.ui.screens.resume import ResumeScreen

            self.go_home()
            self.push_screen(ResumeScreen())
        elif self.start_code:
            self.open_query(self.start_code, self.start_protocol, self.start_evidence)
        else:
            self.go_home()

    def watch_version(self, version: str) -> None:
        self.sub_title = f"IIS {version}"

    def choose_version(self, version: str) -> None:
        """The person picked a version: use it and remember it for the next run."""
        self.version = version
        if self.remember:
            from wizard.platform import settings

            settings.remember_version(version)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's own commands, plus one to switch the language."""
        from wizard.language import choice, messages

        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        for lang in choice.SUPPORTED:
            if lang != messages.current():
                yield SystemCommand(
                    f"{_('Language')}: {choice.NAMES[lang]}",
                    _("Show the wizard in this language (remembered for the next start)"),
                    partial(self.switch_language, lang),
                )

    def switch_language(self, lang: str | None = None) -> None:
        """Speak the other language (or `lang`) from now on, remember it, and show home in it."""
        from wizard.language import choice, messages
        from wizard.ui.speech import translate_bindings

        lang = lang or next(other for other in choice.SUPPORTED if other != messages.current())
        messages.use(lang)
        if self.remember:
            from wizard.platform import settings

            settings.remember_language(lang)
        translate_bindings(self)
        query = ""
        if _is_home(self.screen):
            query = self.screen.query_one("#search", Input).value
            self.pop_screen()
        self.go_home().show_query(query)
        self.notify(choice.NAMES[lang], title=_("Language"), markup=False)

    # -- cases ---------------------------------------------------------------------------------

    def save_case(self, case: Case) -> None:
        """Autosave; a failure is shown once per walk but never interrupts it."""
        try:
            self.store.save(case)
        except OSError as exc:
            self.notify(
                _("Could not save the case in {folder}: {error}").format(
                    folder=self.store.folder, error=exc.strerror or exc
                ),
                title=_("Not saved"),
                severity="error",
                markup=False,
            )

    def resume(self, case: Case) -> None:
        from wizard.engine.session import Session, SessionError

        try:
            session, dropped = Session.restore(self.library, case.session)
        except SessionError as exc:
            self._home_with("", _("Case {id} cannot be resumed: {error}").format(id=case.id, error=exc))
            return
        if dropped:
            self.notify(
                ngettext(
                    "The trees changed since this case was saved; the last {count} step(s) no longer "
                    "fit and were dropped (the saved notes are kept).",
                    "The trees changed since this case was saved; the last {count} step(s) no longer "
                    "fit and were dropped (the saved notes are kept).",
                    dropped,
                ).format(count=dropped),
                title=_("Resumed"),
                markup=False,
            )
        self.version = session.version
        self._unwind()
        if self.ticket and not case.ticket:
            case = case.with_ticket(self.ticket)
        self.push_screen(WalkScreen(session, case))

    # -- navigation ----------------------------------------------------------------------------

    def open_query(self, text: str, protocol: str | None = None, evidence: Evidence | None = None) -> None:
        """Open a code typed by a person; when it cannot, stay home and say why."""
        from wizard.engine import opening as walkplan

        self._open(walkplan.open_query(self.library, text, protocol, self.version, evidence), text, protocol)

    def open_code(self, protocol: str, code: str, evidence: Evidence | None = None) -> None:
        from wizard.engine import opening as walkplan

        self._open(walkplan.open_code(self.library, protocol, code, self.version, evidence), code)

    def _open(self, opening: Opening, text: str, protocol: str | None = None) -> None:
        session = self._accept(opening, text, protocol)
        if session is not None:
            self._unwind()
            self.push_screen(WalkScreen(session))

    # -- logs ----------------------------------------------------------------------------------

    def scan_logs(self, paths: list[str], filters: object | None = None) -> None:
        """Read the server's logs on the scan screen; a row opens its walk (see below)."""
        from wizard.logscan import Filters
        from wizard.ui.screens.scan import ScanScreen

        self.push_screen(ScanScreen(paths, filters if isinstance(filters, Filters) else None))

    def on_scan_screen_open_walk(self, message: ScanScreen.OpenWalk) -> None:
        """A scan row chosen: open its walk with the log's evidence and IIS version, the facts in its case."""
        from wizard.cases.store import Case
        from wizard.engine import opening as walkplan
        from wizard.ui.log_walks import read_walk_args

        target = read_walk_args(self.library, message.args)
        if target.problem:
            self.notify(target.problem, title=_("No walk"), severity="warning", markup=False)
            return
        if target.version:
            self.version = target.version
        opened = walkplan.open_query(self.library, target.code, target.protocol, self.version, target.evidence)
        session = self._accept(opened, target.code)
        if session is not None:
            self.push_screen(WalkScreen(session, Case.new(session).with_log(message.facts)))

    def _accept(self, opening: Opening, text: str, protocol: str | None = None) -> Session | None:
        """The opening's session, with its remark shown; without one, home with the reason."""
        if opening.session is None:
            from wizard.engine import lookup

            found = lookup.lookup(self.library, text, protocol, self.version)
            title = (
                _("Ambiguous code") if found.ambiguous else _("No walk") if found.entry is not None else _("Not found")
            )
            self._home_with(text, opening.message or _("No guided walk for {code} yet").format(code=text), title)
        elif opening.notice:
            self.notify(opening.notice, title=_("Code not found exactly"), markup=False)
        return opening.session

    def go_home(self):
        """Show home with an empty search, built only the first time it is needed (a --code start never pays for it)."""
        from wizard.ui.screens.home import HomeScreen

        self._unwind()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen())
        else:
            self.screen.show_query("")  # coming back from a walk: a new search, not the old one
        return self.screen_stack[-1]

    def _unwind(self) -> None:
        """Pop every screen above home (or above the base screen when home was never shown)."""
        while len(self.screen_stack) > 1 and not _is_home(self.screen_stack[-1]):
            self.pop_screen()

    def _home_with(self, text: str, message: str, title: str | None = None) -> None:
        self.go_home().show_query(text)
        self.notify(
            message, title=_("Not found") if title is None else title, severity="warning", timeout=8, markup=False
        )

    def action_help(self) -> None:
        from wizard.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.screen))


def default_version(library: Library) -> str:
    """The newest IIS version any known code applies to."""
    from wizard.knowledge import versions as V

    covered = frozenset().union(*(e.versions for e in library.entries)) if library.entries else V.ALL
    return V.newest(covered)
