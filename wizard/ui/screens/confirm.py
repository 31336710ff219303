"""Ask before something that cannot be undone (starting a walk over drops its answers)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from wizard.language.messages import N_, _
from wizard.ui.screens.dialog import Dialog


class ConfirmScreen(Dialog):
    """y or Enter confirms (dismisses with True); n or Esc keeps everything as it was.

    The title, question and verb come already in the run's language.
    """

    BINDINGS = [
        Binding("y,enter", "confirm", N_("Yes")),
        Binding("n,escape", "cancel", N_("No"), key_display="n/Esc"),
    ]
    BOX_ID = "confirm-box"

    def __init__(self, title: str, question: str, verb: str | None = None):
        super().__init__()
        self.question_title = title
        self.question = question
        self.verb = verb or _("Yes")

    def title_text(self) -> str:
        return self.question_title

    def hint(self) -> str:
        return _("y or Enter: {verb} · n or Esc: no, keep everything").format(verb=self.verb.lower())

    def body(self) -> ComposeResult:
        yield Static(Content(self.question), id="confirm-question", markup=False)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
