"""Scan one big log with several processes, each counting its own part; the results are merged.

A plain file is cut into byte ranges. Each range starts on a line boundary, and its reader is told the
`#Fields`, `#Date` and line number in force there, found by one forward pass of C searches over the file up
to the last cut. A gzip stream cannot be entered in the middle, so for a .gz every process unzips all of it
(zlib is several times faster than counting) and counts every n-th block of lines, only following the
directives of the blocks the others count. Either way this process counts the first part itself while the
others start.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from typing import BinaryIO

from wizard.logscan.blocks import blocks
from wizard.logscan.filters import Filters
from wizard.logscan.formats import iis_version
from wizard.logscan.layout import Layout
from wizard.logscan.model import FileReport, ScanResult
from wizard.logscan.sources import Progress, Source, open_source
from wizard.logscan.tally import FileTally
from wizard.logscan.w3c import W3CReader

#: Below this size the cost of starting processes is not worth it.
MIN_SIZE = 48 << 20
#: The same for a .gz (its size on disk; IIS logs shrink about tenfold).
MIN_GZ_SIZE = MIN_SIZE // 8
#: Bytes of lines one process counts before the next process's turn in a .gz.
STRIPE = 1 << 20


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
    """Processes worth using: the CPUs this process may run on (at most 8), or one when they are all taken.

    Two CPU-bound Python processes on an idle 2-vCPU machine each ran at 85-90% of the speed of one alone, so
    two processes read a big file in well under the time of one. On a machine whose CPUs were all taken by
    other work (measured: load average 4-8 on 2 vCPUs) a second process only added its start-up and merge
    costs, so a load average at or above the CPU count means one process. Anything less is not counted
    against a CPU: the load average trails by a minute and counts this program's own last seconds too.
    The result is the same either way.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows)
        load = 0.0
    return 1 if load >= cpus else max(1, min(cpus, 8))


def plan(path: str, parts: int) -> list[Cut] | None:
    """Split the file into `parts` ranges at line breaks; None when it cannot be split (no `#Fields` before a cut).

    One forward pass up to the last cut, a few MiB at a time, counts line breaks and keeps the last `#Fields`,
    `#Date` and `#Software` values, all with C searches over each piece; memory stays at one piece.
    """
    size = os.path.getsize(path)
    if size == 0 or parts < 2:
        return None
    with open(path, "rb") as handle:
        starts = [0]
        for i in range(1, parts):
            handle.seek(size * i // parts)
            handle.readline()
            at = handle.tell()
            if starts[-1] < at < size:
                starts.append(at)
        if len(starts) < 2:
            return None
        handle.seek(0)
        cuts: list[Cut] = []
        line, pos, carry = 1, 0, b""
        last: dict[bytes, bytes] = {}
        for i, start in enumerate(starts):
            while pos < start:
                chunk = handle.read(min(_STEP, start - pos))
                if not chunk:
                    break
                data = carry + chunk if carry else chunk
                if pos == 0:
                    data = data.removeprefix(b"\xef\xbb\xbf")
                pos += len(chunk)
                split = len(data) if pos >= start else data.rfind(b"\n") + 1
                whole, carry = data[:split], data[split:]
                line += whole.count(b"\n")
                if b"#" in whole:  # one fast byte search skips the pieces without directives
                    _directives(b"\n" + whole, last)
            end = starts[i + 1] if i + 1 < len(starts) else size
            if i == 0:
                cuts.append(Cut(0, end, 1, (), b"-", None))
                continue
            if b"#Fields:" not in last:
                return None
            date = last.get(b"#Date:", b"").split()
            software = last.get(b"#Software:")
            fields = tuple(last[b"#Fields:"].decode("utf-8", "replace").split())
            cuts.append(
                Cut(start, end, line, fields, date[0] if date else b"-", iis_version(software) if software else None)
            )
    return cuts


_STEP = 1 << 20
_NAMES = (b"#Fields:", b"#Date:", b"#Software:")


def _directives(text: bytes, last: dict[bytes, bytes]) -> None:
    """Note the value of the last line of each directive of `_NAMES` in `text` (which starts with a line break)."""
    for name in _NAMES:
        at = text.rfind(b"\n" + name)
        if at >= 0:
            end = text.find(b"\n", at + 1)
            last[name] = text[at + 1 + len(name) : end if end >= 0 else len(text)].strip()


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


def _reader(path: str, filters: Filters | None, site_hint: str | None, iis: str | None) -> tuple[ScanResult, W3CReader]:
    result = ScanResult()
    report = FileReport(path=path, format="w3c", iis=iis)
    result.files.append(report)
    return result, W3CReader(FileTally(result, report, site_hint=site_hint), filters)


def scan_range(path: str, cut: Cut, filters: Filters | None, site_hint: str | None) -> ScanResult:
    """Worker: scan one range into its own result (one file report for the range)."""
    result, reader = _reader(path, filters, site_hint, cut.iis)
    if cut.start > 0:  # the first range is read as any file is; the others start with the state at their cut
        reader.line, reader.date = cut.line, cut.date
        reader.layout = Layout(list(cut.fields), default_date=cut.date)
        reader.tested = True
    with open(path, "rb") as handle:
        reader.read(blocks(_Window(handle, cut.start, cut.end)))  # type: ignore[arg-type]
    return result


def scan_stripes(
    path: str,
    part: int,
    parts: int,
    stripe: int,
    filters: Filters | None,
    site_hint: str | None,
    progress: Progress | None = None,
) -> ScanResult:
    """Worker for a compressed file: unzip all of it and count blocks `part`, `part + parts`, ... of it, blocks
    of `stripe` bytes (every process must be given the same)."""
    result, reader = _reader(path, filters, site_hint, None)
    with open_source(Source(path), progress=progress) as stream:
        for i, block in enumerate(blocks(stream, stripe)):
            if i % parts == part:
                reader.feed(block)
            else:
                reader.pass_over(block)
    reader.finish()
    return result


def _ready() -> None:
    """A first task for each worker: it makes the worker start and import this module while the plan is made."""


def _pool(count: int) -> ProcessPoolExecutor | None:
    """Workers for all but this process, already starting; None when this host cannot start processes."""
    try:
        pool = ProcessPoolExecutor(max_workers=count - 1, mp_context=get_context("spawn"))
    except (RuntimeError, OSError, ValueError):
        return None
    try:
        for _ in range(count - 1):
            pool.submit(_ready)
    except (BrokenProcessPool, RuntimeError, OSError):
        pass  # the parts sent to it will fail too, and be counted in this process instead
    return pool


def _share(pool: ProcessPoolExecutor | None, jobs: list[partial[ScanResult]]) -> list[ScanResult]:
    """Run the first job here and the others in the pool, at the same time; results in the jobs' order."""
    futures = []
    if pool is not None:
        try:
            futures = [pool.submit(job) for job in jobs[1:]]
        except (BrokenProcessPool, RuntimeError, OSError):
            futures = []
    results = [jobs[0]()]
    for i, job in enumerate(jobs[1:]):
        try:
            results.append(futures[i].result())
        except (IndexError, BrokenProcessPool, RuntimeError, OSError):
            # e.g. a host program without a __main__ guard: do that part in this process instead
            results.append(job())
    return results


def scan_parallel(path: str, filters: Filters | None, site_hint: str | None, count: int) -> list[ScanResult] | None:
    """Scan the plain file `path` in `count` processes, this one included; None when it cannot be split (the
    caller reads it itself). The workers start while the plan is made."""
    pool = _pool(count)
    with pool if pool is not None else nullcontext():
        cuts = plan(path, count)
        if cuts is None:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            return None
        return _share(pool, [partial(scan_range, path, cut, filters, site_hint) for cut in cuts])


def scan_gzip_parallel(
    path: str, filters: Filters | None, site_hint: str | None, count: int, progress: Progress | None = None
) -> list[ScanResult]:
    """Scan the .gz `path` in `count` processes, this one included (and reporting `progress`)."""
    pool = _pool(count)
    with pool if pool is not None else nullcontext():
        # this process counts part 0, and it alone reports progress
        jobs = [
            partial(scan_stripes, path, part, count, STRIPE, filters, site_hint, None if part else progress)
            for part in range(count)
        ]
        return _share(pool, jobs)
