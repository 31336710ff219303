"""Turn what the user typed (files, folders, globs, `-`) into log files to read; gzip is found by content."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wizard.language.messages import _

_LOG_SUFFIXES = (".log", ".gz", ".txt")
#: Told how many bytes were read, as they are read.
Progress = Callable[[int], None]
_GZIP_MAGIC = b"\x1f\x8b"


class UsageError(Exception):
    """A path that does not exist or matches nothing; the CLI names it and exits 2."""


@dataclass(frozen=True)
class Source:
    """One input: a file path, or standard input when `path` is "-"."""

    path: str

    @property
    def gzipped(self) -> bool:
        """Whether the file is a gzip stream (by its first bytes, whatever its name)."""
        if self.path == "-":
            return False
        try:
            with open(self.path, "rb") as handle:
                return handle.read(2) == _GZIP_MAGIC
        except OSError:
            return False

    @property
    def size(self) -> int:
        if self.path == "-":
            return 0
        try:
            return os.path.getsize(self.path)
        except OSError:
            return 0


def _walk(folder: Path) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, f) for f in sorted(files) if f.lower().endswith(_LOG_SUFFIXES)]
    return found


def expand(paths: Sequence[str]) -> list[Source]:
    """Files as given, folders walked for log files, globs expanded here (Windows shells leave them alone)."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            out += _walk(path)
        elif path.exists():
            out.append(raw)
        elif any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(_("no files match {pattern}").format(pattern=raw))
            for match in matches:
                out += _walk(Path(match)) if os.path.isdir(match) else [match]
        else:
            raise UsageError(_("no such file or folder: {path}").format(path=raw))
    seen: set[str] = set()
    return [Source(p) for p in out if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]


class _Counted:
    """A file that tells `progress` how many bytes were read from it: for a .gz these are the compressed
    bytes, so a progress bar sized by the file ends when the file does. Told a MiB at a time at most
    (gzip reads small pieces, and a screen's progress bar waits for its own thread each time it hears)."""

    STEP = 1 << 20

    def __init__(self, handle: BinaryIO, progress: Progress) -> None:
        self.handle, self.progress, self.pending = handle, progress, 0

    def read(self, n: int = -1) -> bytes:
        data = self.handle.read(n)
        self.pending += len(data)
        if self.pending >= self.STEP or (not data and self.pending):
            self.progress(self.pending)
            self.pending = 0
        return data

    def __getattr__(self, name: str) -> object:  # seek, tell, peek, name, mode ... as the file has them
        return getattr(self.handle, name)


@contextmanager
def open_source(source: Source, stdin: BinaryIO | None = None, progress: Progress | None = None) -> Iterator[BinaryIO]:
    """Open for binary reading; a gzip stream (by its magic bytes, not its name) is decompressed as it is read.
    `progress` hears of every byte read from the source itself (compressed or not)."""
    if source.path == "-":
        raw: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
        buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[type-var]
        gzipped = buffered.peek(2)[:2] == _GZIP_MAGIC
        stream: BinaryIO = _Counted(buffered, progress) if progress is not None else buffered  # type: ignore[assignment]
        yield gzip.GzipFile(fileobj=stream) if gzipped else stream  # type: ignore[misc]
        return
    with open(source.path, "rb") as handle:
        gzipped = handle.read(2) == _GZIP_MAGIC
        handle.seek(0)
        stream = _Counted(handle, progress) if progress is not None else handle  # type: ignore[assignment]
        if gzipped:
            with gzip.GzipFile(fileobj=stream) as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            yield stream
