"""Home's search box: typing searches, but an empty box lets q and ? reach the app, and a
pasted error page keeps every line (Textual's Input keeps only the first line of a paste)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from wizard.knowledge.safe_text import shown
from wizard.language.messages import N_

#: Keys that act as commands while the box is empty (a code or word never starts with them ...
#: well, "q" could, but a person typing "q..." into an empty box meant to quit far more often).
PASS_THROUGH = frozenset({"q", "?"})


class SearchBox(Input):
    """Esc clears the box, or when it is empty leaves it (focus goes to the code list)."""

    BINDINGS = [Binding("escape", "leave", N_("Clear / leave"), show=False)]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pasted = ""  # the whole of the last multi-line paste
        self._pasted_line = ""  # how it shows on the box's one line

    @property
    def query_text(self) -> str:
        """What to search for: the whole pasted page while the box still shows it, else the box."""
        return self.pasted if self.pasted and self.value == self._pasted_line else self.value

    def _passes(self, character: str | None) -> bool:
        return not self.value and character in PASS_THROUGH

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if self._passes(character):
            return False  # let the app's q (quit) and ? (help) bindings have it
        return super().check_consume_key(key, character)

    # Textual calls the handler of every class in the MRO in turn, so these never call super():
    # prevent_default() is what keeps Input's own handler from running as well.

    async def _on_key(self, event: events.Key) -> None:
        if self._passes(event.character):
            event.prevent_default()  # not typed; the event bubbles on to the app's bindings

    def _on_paste(self, event: events.Paste) -> None:
        lines = shown(event.text).splitlines()  # terminals may send CR, LF or both between lines
        event.prevent_default()
        event.stop()
        if len([line for line in lines if line.strip()]) < 2:
            self.insert_text_at_cursor(" ".join(lines))  # one line, its control characters made visible
            return
        text = "\n".join(lines)
        self.pasted = text
        self._pasted_line = " ".join(text.split())
        self.value = self._pasted_line
        self.cursor_position = 0

    def action_leave(self) -> None:
        if self.value:
            self.pasted = ""
            self.value = ""
        else:
            self.screen.focus_next()
