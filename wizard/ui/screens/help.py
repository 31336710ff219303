"""Help: what this screen is for and every key that works on it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from wizard.ui.styles import beside


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of the screen it was opened from, plus the app's own."""

    DEFAULT_CSS = beside(__file__, "help.tcss")

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close", key_display="Esc")]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        rows = [("Ctrl+P", "Jump to any code (command palette)"), ("Ctrl+C", "Quit")]
        seen = set()
        for binding in list(self.under.BINDINGS) + list(self.app.BINDINGS):
            if not isinstance(binding, Binding) or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            keys = binding.key_display or ", ".join(_pretty(k) for k in binding.key.split(","))
            rows.append((keys, binding.description))
        if any(b.action.startswith("answer") for b in self.under.BINDINGS if isinstance(b, Binding)):
            rows.append(("1-9", "Choose that answer"))
        width = max(len(k) for k, _ in rows) + 2
        lines = [Content.styled("Keys", "bold $accent")]
        lines += [Content(f"{k:<{width}}{d}") for k, d in rows]
        text = getattr(self.under, "HELP", "") or ""
        with VerticalScroll(id="help-box"):
            if text:
                yield Static(Content(text), id="help-text", markup=False)
            yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(Content("Esc closes this help."), id="help-close", markup=False)


_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "backspace": "Backspace"}


def _pretty(key: str) -> str:
    return _NAMES.get(key, key.upper() if len(key) > 1 else key)
