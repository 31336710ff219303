"""Pick a saved case to continue, newest first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.cases.store import STATUSES, CaseError, age, status_label
from wizard.language.messages import N_, _, ngettext
from wizard.ui.host import host
from wizard.ui.screens.dialog import Dialog

_SHOWN = 30
_LAST = 68  # one line of the dialog for the last step


class ResumeScreen(Dialog):
    """Recent cases with code, ticket, result, notes, age, id and last step; Enter continues the chosen one."""

    BINDINGS = [Binding("delete", "delete", N_("Delete case"), key_display="Del")]
    BOX_ID = "resume-box"
    TITLE_TEXT = N_("Continue a saved case")
    HINT = N_("Enter continues · Del deletes (press twice) · Esc closes")

    _armed: str | None = None  # the case a first Del press asked about

    def body(self) -> ComposeResult:
        listing = host(self).store.all()
        self.cases = {c.id: c for c in listing.cases[:_SHOWN]}
        if self.cases:
            yield OptionList(
                *[Option(self._label(c), id=c.id) for c in self.cases.values()], id="resume-list", markup=False
            )
        else:
            yield Static(_("No saved cases yet in {folder}.").format(folder=host(self).store.folder), markup=False)
        for problem in listing.problems:
            yield Static(
                Content(_("Skipped a damaged file: {problem}").format(problem=problem)),
                classes="dialog-warning",
                markup=False,
            )

    @staticmethod
    def _label(case) -> Content:
        notes = len(case.notes)
        ticket = case.ticket if len(case.ticket) <= 16 else case.ticket[:15] + "…"
        status = max(len(status_label(s)) for s in STATUSES)  # the widest label in the run's language
        count = ngettext("{count} note", "{count} notes", notes).format(count=notes)
        head = (
            f"{case.label:<11} {ticket or '-':<16} {status_label(case.status):<{status}} {count}  {age(case.updated)}"
        )
        last = case.last or _("(not started)")
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
                self.notify(
                    _("Press Del again to delete case {id}.").format(id=case_id), severity="warning", markup=False
                )
                return
            self._armed = None
            try:
                host(self).store.delete(case_id)
            except (OSError, CaseError) as exc:
                self.notify(
                    _("Could not delete {id}: {error}").format(id=case_id, error=exc), severity="error", markup=False
                )
                return
            del self.cases[case_id]
            options.remove_option(case_id)
            self.notify(_("Deleted case {id}.").format(id=case_id), markup=False)

    @on(OptionList.OptionSelected, "#resume-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        case = self.cases.get(event.option.id or "")
        if case is None:
            return
        self.dismiss()
        host(self).resume(case)
