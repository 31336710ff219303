"""Human output: an 80-column table and CSV. Log text is untrusted, so control characters never reach the terminal."""

from __future__ import annotations

import csv
import io

from wizard.knowledge.safe_text import clip, shown
from wizard.language.messages import _, ngettext
from wizard.logscan.jsonio import TOP
from wizard.logscan.model import Group, ScanResult, in_language
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
    summary = _("{requests} in {files}, {skipped}").format(
        requests=ngettext("{n} requests", "{n} requests", requests).format(n=f"{requests:,}"),
        files=ngettext("{n} file(s)", "{n} file(s)", len(result.files)).format(n=len(result.files)),
        skipped=ngettext("{n} lines skipped", "{n} lines skipped", result.skipped).format(n=f"{result.skipped:,}"),
    )
    out = [fit(summary, width)]
    failing = [g for g in groups if g.failure]
    if not failing:
        out.append(_("No failing requests (status 400 and up, or HTTP.sys errors)."))
    else:
        out.append("")
        columns = _Columns()
        out.append(fit(columns.head(), width))
        for group in failing[:limit]:
            out += _group_lines(group, requests, width, columns)
        if len(failing) > limit:
            more = len(failing) - limit
            out.append(
                ngettext(
                    "... and {n} more failing combinations (use --json for all)",
                    "... and {n} more failing combinations (use --json for all)",
                    more,
                ).format(n=more)
            )
    others = [g for g in groups if not g.failure]
    if others:
        out.append("")
        passing = ", ".join(f"{code_label(g)}: {g.count:,}" for g in others[:8])
        out.append(fit(_("Not failing: {codes}").format(codes=passing), width))
    out.append("")
    for report in result.files:
        counts = {"read": f"{report.requests:,}", "skipped": f"{report.skipped:,}"}
        if report.iis:
            line = _("{path}: {format}, IIS {version}, {read} read, {skipped} skipped").format(
                path=report.path, format=report.format, version=report.iis, **counts
            )
        else:
            line = _("{path}: {format}, {read} read, {skipped} skipped").format(
                path=report.path, format=report.format, **counts
            )
        out.append(fit(line, width))
        for note in report.notes:
            out.append(fit("  " + _("note: {note}").format(note=in_language(note)), width))
        for skipped in report.skipped_lines:
            out.append(
                fit("  " + _("line {line}: {why}").format(line=skipped.line, why=in_language(skipped.why)), width)
            )
    return "\n".join(out) + "\n"


class _Columns:
    """The failing table's columns: each as wide as its default or its heading in the run's language."""

    def __init__(self) -> None:
        self.labels = (_("Code"), _("Count"), _("Share"), _("First seen"), _("Last seen"))
        code, count, share, first, last = self.labels
        self.code = max(22, len(code) + 2)
        self.count = max(9, len(count) + 2)
        self.share = max(7, len(share) + 2)
        self.first = max(16, len(first))
        self.last = max(16, len(last))

    def head(self) -> str:
        return self.row(*self.labels)

    def row(self, code: str, count: str, share: str, first: str, last: str) -> str:
        return (
            f"{code:<{self.code}}{count:>{self.count}}{share:>{self.share}}  {first:<{self.first}}  {last:<{self.last}}"
        )


def _group_lines(group: Group, requests: int, width: int, columns: _Columns) -> list[str]:
    share = f"{group.count / requests:.1%}" if requests else "-"
    lines = [
        fit(columns.row(code_label(group), f"{group.count:,}", share, _when(group.first), _when(group.last)), width)
    ]
    busiest = group.hours.top(1)
    if busiest:
        hour, count = busiest[0]
        lines.append(
            fit(
                "    " + _("busiest hour {hour}:00 ({count})").format(hour=hour.replace("T", " "), count=f"{count:,}"),
                width,
            )
        )
    for url, count in group.urls.top(3):
        lines.append(fit(f"    {count:>8,}  {url}", width))
    clients = ", ".join(f"{c} ({n:,})" for c, n in group.clients.top(3))
    if clients:
        lines.append(fit("    " + _("clients: {clients}").format(clients=clients), width))
    if group.slowest:
        slow = group.slowest[0]
        lines.append(fit("    " + _("slowest: {ms} ms {url}").format(ms=f"{slow.ms:,}", url=slow.url or "-"), width))
    lines.append(fit("    " + _("walk: {command}").format(command=command(walk_args(group))), width))
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
