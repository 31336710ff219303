"""Scan one big plain log with several processes: each reads its own byte range, results are merged.

Each range starts on a line boundary, and its reader is told the `#Fields`, `#Date` and line number in
force there, found by one cheap pre-pass over the file that only looks at directive lines. Compressed
files cannot be split this way and are read by one process.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import BinaryIO

from wizard.logscan.blocks import blocks
from wizard.logscan.filters import Filters
from wizard.logscan.formats import iis_version
from wizard.logscan.layout import Layout
from wizard.logscan.model import FileReport, ScanResult
from wizard.logscan.tally import FileTally
from wizard.logscan.w3c import W3CReader

#: Below this size the cost of starting processes is not worth it.
MIN_SIZE = 48 << 20
_READ = 4 << 20


@dataclass(frozen=True)
class Cut:
    """Where a range starts and what the reader needs to know there."""

    start: int
    end: int
    line: int
    fields: tuple[str, ...]
    date: bytes
    iis: str | None


def workers() -> int:
    """Processes to use; 1 (no split) below 4 CPUs: two logical CPUs are often one core with two threads,
    and there two scanners running at once were measured no faster than one, since they share its cache."""
    cpus = os.cpu_count() or 1
    return min(cpus, 8) if cpus >= 4 else 1


def plan(path: str, parts: int) -> list[Cut] | None:
    """Split the file into `parts` ranges at line breaks; None when it cannot be split (no header first)."""
    size = os.path.getsize(path)
    wanted = [size * i // parts for i in range(1, parts)]
    cuts: list[Cut] = []
    fields: tuple[str, ...] = ()
    date, iis = b"-", None
    line, offset, carry = 1, 0, b""
    start = 0
    start_state: tuple[int, tuple[str, ...], bytes, str | None] = (1, (), b"-", None)
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(_READ)
            if not chunk:
                break
            data = carry + chunk
            cut = data.rfind(b"\n") + 1
            whole, carry = data[:cut], data[cut:]
            base = offset
            offset += len(whole)
            pos = 0
            while wanted and wanted[0] < offset:
                # the range boundary falls in this piece: first note directives before it, then cut
                at = whole.find(b"\n", max(wanted[0] - base, 0)) + 1
                if at <= 0:
                    break
                fields, date, iis = _directives(whole[pos:at], fields, date, iis)
                line += whole.count(b"\n", pos, at)
                pos = at
                if not fields:
                    return None
                cuts.append(Cut(start, base + at, *start_state))
                start, start_state = base + at, (line, fields, date, iis)
                wanted.pop(0)
            fields, date, iis = _directives(whole[pos:], fields, date, iis)
            line += whole.count(b"\n", pos)
    cuts.append(Cut(start, size, *start_state))
    return cuts if len(cuts) > 1 else None


def _directives(
    data: bytes, fields: tuple[str, ...], date: bytes, iis: str | None
) -> tuple[tuple[str, ...], bytes, str | None]:
    """Apply the directive lines found in `data` (whole lines) to the running state."""
    pos = 0 if data.startswith(b"#") else data.find(b"\n#")
    while pos >= 0:
        begin = pos if data[pos : pos + 1] == b"#" else pos + 1
        end = data.find(b"\n", begin)
        text = data[begin : end if end >= 0 else len(data)].rstrip(b"\r")
        name, _, value = text.partition(b":")
        name = name.lower()
        if name == b"#fields":
            fields = tuple(value.decode("utf-8", "replace").split())
        elif name == b"#date":
            date = value.split()[0] if value.split() else b"-"
        elif name == b"#software":
            iis = iis_version(value) or iis
        if end < 0:
            break
        pos = data.find(b"\n#", end)
    return fields, date, iis


class _Window:
    """A file handle that reads only the bytes of one range."""

    def __init__(self, handle: BinaryIO, start: int, end: int) -> None:
        handle.seek(start)
        self.handle, self.left = handle, end - start

    def read(self, n: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        data = self.handle.read(self.left if n < 0 else min(n, self.left))
        self.left -= len(data)
        return data


def scan_range(path: str, cut: Cut, filters: Filters | None, site_hint: str | None) -> ScanResult:
    """Worker: scan one range into its own result (one file report for the range)."""
    result = ScanResult()
    report = FileReport(path=path, format="w3c", iis=cut.iis)
    result.files.append(report)
    ft = FileTally(result, report, site_hint=site_hint)
    reader = W3CReader(ft, filters)
    reader.line, reader.date = cut.line, cut.date
    reader.layout = Layout(list(cut.fields), default_date=cut.date)
    reader.tested = True
    with open(path, "rb") as handle:
        reader.read(blocks(_Window(handle, cut.start, cut.end)))  # type: ignore[arg-type]
    return result


def scan_parallel(path: str, filters: Filters | None, site_hint: str | None, count: int) -> list[ScanResult] | None:
    """Scan `path` in `count` processes; None when the file cannot be split (the caller reads it itself)."""
    cuts = plan(path, count * 2)
    if cuts is None:
        return None
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn")) as pool:
            futures = [pool.submit(scan_range, path, cut, filters, site_hint) for cut in cuts]
            return [f.result() for f in futures]
    except (BrokenProcessPool, RuntimeError, OSError):
        return None  # e.g. a host program without a __main__ guard: read the file in this process instead
