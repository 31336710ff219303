"""The frame every small dialog shares: a titled box over the screen, a hint line, Esc to leave."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from wizard.language.messages import N_, _
from wizard.ui.speech import Speaks
from wizard.ui.styles import beside


class Dialog(Speaks, ModalScreen):
    """Subclasses give TITLE_TEXT, HINT (English, marked with N_()) and `body()`; Esc dismisses with None."""

    DEFAULT_CSS = beside(__file__, "dialog.tcss")

    BINDINGS = [Binding("escape", "cancel", N_("Close"), key_display="Esc")]
    BOX_ID = "dialog-box"
    TITLE_TEXT = ""
    HINT = N_("Esc closes")

    def compose(self) -> ComposeResult:
        with Vertical(id=self.BOX_ID, classes="dialog"):
            yield Static(Content.styled(self.title_text(), "bold $accent"))
            yield from self.body()
            yield Static(self.hint(), classes="dialog-hint", markup=False)

    def title_text(self) -> str:
        """The box's title in the run's language."""
        return _(self.TITLE_TEXT)

    def hint(self) -> str:
        """The hint line in the run's language."""
        return _(self.HINT)

    def body(self) -> ComposeResult:
        yield from ()

    def action_cancel(self) -> None:
        self.dismiss(None)
