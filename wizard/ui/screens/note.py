"""The note field: free text that stays with the step the person is on."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from wizard.ui.screens.dialog import Dialog


class NoteScreen(Dialog):
    """Enter keeps the note (empty text removes it); Esc leaves the step's note as it was."""

    BOX_ID = "note-box"
    TITLE_TEXT = "Note for this step"
    HINT = "Enter saves · Esc cancels · an empty note removes it"

    def __init__(self, step: str, current: str = ""):
        super().__init__()
        self.step = step
        self.current = current

    def body(self) -> ComposeResult:
        yield Static(Content(self.step), id="note-step", markup=False)
        yield Input(
            value=self.current, placeholder="What you saw or did (customer's words, values, times)", id="note-input"
        )

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).focus()

    @on(Input.Submitted, "#note-input")
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
