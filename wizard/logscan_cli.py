"""`iisdoctor scan`: the command-line face of wizard.logscan (arguments in, table/JSON/CSV out, exit code).

Exit codes follow linters: 0 nothing failing, 1 failing combinations found (a script can alert on it), 2 usage
error such as a missing file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, TextIO

from wizard.logscan import FilterError, Filters, UsageError, from_dict, merge, scan, to_dict, total_size
from wizard.logscan.engine import finish
from wizard.logscan.model import ScanResult
from wizard.logscan.textout import csv_text, table


def configure(parser: argparse.ArgumentParser) -> None:
    """Add scan's arguments to its (sub)parser."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="log files, folders, globs (u_ex*.log), .gz files, or - for standard input; "
                             "with --merge, JSON files written by scan --json")
    parser.add_argument("--since", metavar="WHEN", help="only lines at or after this ISO date or date-time (UTC)")
    parser.add_argument("--until", metavar="WHEN", help="only lines up to this ISO date or date-time (UTC)")
    parser.add_argument("--site", metavar="SITE", help="only this site (s-sitename or site id, e.g. W3SVC2 or 2)")
    parser.add_argument("--status", metavar="CODE", action="append", default=[],
                        help="only these codes: 5xx, 403, 500.19 (repeat or comma-separate)")
    parser.add_argument("--url", metavar="PATTERN", help="only URLs containing this text or matching this glob")
    parser.add_argument("--min-count", metavar="N", type=int, default=1, help="hide combinations seen fewer times")
    parser.add_argument("--merge", action="store_true", help="combine JSON results of separate scans (a web farm)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="write the JSON report (a documented contract)")
    out.add_argument("--csv", action="store_true", help="write one CSV row per combination")


def _filters(args: argparse.Namespace) -> Filters:
    status = tuple(s.strip() for spec in args.status for s in spec.split(",") if s.strip())
    return Filters(since=args.since, until=args.until, site=args.site, status=status, url=args.url,
                   min_count=max(args.min_count, 1))


class _Progress:
    """A one-line progress report on stderr, only for big inputs on a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.shown = 0.0
        self.live = total > 64 * 1024 * 1024 and stream.isatty()

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.live and now - self.shown > 0.2:
            self.shown = now
            share = min(self.done / self.total, 1.0)
            self.stream.write(f"\rreading logs: {share:6.1%} of {self.total / 1e6:,.0f} MB")
            self.stream.flush()

    def close(self) -> None:
        if self.live and self.shown:
            self.stream.write("\r" + " " * 50 + "\r")
            self.stream.flush()


def _write(text: str, stream: TextIO) -> None:
    """Write without ever failing on the console's encoding: unencodable characters become '?'."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = text.encode(encoding, "replace").decode(encoding, "replace")
    stream.write(text)


def _merged(paths: list[str], filters: Filters) -> ScanResult:
    results = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                data: Any = json.load(handle)
        except FileNotFoundError:
            raise UsageError(f"no such file: {path}") from None
        except (OSError, ValueError) as error:
            raise UsageError(f"{path} is not a JSON scan result ({error})") from None
        if not isinstance(data, dict) or "groups" not in data:
            raise UsageError(f"{path} is not a JSON scan result (no groups)")
        results.append(from_dict(data))
    return finish(merge(results), filters)


def run(args: argparse.Namespace) -> int:
    """Run the scan; 0 when nothing failed, 1 when failures were found, 2 on a usage error."""
    stdout, stderr = sys.stdout, sys.stderr
    try:
        filters = _filters(args)
        if args.merge:
            result = _merged(args.paths, filters)
        else:
            progress = _Progress(total_size(args.paths), stderr)
            try:
                result = scan(args.paths, filters, progress=progress)
            finally:
                progress.close()
    except (UsageError, FilterError) as error:
        stderr.write(f"iisdoctor scan: {error}\n")
        return 2
    if args.json:
        _write(json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n", stdout)
    elif args.csv:
        _write(csv_text(result), stdout)
    else:
        _write(table(result), stdout)
    return 1 if any(g.failure for g in result.groups.values()) else 0
