"""Copy text and say honestly whether it worked.

OSC 52 goes to the terminal, which may silently drop it (tmux's default, many RDP and Windows
consoles): nothing can tell whether it arrived. So "Copied" is said only when the platform's own
tool took the text; otherwise the message says it was offered to the terminal and where the
text can be found instead.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App


def copy_text(app: App, text: str, *, what: str = "The text", saved: Path | None = None) -> bool:
    """Copy `text` by every means there is; True when a clipboard tool confirmed it."""
    from wizard.platform.clipboard import copy_with_tool

    app.copy_to_clipboard(text)  # OSC 52, for terminals that take it (and app.clipboard in tests)
    tool = copy_with_tool(text)
    if tool:
        app.notify(f"{what} is on the clipboard (via {tool}).", title="Copied", markup=False)
        return True
    where = f" It is also saved in {saved}." if saved else f"\n{text}" if len(text) < 300 else ""
    app.notify(
        f"{what} was offered to the terminal (OSC 52), but no clipboard tool confirmed it; "
        f"if pasting gives nothing, your terminal ignores OSC 52.{where}",
        title="Maybe not copied",
        severity="warning",
        timeout=10,
        markup=False,
    )
    return False
