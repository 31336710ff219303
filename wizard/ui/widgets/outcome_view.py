"""The outcome: cause, numbered fix steps, copyable commands, KB references, what next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from wizard.knowledge.model import tr
from wizard.language.messages import _
from wizard.platform.links import kb_url
from wizard.views.command_lines import command_lines

if TYPE_CHECKING:
    from wizard.engine.session import Session


class CommandBlock(Static, can_focus=True):
    """One command in a box of its own; focus it (Tab, or Up/Down between boxes) and press c to copy.

    The box breaks a long command only between arguments (never inside quotes) and indents the
    continuation lines; what is copied is always the command exactly as the tree gives it.
    """

    BINDINGS = [
        Binding("down", "step(1)", show=False),
        Binding("up", "step(-1)", show=False),
    ]

    def __init__(self, command: str, classes: str = "command"):
        super().__init__(Content(command), classes=classes, markup=False)
        self.command = command
        self._laid_out_for = -1

    def on_resize(self) -> None:
        width = self.size.width
        if width > 0 and width != self._laid_out_for:
            self._laid_out_for = width
            self.update(Content("\n".join(command_lines(self.command, width))))

    def action_step(self, direction: int) -> None:
        """Up and Down move between the command boxes of the same view."""
        parent = self.parent
        if parent is None:
            return
        blocks = list(parent.query_children(CommandBlock))
        index = blocks.index(self) + direction
        if 0 <= index < len(blocks):
            blocks[index].focus()
        elif direction > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()


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
        yield Static(Content.styled(_("Cause"), "bold $accent"), classes="heading")
        yield Static(Content(tr(node.cause)), classes="cause", markup=False)
        yield Static(Content.styled(_("Fix"), "bold $accent"), classes="heading")
        for number, step in enumerate(session.steps(), 1):
            yield Static(Content(f"{number}. {tr(step.text)}"), classes="step", markup=False)
            if step.command:
                yield CommandBlock(step.command)
        if node.kb:
            yield Static(Content.styled("Microsoft Knowledge Base", "bold $accent"), classes="heading")
            for ref in node.kb:
                url = kb_url(ref.id)
                link = Content(url).stylize(Style(link=url, underline=True))
                yield Static(Content(f"KB {ref.id}  {tr(ref.title)}\n") + link, classes="kb", markup=False)
        if node.goes_on:
            target = session.not_fixed()
            topic = tr(target.node.topic) or _("the next likely cause")
            if target.current_tree.key != session.current_tree.key:
                topic = f"{target.current_protocol.upper()} {target.current_code}: {topic}"
            yield Static(
                Content(_("Didn't fix it? Press n to check {topic}.").format(topic=topic)), classes="next", markup=False
            )
        else:
            yield Static(
                Content(_("This is the last cause this walk knows. Press b to go back, r to start over.")),
                classes="next",
                markup=False,
            )

    def commands(self) -> list[CommandBlock]:
        return list(self.query(CommandBlock))
