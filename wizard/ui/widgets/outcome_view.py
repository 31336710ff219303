"""The outcome: cause, numbered fix steps, copyable commands, KB references, what next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.knowledge.model import tr

if TYPE_CHECKING:
    from wizard.engine.session import Session


class CommandBlock(Static, can_focus=True):
    """One command, shown verbatim in a box; focus it and press c to copy."""

    def __init__(self, command: str):
        super().__init__(Content(command), classes="command", markup=False)
        self.command = command


class OutcomeView(VerticalScroll):
    """Everything needed to fix the cause the walk reached."""

    def __init__(self, session: Session):
        super().__init__()
        self._session = session

    def compose(self) -> ComposeResult:
        yield from self._widgets(self._session)

    def show(self, session: Session) -> None:
        self.remove_children()
        self.mount_all(list(self._widgets(session)))
        self.scroll_home(animate=False)

    def _widgets(self, session: Session) -> ComposeResult:
        node = session.reached
        yield Static(Content.styled("Cause", "bold $accent"), classes="heading")
        yield Static(Content(tr(node.cause)), classes="cause", markup=False)
        yield Static(Content.styled("Fix", "bold $accent"), classes="heading")
        for number, step in enumerate(session.steps(), 1):
            yield Static(Content(f"{number}. {tr(step.text)}"), classes="step", markup=False)
            if step.command:
                yield CommandBlock(step.command)
        if node.kb:
            yield Static(Content.styled("Microsoft Knowledge Base", "bold $accent"), classes="heading")
            for ref in node.kb:
                yield Static(Content(f"KB {ref.id}  {tr(ref.title)}"), classes="kb", markup=False)
        if node.goes_on:
            target = session.not_fixed()
            topic = tr(target.node.topic) or "the next likely cause"
            if target.current_tree.key != session.current_tree.key:
                topic = f"{target.current_protocol.upper()} {target.current_code}: {topic}"
            yield Static(Content(f"Didn't fix it? Press n to check {topic}."), classes="next", markup=False)
        else:
            yield Static(
                Content("This is the last cause this walk knows. Press b to go back, r to start over."),
                classes="next",
                markup=False,
            )

    def commands(self) -> list[CommandBlock]:
        return list(self.query(CommandBlock))
