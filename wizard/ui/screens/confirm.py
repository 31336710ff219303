"""Ask before something that cannot be undone (starting a walk over drops its answers)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from wizard.ui.screens.dialog import Dialog


class ConfirmScreen(Dialog):
    """y or Enter confirms (dismisses with True); n or Esc keeps everything as it was."""

    BINDINGS = [
        Binding("y,enter", "confirm", "Yes"),
        Binding("n,escape", "cancel", "No", key_display="n/Esc"),
    ]
    BOX_ID = "confirm-box"
    HINT = "y or Enter: yes · n or Esc: no, keep everything"

    def __init__(self, title: str, question: str, verb: str = "Yes"):
        super().__init__()
        self.TITLE_TEXT = title
        self.question = question
        self.HINT = f"y or Enter: {verb.lower()} · n or Esc: no, keep everything"

    def body(self) -> ComposeResult:
        yield Static(Content(self.question), id="confirm-question", markup=False)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
