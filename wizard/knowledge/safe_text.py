"""One rule for text that came from outside (a tree, a catalog, a case, a log, a paste).

Such text must never reach a terminal with its control characters live: an ESC sequence can
clear the screen, set the clipboard (OSC 52) or hide a link (OSC 8). `shown` makes every
control character visible instead (ESC as `␛`, the others as their Unicode control pictures);
tabs and newlines stay, as they are layout, not commands.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␛ … ␟
    if code == 0x7F:
        return "␡"
    return f"<{code:02X}>"  # C1 controls have no picture


def shown(text: str) -> str:
    """`text` with every control character except tab and newline made visible."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_picture, text.replace("\r\n", "\n"))


def clip(text: str, room: int) -> str:
    """`text` cut to `room` characters, with an ellipsis when something was cut."""
    return text if len(text) <= room else text[: max(0, room - 1)] + "…"


def first_control(text: str) -> int | None:
    """The index of the first control character that `shown` would replace, or None."""
    found = _CONTROL.search(text.replace("\r\n", "\n"))
    return found.start() if found else None
