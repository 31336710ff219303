"""Turn what the user typed (files, folders, globs, `-`) into log files to read; gzip is found by content."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wizard.language.messages import _

_LOG_SUFFIXES = (".log", ".gz", ".txt")
_GZIP_MAGIC = b"\x1f\x8b"


class UsageError(Exception):
    """A path that does not exist or matches nothing; the CLI names it and exits 2."""


@dataclass(frozen=True)
class Source:
    """One input: a file path, or standard input when `path` is "-"."""

    path: str

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


@contextmanager
def open_source(source: Source, stdin: BinaryIO | None = None) -> Iterator[BinaryIO]:
    """Open for binary reading; a gzip stream (by its magic bytes, not its name) is decompressed as it is read."""
    if source.path == "-":
        raw: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
        buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[type-var]
        if buffered.peek(2)[:2] == _GZIP_MAGIC:
            yield gzip.GzipFile(fileobj=buffered)  # type: ignore[misc]
        else:
            yield buffered
        return
    with open(source.path, "rb") as handle:
        if handle.read(2) == _GZIP_MAGIC:
            handle.seek(0)
            with gzip.GzipFile(fileobj=handle) as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            handle.seek(0)
            yield handle
