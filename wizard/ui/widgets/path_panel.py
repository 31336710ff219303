"""The side panel: the questions asked so far and the answers given."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wizard.model import tr
from wizard.session import Session


class PathPanel(Static):
    """Shows the walk so far as question → answer lines; pure display."""

    def show(self, session: Session) -> None:
        lines = [Content.styled("Path so far", "bold")]
        if not session.history:
            lines.append(Content("(nothing answered yet)"))
        for number, visit in enumerate(session.history, 1):
            if visit.answer is None:
                topic = tr(visit.node.topic) or "Outcome"
                lines.append(Content(f"{number}. {topic}: tried, did not fix it"))
            else:
                lines.append(Content(f"{number}. {tr(visit.node.question)}"))
                lines.append(Content.styled(f"   → {tr(visit.answer.label)}", "$text-accent"))
        self.update(Content("\n").join(lines))
