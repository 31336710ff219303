"""Record how a case ended: resolved, not resolved, or escalated with a reason."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from wizard.cases.store import ESCALATED, NOT_RESOLVED, RESOLVED
from wizard.language.messages import N_, _
from wizard.ui.screens.dialog import Dialog


class CloseCaseScreen(Dialog):
    """Pick the result; the reason field takes why it was escalated (or any closing remark)."""

    BOX_ID = "close-box"
    TITLE_TEXT = N_("How did this case end?")
    HINT = N_("Choose with arrows and Enter, type a reason, Enter again saves · Esc cancels")
    CHOICES = [
        (RESOLVED, N_("1. Resolved: the fix worked")),
        (NOT_RESOLVED, N_("2. Not resolved")),
        (ESCALATED, N_("3. Escalated: handed to someone else")),
    ]

    def __init__(self, status: str, reason: str = ""):
        super().__init__()
        self.status = status
        self.reason = reason

    def body(self) -> ComposeResult:
        yield OptionList(*[Option(_(label), id=key) for key, label in self.CHOICES], id="close-result", markup=False)
        yield Input(value=self.reason, placeholder=_("Reason or remark (needed for Escalated)"), id="close-reason")

    def on_mount(self) -> None:
        options = self.query_one("#close-result", OptionList)
        keys = [key for key, _label in self.CHOICES]
        options.highlighted = keys.index(self.status) if self.status in keys else 0
        options.focus()

    @on(OptionList.OptionSelected, "#close-result")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#close-reason", Input).focus()

    @on(Input.Submitted, "#close-reason")
    def _save(self, event: Input.Submitted) -> None:
        options = self.query_one("#close-result", OptionList)
        status = self.CHOICES[options.highlighted or 0][0]
        if status == ESCALATED and not event.value.strip():
            self.notify(
                _("Say why it was escalated (and to whom) so the next person knows."), severity="warning", markup=False
            )
            return
        self.dismiss((status, event.value))
