"""Human output: an 80-column table and CSV. Log text is untrusted, so control characters never reach the terminal."""

from __future__ import annotations

import csv
import io

from wizard.knowledge.safe_text import clip, shown
from wizard.logscan.jsonio import TOP
from wizard.logscan.model import Group, ScanResult
from wizard.logscan.walk import code_label, command, walk_args


def clean(text: str) -> str:
    """Log text is untrusted: its control characters are made visible, never sent to the terminal."""
    return shown(text).replace("\t", " ").replace("\n", " ")


def fit(text: str, width: int) -> str:
    """Cut to `width` characters with an ellipsis, after cleaning."""
    return clip(clean(text), width)


def _when(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:16] if stamp else "-"


def table(result: ScanResult, width: int = 80, limit: int = 20) -> str:
    """The report as plain text that fits `width` columns."""
    groups = result.ranked()
    requests = result.requests
    out = [fit(f"{requests:,} requests in {len(result.files)} file(s), {result.skipped:,} lines skipped", width)]
    failing = [g for g in groups if g.failure]
    if not failing:
        out.append("No failing requests (status 400 and up, or HTTP.sys errors).")
    else:
        out.append("")
        head = f"{'Code':<22}{'Count':>9}{'Share':>7}  {'First seen':<16}  {'Last seen':<16}"
        out.append(fit(head, width))
        for group in failing[:limit]:
            out += _group_lines(group, requests, width)
        if len(failing) > limit:
            out.append(f"... and {len(failing) - limit} more failing combinations (use --json for all)")
    others = [g for g in groups if not g.failure]
    if others:
        out.append("")
        summary = ", ".join(f"{code_label(g)}: {g.count:,}" for g in others[:8])
        out.append(fit(f"Not failing: {summary}", width))
    out.append("")
    for report in result.files:
        version = f", IIS {report.iis}" if report.iis else ""
        out.append(
            fit(f"{report.path}: {report.format}{version}, {report.requests:,} read, {report.skipped:,} skipped", width)
        )
        for note in report.notes:
            out.append(fit(f"  note: {note}", width))
        for skipped in report.skipped_lines:
            out.append(fit(f"  line {skipped.line}: {skipped.why}", width))
    return "\n".join(out) + "\n"


def _group_lines(group: Group, requests: int, width: int) -> list[str]:
    share = f"{group.count / requests:.1%}" if requests else "-"
    lines = [
        fit(
            f"{code_label(group):<22}{group.count:>9,}{share:>7}  {_when(group.first):<16}  {_when(group.last):<16}",
            width,
        )
    ]
    busiest = group.hours.top(1)
    if busiest:
        lines.append(fit(f"    busiest hour {busiest[0][0].replace('T', ' ')}:00 ({busiest[0][1]:,})", width))
    for url, count in group.urls.top(3):
        lines.append(fit(f"    {count:>8,}  {url}", width))
    clients = ", ".join(f"{c} ({n:,})" for c, n in group.clients.top(3))
    if clients:
        lines.append(fit(f"    clients: {clients}", width))
    if group.slowest:
        slow = group.slowest[0]
        lines.append(fit(f"    slowest: {slow.ms:,} ms {slow.url or '-'}", width))
    lines.append(fit(f"    walk: {command(walk_args(group))}", width))
    return lines


def csv_text(result: ScanResult) -> str:
    """One row per combination; spreadsheet-friendly, empty cells where the log has no such field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "protocol",
            "log",
            "status",
            "substatus",
            "win32",
            "reason",
            "count",
            "share",
            "failure",
            "first",
            "last",
            "busiest_hour",
            "top_url",
            "top_client",
            "walk",
        ]
    )
    requests = result.requests
    for g in result.ranked():
        busiest = g.hours.top(1)
        url = g.urls.top(1)
        client = g.clients.top(1)
        writer.writerow(
            [
                "ftp" if g.protocol == "ftp" else "http",
                "httperr" if g.protocol == "httperr" else "w3c",
                _cell(g.status),
                _cell(g.substatus),
                _cell(g.win32),
                g.reason or "",
                g.count,
                f"{g.count / requests:.6f}" if requests else "",
                "yes" if g.failure else "no",
                g.first or "",
                g.last or "",
                busiest[0][0] if busiest else "",
                clean(url[0][0]) if url else "",
                clean(client[0][0]) if client else "",
                command(walk_args(g)) if g.failure else "",
            ]
        )
    return buffer.getvalue()


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


__all__ = ["TOP", "clean", "csv_text", "fit", "table"]
