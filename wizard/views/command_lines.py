"""Long commands laid out for a narrow box: break only at spaces outside quotes.

A command wrapped by a terminal can break inside `"C:\\Program Files\\..."`, and a person reading
it out on the phone then drops a space or adds one. Here a line breaks only between arguments;
an argument longer than the box is cut into pieces of the box's width, each on its own line,
so nothing is ever clipped. Continuation lines are indented, so one block is clearly one command.
"""

from __future__ import annotations

INDENT = "  "


def arguments(command: str) -> list[str]:
    """The command split at spaces that are outside double quotes; quotes stay in the pieces."""
    pieces: list[str] = []
    current: list[str] = []
    quoted = False
    for char in command:
        if char == '"':
            quoted = not quoted
        if char == " " and not quoted:
            if current:
                pieces.append("".join(current))
                current = []
            continue
        current.append(char)
    if current:
        pieces.append("".join(current))
    return pieces


def command_lines(command: str, width: int) -> list[str]:
    """`command` as lines no wider than `width` (continuations indented), broken between arguments."""
    if width < 8 or len(command) <= width:
        return [command]
    lines: list[str] = []
    line = ""
    for piece in arguments(command):
        candidate = f"{line} {piece}" if line else piece
        prefix = INDENT if lines else ""
        if len(prefix + candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(prefix + line)
            line = ""
        prefix = INDENT if lines else ""
        room = width - len(prefix)
        while len(piece) > room:  # one argument wider than the box: cut it, never clip it
            lines.append(prefix + piece[:room])
            piece = piece[room:]
            prefix = INDENT
            room = width - len(prefix)
        line = piece
    if line:
        lines.append((INDENT if lines else "") + line)
    return lines
