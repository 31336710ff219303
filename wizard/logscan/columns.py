"""The fast path: a run of clean W3C lines becomes columns of one big split, with no work per line in Python.

The whole run is split once, on whitespace as `line.split()` splits a line, after each line break was turned
into a NUL that sticks to the next line's first value (IIS ends lines with CRLF, so the CR still separates
it from the previous line's last value). The value of column `j` for every line is then the stride slice
`parts[j::width]`. That every line has exactly `width` values is checked in C, not trusted: the total must
be `lines * width`, and each `width`-th value must be the one that starts a line. Anything else (quoted
values with spaces, short or long lines, blank lines, LF and CRLF mixed) goes to the line-by-line reader,
which skips and reports such lines exactly as before.

IIS writes `date time` first and in time order, so a run is also cut where the hour changes (`hour_runs`):
inside one run every line has the same first 13 bytes, and the hours table needs one count per combination
instead of one per line. A run whose hours are out of order is left to the line reader too.
"""

from __future__ import annotations

from collections.abc import Iterator

#: Length of "YYYY-MM-DD HH", the hour every line of a run shares.
HOUR = 13


def split_clean(chunk: bytes, lines: int, width: int) -> list[bytes] | None:
    """All values of the `lines` lines of `chunk` (no trailing line break) in one list, `width` per line, or
    None when some line does not have exactly `width` values. Values of the first column after the first
    line carry a leading NUL (the line break that preceded them)."""
    if b"\x00" in chunk:
        return None
    if b"\r" in chunk:
        text = chunk.replace(b"\n", b"\x00")  # CRLF: "...\r\x00date" splits into "..." and "\x00date"
    else:
        text = chunk.replace(b"\n", b" \x00")
    parts = text.split()  # on any run of whitespace, exactly as line.split() splits each line
    if len(parts) != lines * width:
        return None
    if lines > 1:
        # Each width-th value must start with a NUL and hold more than it. There are as many of them as line
        # breaks, so no other value holds one and every line has exactly `width` values.
        starts = b"\n".join(parts[width::width])
        if (
            not starts.startswith(b"\x00")
            or starts.count(b"\n\x00") != lines - 2
            or b"\x00\n" in starts
            or starts.endswith(b"\x00")
        ):
            return None
    return parts


def hour_runs(chunk: bytes) -> Iterator[tuple[bytes, int, bytes | None]]:
    """Cut `chunk` into runs of lines sharing their first 13 bytes (the hour), in order.

    Yields (run, lines in it, hour); when the rest cannot be cut that way (hours out of order, short lines)
    the rest is yielded once with hour None.
    """
    pos, size = 0, len(chunk)
    while pos <= size:
        if pos == size:  # the chunk ended with a line break: one more (empty) line
            yield b"", 1, None
            return
        hour = chunk[pos : pos + HOUR]
        if len(hour) < HOUR or b"\n" in hour:
            rest = chunk[pos:]
            yield rest, rest.count(b"\n") + 1, None
            return
        newline = chunk.rfind(b"\n", pos)
        if chunk.startswith(hour, newline + 1 if newline >= 0 else pos):
            end = size  # the last line has the same hour, as it usually has: one run to the end, if in order
        else:
            hit = chunk.rfind(b"\n" + hour, pos)
            end = chunk.find(b"\n", hit + 1 if hit >= 0 else pos)  # there is a later line, so a break
        run = chunk if pos == 0 and end == size else chunk[pos:end]
        lines = run.count(b"\n") + 1
        if run.count(b"\n" + hour) != lines - 1:
            rest = chunk[pos:]
            yield rest, rest.count(b"\n") + 1, None
            return
        yield run, lines, hour
        pos = end + 1
