"""The side panel: the questions asked so far and the answers given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from wizard.knowledge.model import headline, tr

if TYPE_CHECKING:
    from wizard.cases.store import Case
    from wizard.engine.session import Session


class PathPanel(Static):
    """Shows the walk so far as question → answer lines; pure display."""

    def show(self, session: Session, case: Case | None = None) -> None:
        lines = [Content.styled("Path so far", "bold")]
        if not session.history:
            lines.append(Content("(nothing answered yet)"))
        for number, visit in enumerate(session.history, 1):
            if visit.answer is None:
                topic = tr(visit.node.topic) or "Outcome"
                lines.append(Content(f"{number}. {topic}: tried, did not fix it"))
            else:
                lines.append(Content(f"{number}. {tr(headline(visit.node))}"))
                source = " (from your evidence)" if visit.auto else ""
                lines.append(Content.styled(f"   → {tr(visit.answer.label)}{source}", "$text-accent"))
            if case is not None:
                self._note(lines, case.note_for(number - 1, visit.cursor.ref))
        if case is not None:
            self._note(lines, case.note_for(len(session.moves), session.cursor.ref), "Note here")
        self.update(Content("\n").join(lines))

    @staticmethod
    def _note(lines: list, text: str, label: str = "Note") -> None:
        if text:
            lines.append(Content.styled(f"   {label}: {text}", "italic $text-muted"))
