"""Pick a saved case to continue, newest first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.cases import STATUS_LABELS, age

_SHOWN = 30


class ResumeScreen(ModalScreen[None]):
    """Recent cases with code, result, age and last step; Enter continues the chosen one."""

    BINDINGS = [Binding("escape", "dismiss", "Close", key_display="Esc")]

    def compose(self) -> ComposeResult:
        listing = self.app.store.list()
        self.cases = {c.id: c for c in listing.cases[:_SHOWN]}
        with Vertical(id="resume-box", classes="dialog"):
            yield Static(Content.styled("Continue a saved case", "bold $accent"))
            if self.cases:
                yield OptionList(*[Option(self._label(c), id=c.id) for c in self.cases.values()],
                                 id="resume-list", markup=False)
            else:
                yield Static(f"No saved cases yet in {self.app.store.folder}.", markup=False)
            for problem in listing.problems:
                yield Static(Content(f"Skipped a damaged file: {problem}"), classes="dialog-warning", markup=False)
            yield Static("Enter continues · Esc closes", classes="dialog-hint", markup=False)

    @staticmethod
    def _label(case) -> Content:
        head = f"{case.label:<10} IIS {case.session.get('version', '?'):<5} {STATUS_LABELS[case.status]:<13}" \
               f"{age(case.updated):>9} ago"
        return Content(f"{head}\n   {case.last or '(not started)'}")

    def on_mount(self) -> None:
        for options in self.query("#resume-list").results(OptionList):
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected, "#resume-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        case = self.cases[event.option.id]
        self.dismiss()
        self.app.resume(case)
