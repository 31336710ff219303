"""Help: what this screen is for and every key that works on it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from wizard.language.messages import N_, _
from wizard.ui.speech import Speaks, key_label
from wizard.ui.styles import beside


class HelpScreen(Speaks, ModalScreen[None]):
    """Lists the bindings of the screen it was opened from, plus the app's own."""

    DEFAULT_CSS = beside(__file__, "help.tcss")

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", N_("Close"), key_display="Esc")]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        rows = [("Ctrl+P", _("Jump to any code (command palette)"))]
        seen = set()
        for binding in list(self.under.BINDINGS) + list(self.app.BINDINGS):
            action = binding.action.removeprefix("app.") if isinstance(binding, Binding) else ""
            if not isinstance(binding, Binding) or not binding.description or action in seen:
                continue
            seen.add(action)
            keys = binding.key_display or ", ".join(_pretty(k) for k in binding.key.split(","))
            if action == "quit":
                keys = "q, Ctrl+C, Ctrl+Q"  # q only where no text box has the cursor
            rows.append((keys, key_label(binding.description)))
        if any(b.action.startswith("digit") for b in self.under.BINDINGS if isinstance(b, Binding)):
            rows.append(("1-9, 10..", _("Choose that answer (two digits within a second for 10 and up)")))
            rows.append(("Tab, c", _("Move to a command; copy it")))
        width = max(len(k) for k, _description in rows) + 2
        lines = [Content.styled(_("Keys"), "bold $accent")]
        lines += [Content(f"{k:<{width}}{d}") for k, d in rows]
        text = _(getattr(self.under, "HELP", "") or "")
        with VerticalScroll(id="help-box"):
            if text:
                yield Static(Content(text), id="help-text", markup=False)
            yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(Content(_("Esc closes this help.")), id="help-close", markup=False)


_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "backspace": "Backspace"}


def _pretty(key: str) -> str:
    return _NAMES.get(key, key.upper() if len(key) > 1 else key)
