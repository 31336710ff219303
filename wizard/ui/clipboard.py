"""Copy text and say honestly whether it worked.

OSC 52 goes to the terminal, which may silently drop it (tmux's default, many RDP and Windows
consoles): nothing can tell whether it arrived. So "Copied" is said only when the platform's own
tool took the text; otherwise the message says it was offered to the terminal and where the
text can be found instead.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from wizard.language.messages import N_, _

#: What was copied, as whole sentences per kind (translators need the sentence, not a subject to fit in).
COPIED = {
    "text": N_("The text is on the clipboard (via {tool})."),
    "command": N_("The command is on the clipboard (via {tool})."),
    "markdown": N_("The Markdown is on the clipboard (via {tool})."),
}
OFFERED = {
    "text": N_(
        "The text was offered to the terminal (OSC 52), but no clipboard tool confirmed it; "
        "if pasting gives nothing, your terminal ignores OSC 52."
    ),
    "command": N_(
        "The command was offered to the terminal (OSC 52), but no clipboard tool confirmed it; "
        "if pasting gives nothing, your terminal ignores OSC 52."
    ),
    "markdown": N_(
        "The Markdown was offered to the terminal (OSC 52), but no clipboard tool confirmed it; "
        "if pasting gives nothing, your terminal ignores OSC 52."
    ),
}


def copy_text(app: App, text: str, *, what: str = "text", saved: Path | None = None) -> bool:
    """Copy `text` by every means there is; True when a clipboard tool confirmed it.

    `what` is "text", "command" or "markdown": which words the message uses for it.
    """
    from wizard.platform.clipboard import copy_with_tool

    app.copy_to_clipboard(text)  # OSC 52, for terminals that take it (and app.clipboard in tests)
    tool = copy_with_tool(text)
    if tool:
        app.notify(_(COPIED.get(what, COPIED["text"])).format(tool=tool), title=_("Copied"), markup=False)
        return True
    where = (
        " " + _("It is also saved in {path}.").format(path=saved) if saved else f"\n{text}" if len(text) < 300 else ""
    )
    app.notify(
        _(OFFERED.get(what, OFFERED["text"])) + where,
        title=_("Maybe not copied"),
        severity="warning",
        timeout=10,
        markup=False,
    )
    return False
