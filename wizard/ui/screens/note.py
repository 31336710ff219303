"""The note field: free text that stays with the step the person is on."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteScreen(ModalScreen[str | None]):
    """Enter keeps the note (empty text removes it); Esc leaves the step's note as it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", key_display="Esc")]

    def __init__(self, step: str, current: str = ""):
        super().__init__()
        self.step = step
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Content.styled("Note for this step", "bold $accent"), id="note-title")
            yield Static(Content(self.step), id="note-step", markup=False)
            yield Input(value=self.current, placeholder="What you saw or did (customer's words, values, times)",
                        id="note-input")
            yield Static("Enter saves · Esc cancels · an empty note removes it", classes="dialog-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).focus()

    @on(Input.Submitted, "#note-input")
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
