"""`iisdoctor scan PATH...`: read IIS logs, rank what fails, and name the walk to open for each.

Exit codes follow linters: 0 nothing failing, 1 failing combinations found (a script can alert on it), 2 usage
error such as a missing file.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any, TextIO

from wizard.cli.exit_codes import Exit
from wizard.cli.output import load_library, say, width
from wizard.cli.request import Request
from wizard.language.messages import _
from wizard.logscan import FilterError, Filters, UsageError, from_dict, merge, scan, to_dict, total_size
from wizard.logscan.engine import finish
from wizard.logscan.model import ScanResult
from wizard.logscan.textout import csv_text, table
from wizard.platform import memory


def _filters(options: dict[str, Any]) -> Filters:
    status = tuple(s.strip() for spec in options["status"] for s in spec.split(",") if s.strip())
    return Filters(
        since=options["since"],
        until=options["until"],
        site=options["site"],
        status=status,
        url=options["url"],
        min_count=max(options["min_count"], 1),
    )


class _Progress:
    """A one-line progress report on stderr, only for big inputs on a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.shown = 0.0
        self.written = 0  # the length of the progress line on screen, to blank it out at the end
        self.live = total > 64 * 1024 * 1024 and stream.isatty()

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.live and now - self.shown > 0.2:
            self.shown = now
            share = min(self.done / self.total, 1.0)
            line = _("reading logs: {share} of {size} MB").format(
                share=f"{share:6.1%}", size=f"{self.total / 1e6:,.0f}"
            )
            self.written = max(self.written, len(line))
            self.stream.write("\r" + line)
            self.stream.flush()

    def close(self) -> None:
        if self.live and self.shown:
            self.stream.write("\r" + " " * max(50, self.written) + "\r")
            self.stream.flush()


def _merged(paths: list[str], filters: Filters) -> ScanResult:
    results = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                data: Any = json.load(handle)
        except FileNotFoundError:
            raise UsageError(_("no such file: {path}").format(path=path)) from None
        except (OSError, ValueError) as error:
            raise UsageError(_("{path} is not a JSON scan result ({error})").format(path=path, error=error)) from None
        if not isinstance(data, dict) or "groups" not in data:
            raise UsageError(_("{path} is not a JSON scan result (no groups)").format(path=path))
        results.append(from_dict(data))
    return finish(merge(results), filters)


def _interactive(options: dict[str, Any]) -> bool:
    wanted = options["json"] or options["csv"] or options["table"] or options["merge"]
    return not wanted and (sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER")))


def _screen(request: Request, paths: list[str], filters: Filters) -> Exit:
    """On a terminal: the scan screen, where Enter opens a row's walk with the log's evidence."""
    total_size(paths)  # a missing file is a usage error here too, before the screen opens
    from wizard.ui.log_walks import ScanRequest
    from wizard.ui.run import run_wizard

    return Exit(run_wizard(load_library(request), scan=ScanRequest(paths, filters)))


def run(request: Request) -> Exit:
    """Run the scan; 0 when nothing failed, 1 when failures were found, 2 on a usage error."""
    memory.collect_normally()  # a scan may run for minutes
    options, paths = request.extra, list(request.paths)
    try:
        filters = _filters(options)
        if _interactive(options):
            return _screen(request, paths, filters)
        if options["merge"]:
            result = _merged(paths, filters)
        else:
            progress = _Progress(total_size(paths), sys.stderr)
            try:
                result = scan(paths, filters, progress=progress)
            finally:
                progress.close()
    except (UsageError, FilterError) as error:
        say(f"scan: {error}")
        return Exit.USAGE
    if options["json"]:
        sys.stdout.write(json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n")
    elif options["csv"]:
        sys.stdout.write(csv_text(result))
    else:
        sys.stdout.write(table(result, width=width() if sys.stdout.isatty() else 80))
    return Exit.FINDINGS if any(g.failure for g in result.groups.values()) else Exit.OK
