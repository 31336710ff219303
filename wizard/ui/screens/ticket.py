"""The case's ticket or customer: free text that the resume list and `iisdoctor cases` show and filter by."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from wizard.language.messages import N_, _
from wizard.ui.screens.dialog import Dialog


class TicketScreen(Dialog):
    """Enter saves (empty clears it); Esc leaves it as it was."""

    BOX_ID = "ticket-box"
    TITLE_TEXT = N_("Ticket or customer for this case")
    HINT = N_("Enter saves · Esc cancels · empty clears it")

    def __init__(self, current: str = ""):
        super().__init__()
        self.current = current

    def body(self) -> ComposeResult:
        yield Input(value=self.current, placeholder=_("INC0012345, Contoso, caller's name ..."), id="ticket-input")

    def on_mount(self) -> None:
        self.query_one("#ticket-input", Input).focus()

    @on(Input.Submitted, "#ticket-input")
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
