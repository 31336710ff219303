"""The side panel: the questions asked so far and the answers given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from wizard.knowledge.model import headline, tr
from wizard.language.messages import _

if TYPE_CHECKING:
    from wizard.cases.store import Case
    from wizard.engine.session import Session


class PathPanel(Static):
    """Shows the walk so far as question → answer lines; pure display."""

    def show(self, session: Session, case: Case | None = None) -> None:
        lines = [Content.styled(_("Path so far"), "bold")]
        if case is not None and case.ticket:
            lines.insert(0, Content(_("Ticket: {ticket}").format(ticket=case.ticket)))
        if not session.history:
            lines.append(Content(_("(nothing answered yet)")))
        for number, visit in enumerate(session.history, 1):
            if visit.answer is None:
                topic = tr(visit.node.topic) or _("Outcome")
                lines.append(Content(_("{number}. {topic}: tried, did not fix it").format(number=number, topic=topic)))
            else:
                lines.append(Content(f"{number}. {tr(headline(visit.node))}"))
                source = " " + _("(from your evidence)") if visit.auto else ""
                lines.append(Content.styled(f"   → {tr(visit.answer.label)}{source}", "$text-accent"))
            if case is not None:
                self._notes(lines, case, number - 1, visit.cursor.ref)
        if case is not None and case.notes_for(len(session.moves), session.cursor.ref):
            # The notes of the step on screen go under that step, not under the last answer.
            now = _("{number}. {step} (now)").format(number=len(session.history) + 1, step=tr(headline(session.node)))
            lines.append(Content(now))
            self._notes(lines, case, len(session.moves), session.cursor.ref)
        self.update(Content("\n").join(lines))

    @staticmethod
    def _notes(lines: list, case: Case, step: int, at: str) -> None:
        from wizard.ui.screens.note import when

        for note in case.notes_for(step, at):
            text = note.text.replace("\n", "\n     ")
            lines.append(Content.styled(f"   ✎ {when(note)} {text}", "italic $text-muted"))
