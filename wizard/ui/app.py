"""The Textual app: owns the library and the IIS version; screens do the rest."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from wizard import codes
from wizard import versions as V
from wizard.library import Library
from wizard.session import Session
from wizard.ui.commands import CodeCommands
from wizard.ui.screens.help import HelpScreen
from wizard.ui.screens.home import HomeScreen
from wizard.ui.screens.walk import WalkScreen


class IISDoctorApp(App[None]):
    """iisdoctor's wizard. Everything it shows comes from the Library passed in."""

    CSS_PATH = [Path(__file__).with_name("app.tcss")]
    TITLE = "iisdoctor"
    COMMANDS = App.COMMANDS | {CodeCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("f1,question_mark", "help", "Help", key_display="?", id="help"),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]

    version: reactive[str] = reactive("6.0")

    def __init__(self, library: Library, *, code: str | None = None, protocol: str | None = None,
                 version: str | None = None):
        super().__init__()
        self.library = library
        self.start_code = code
        self.start_protocol = protocol
        self.set_reactive(IISDoctorApp.version, version or default_version(library))

    def on_mount(self) -> None:
        self.sub_title = f"IIS {self.version}"
        if self.start_code:
            self.open_query(self.start_code, self.start_protocol)
        else:
            self.go_home()

    def watch_version(self, version: str) -> None:
        self.sub_title = f"IIS {version}"

    # -- navigation ----------------------------------------------------------------------------

    def open_query(self, text: str, protocol: str | None = None) -> None:
        """Open a code typed by a person; when it cannot, stay home and say why."""
        found = codes.lookup(self.library, text, protocol, self.version)
        tree = found.entry and self.library.tree(found.entry.protocol, found.entry.code)
        if found.entry is None or tree is None or found.ambiguous:
            message = found.notice or f"No guided walk for {text} yet"
            if found.entry is not None and tree is None:
                message = f"{found.entry.protocol.upper()} {found.entry.code} has no guided walk yet"
            self._home_with(text, message)
            return
        if found.notice:
            self.notify(found.notice, title="Code not found exactly", markup=False)
        self.open_code(found.entry.protocol, found.entry.code)

    def open_code(self, protocol: str, code: str) -> None:
        tree = self.library.tree(protocol, code, self.version) or self.library.tree(protocol, code)
        version = self.version
        if tree is None:
            self._home_with(code, f"{protocol.upper()} {code} has no guided walk yet")
            return
        applies = self.library.tree_versions(tree)
        if version not in applies:
            version = V.newest(applies)
            self.notify(f"{protocol.upper()} {code} is not used by IIS {self.version}; "
                        f"showing the IIS {version} walk", markup=False)
        self._unwind()
        self.push_screen(WalkScreen(Session.start(self.library, protocol, code, version)))

    def go_home(self) -> HomeScreen:
        """Show home, built only the first time it is needed (a --code start never pays for it)."""
        self._unwind()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen())
        return self.screen_stack[-1]

    def _unwind(self) -> None:
        """Pop every screen above home (or above the base screen when home was never shown)."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen_stack[-1], HomeScreen):
            self.pop_screen()

    def _home_with(self, text: str, message: str) -> None:
        self.go_home().show_query(text)
        self.notify(message, title="Not found", severity="warning", timeout=8, markup=False)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.screen))


def default_version(library: Library) -> str:
    """The newest IIS version any known code applies to."""
    covered = frozenset().union(*(e.versions for e in library.entries)) if library.entries else V.ALL
    return V.newest(covered)
