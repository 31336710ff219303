"""Scan a set of inputs into one result: pick the reader by content, then fill in versions and filters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from typing import BinaryIO

from wizard.language.messages import N_
from wizard.logscan import parallel
from wizard.logscan.blocks import blocks
from wizard.logscan.filters import Filters
from wizard.logscan.formats import NATIVE, NCSA, W3C, sniff
from wizard.logscan.jsonio import absorb
from wizard.logscan.model import SKIPPED_SHOWN, FileReport, Said, ScanResult
from wizard.logscan.native import read_native
from wizard.logscan.sources import Progress, Source, expand, open_source
from wizard.logscan.tally import FileTally
from wizard.logscan.w3c import W3CReader

_SITE_FOLDER = re.compile(r"(?:^|[\\/])((?:W3SVC|FTPSVC|MSFTPSVC)\d+)(?:[\\/]|$)", re.IGNORECASE)


def site_hint(path: str) -> str | None:
    """IIS keeps each site's logs in W3SVC<id> (FTPSVC<id>): the folder names the site when no field does."""
    found = _SITE_FOLDER.findall(path)
    return found[-1].upper() if found else None


def scan_source(
    result: ScanResult,
    source: Source,
    filters: Filters | None = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> FileReport:
    """Read one input into `result` and return its file report."""
    split = _split(source)
    if split:
        report = _scan_split(result, source, filters, progress, split)
        if report is not None:
            return report
    report = FileReport(path=source.path)
    result.files.append(report)
    ft = FileTally(result, report, site_hint=site_hint(source.path))
    with open_source(source, stdin, progress) as stream:
        parts = blocks(stream)
        first = next(parts, None)
        if first is None:
            report.note(Said(N_("empty file")))
            return report
        kind = sniff(first[:65536])
        everything = chain([first], parts)
        if kind == W3C:
            report.format = W3C
            W3CReader(ft, filters).read(everything)
        elif kind == NATIVE:
            read_native(ft, everything, filters)
        else:
            lines = sum(block.count(b"\n") + 1 for block in everything)
            report.format = kind
            report.skipped = lines
            report.note(
                Said(N_("NCSA common log format: not an IIS W3C log, not read"))
                if kind == NCSA
                else Said(
                    N_("not an IIS log: no #Fields header and no line looks like one ({lines} lines not read)"),
                    lines=lines,
                )
            )
    return report


def _split(source: Source) -> str | None:
    """How to share a big W3C file with a header among processes: "ranges" for a plain file, "stripes" for a
    .gz (see `parallel`), None when it is not worth it or not possible."""
    if source.path == "-" or parallel.workers() < 2:
        return None
    gzipped = source.gzipped
    if source.size < (parallel.MIN_GZ_SIZE if gzipped else parallel.MIN_SIZE):
        return None
    with open_source(source) as stream:
        head = stream.read(65536).removeprefix(b"\xef\xbb\xbf")
    if not gzipped:
        return "ranges" if head.startswith(b"#") else None
    # every process must know the field list from the first block on, so the header must be at the top
    return "stripes" if head.startswith(b"#") and b"#Fields:" in head else None


def _scan_split(
    result: ScanResult, source: Source, filters: Filters | None, progress: Progress | None, how: str
) -> FileReport | None:
    hint, count = site_hint(source.path), parallel.workers()
    parts: list[ScanResult] | None
    if how == "stripes":
        parts = parallel.scan_gzip_parallel(source.path, filters, hint, count, progress)
    else:
        parts = parallel.scan_parallel(source.path, filters, hint, count)
        if parts is None:
            return None
        if progress is not None:
            progress(source.size)
    report = FileReport(path=source.path, format=W3C)
    skipped = []
    for part in parts:
        absorb(result, part, files=False)
        for piece in part.files:
            report.requests += piece.requests
            report.skipped += piece.skipped
            skipped += piece.skipped_lines
            report.iis = report.iis or piece.iis
            report.format = piece.format if piece.format != W3C else report.format
            for note in piece.notes:
                report.note(note)
    report.skipped_lines = sorted(skipped, key=lambda s: s.line)[:SKIPPED_SHOWN]
    result.files.append(report)
    return report


def finish(result: ScanResult, filters: Filters | None = None) -> ScanResult:
    """Give each combination the IIS version of the file it mostly came from, and drop filtered-out groups."""
    versions = {f.path: f.iis for f in result.files}
    known = {v for v in versions.values() if v}
    only = known.pop() if len(known) == 1 else None
    for group in result.groups.values():
        if group.iis is None:
            for path, _ in group.files.top(len(group.files)):
                if versions.get(path):
                    group.iis = versions[path]
                    break
            else:
                group.iis = only  # e.g. HTTPERR: HTTP.sys names no IIS version, but the web logs beside it do
    if filters is not None:
        result.groups = {k: g for k, g in result.groups.items() if filters.keeps(g)}
    return result


def scan(
    paths: Sequence[str],
    filters: Filters | None = None,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> ScanResult:
    """Scan files, folders, globs or "-" (stdin); raises UsageError for a path that does not exist."""
    result = ScanResult()
    for source in expand(paths):
        scan_source(result, source, filters, progress, stdin)
    return finish(result, filters)


def total_size(paths: Sequence[str]) -> int:
    """Bytes to read, for a progress bar (0 when unknown, as for stdin)."""
    return sum(s.size for s in expand(paths))
