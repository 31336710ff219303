"""Read a log as big binary blocks that end on a line break: the cheap way to stream any size of file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

BLOCK = 1 << 20  # whole runs of lines are split and counted as columns; a MiB amortises the per-run work
BOM = b"\xef\xbb\xbf"
_NULS = re.compile(rb"\x00+")


def _drop_nuls(data: bytes) -> bytes:
    """IIS pre-allocates log files with NUL bytes. A run after a line break is padding and goes away;
    a run inside a line (a line cut short by a crash) ends that line, so the next entry is not glued to it."""

    def repl(match: re.Match[bytes]) -> bytes:
        at = match.start()
        return b"" if at == 0 or data[at - 1 : at] == b"\n" or match.end() == len(data) else b"\n"

    return _NULS.sub(repl, data)


def blocks(stream: BinaryIO, size: int = BLOCK) -> Iterator[bytes]:
    """Yield blocks of whole lines; the last block may end without a line break (a truncated last line)."""
    carry = b""
    first = True
    while True:
        chunk = stream.read(size)
        if not chunk:
            break
        if first:
            first = False
            chunk = chunk.removeprefix(BOM)
        data = carry + chunk if carry else chunk
        if b"\x00" in data:
            data = _drop_nuls(data)
        cut = data.rfind(b"\n")
        if cut < 0:
            carry = data
            continue
        carry = data[cut + 1 :]
        yield data[:cut]
    if carry.strip():
        yield carry
