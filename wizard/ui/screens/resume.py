"""Pick a saved case to continue, newest first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.cases.store import STATUS_LABELS, CaseError, age
from wizard.ui.host import host
from wizard.ui.screens.dialog import Dialog

_SHOWN = 30
_LAST = 68  # one line of the dialog for the last step


class ResumeScreen(Dialog):
    """Recent cases with code, ticket, result, notes, age, id and last step; Enter continues the chosen one."""

    BINDINGS = [Binding("delete", "delete", "Delete case", key_display="Del")]
    BOX_ID = "resume-box"
    TITLE_TEXT = "Continue a saved case"
    HINT = "Enter continues · Del deletes (press twice) · Esc closes"

    _armed: str | None = None  # the case a first Del press asked about

    def body(self) -> ComposeResult:
        listing = host(self).store.all()
        self.cases = {c.id: c for c in listing.cases[:_SHOWN]}
        if self.cases:
            yield OptionList(
                *[Option(self._label(c), id=c.id) for c in self.cases.values()], id="resume-list", markup=False
            )
        else:
            yield Static(f"No saved cases yet in {host(self).store.folder}.", markup=False)
        for problem in listing.problems:
            yield Static(Content(f"Skipped a damaged file: {problem}"), classes="dialog-warning", markup=False)

    @staticmethod
    def _label(case) -> Content:
        notes = len(case.notes)
        ticket = case.ticket if len(case.ticket) <= 16 else case.ticket[:15] + "…"
        head = (
            f"{case.label:<11} {ticket or '-':<16} {STATUS_LABELS[case.status]:<12} "
            f"{notes} note{'' if notes == 1 else 's'}  {age(case.updated)}"
        )
        last = case.last or "(not started)"
        where = f"{case.id} · IIS {case.session.get('version', '?')} · {last}"
        if len(where) > _LAST:
            where = where[: _LAST - 1] + "…"
        return Content(f"{head}\n   {where}")

    def on_mount(self) -> None:
        for options in self.query("#resume-list").results(OptionList):
            options.highlighted = 0
            options.focus()

    def action_delete(self) -> None:
        """Delete the highlighted case; the first press only asks, so one slip loses nothing."""
        for options in self.query("#resume-list").results(OptionList):
            if options.highlighted is None:
                return
            case_id = options.get_option_at_index(options.highlighted).id
            if case_id is None:
                return
            if self._armed != case_id:
                self._armed = case_id
                self.notify(f"Press Del again to delete case {case_id}.", severity="warning", markup=False)
                return
            self._armed = None
            try:
                host(self).store.delete(case_id)
            except (OSError, CaseError) as exc:
                self.notify(f"Could not delete {case_id}: {exc}", severity="error", markup=False)
                return
            del self.cases[case_id]
            options.remove_option(case_id)
            self.notify(f"Deleted case {case_id}.", markup=False)

    @on(OptionList.OptionSelected, "#resume-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        case = self.cases.get(event.option.id or "")
        if case is None:
            return
        self.dismiss()
        host(self).resume(case)
