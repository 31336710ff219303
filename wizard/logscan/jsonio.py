"""The JSON contract of `iisdoctor scan --json`, and reading it back so farms can `--merge` their scans.

Missing values are null, never 0: a log without a substatus field says nothing about the substatus.

Top level: `schema` (1), `requests`, `skipped`, `failures` (ints), `files`, `groups`.
`files[]`: `path`, `format` (w3c, ftp, httperr, iis-native, ncsa, unknown), `iis` ("6.0" ... "10" or null),
`requests`, `skipped`, `skipped_lines[]` ({`line`, `why`}, the first few), `notes[]`.
`groups[]`, failures first then by count: `protocol` ("http" or "ftp"), `log` ("w3c" or "httperr"),
`status`, `substatus`, `win32` (int or null), `reason` (HTTP.sys reason or null), `code` (display text),
`count`, `share` (of all requests read), `failure`, `first`/`last` (ISO time as logged, UTC for W3C),
`busiest_hour` ("YYYY-MM-DDTHH"), `hours`, `urls`, `clients`, `sites`, `files` ([value, count] pairs, top
entries), `slowest[]` ({`time_taken` ms, `url`, `at`, `file`}), `sample` ({`file`, `line`, `text`}), `iis`,
`walk` (iisdoctor argv, null when not failing) and `command` (the same as a command line).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wizard.logscan.layout import FTP, HTTP, HTTPERR
from wizard.logscan.model import FileReport, Group, Sample, ScanResult, SkippedLine, Slow
from wizard.logscan.walk import code_label, command, walk_args

SCHEMA = 1
TOP = 10


def _pairs(counter: Any, n: int = TOP) -> list[list[Any]]:
    return [[k, v] for k, v in counter.top(n)]


def group_dict(group: Group, requests: int) -> dict[str, Any]:
    busiest = group.hours.top(1)
    args = walk_args(group)
    return {
        "protocol": FTP if group.protocol == FTP else HTTP,
        "log": "httperr" if group.protocol == HTTPERR else "w3c",
        "status": group.status,
        "substatus": group.substatus,
        "win32": group.win32,
        "reason": group.reason,
        "code": code_label(group),
        "count": group.count,
        "share": round(group.count / requests, 6) if requests else None,
        "failure": group.failure,
        "first": group.first,
        "last": group.last,
        "busiest_hour": busiest[0][0] if busiest else None,
        "hours": sorted([k, v] for k, v in group.hours.counts.items()),
        "urls": _pairs(group.urls),
        "clients": _pairs(group.clients),
        "sites": _pairs(group.sites),
        "files": _pairs(group.files, 50),
        "slowest": [{"time_taken": s.ms, "url": s.url, "at": s.at, "file": s.file} for s in group.slowest],
        "sample": None if group.sample is None else vars(group.sample).copy(),
        "iis": group.iis,
        "walk": args if group.failure else None,
        "command": command(args) if group.failure else None,
    }


def to_dict(result: ScanResult) -> dict[str, Any]:
    requests = result.requests
    groups = result.ranked()
    return {
        "schema": SCHEMA,
        "requests": requests,
        "skipped": result.skipped,
        "failures": sum(g.count for g in groups if g.failure),
        "files": [
            {
                "path": f.path,
                "format": f.format,
                "iis": f.iis,
                "requests": f.requests,
                "skipped": f.skipped,
                "skipped_lines": [{"line": s.line, "why": s.why} for s in f.skipped_lines],
                "notes": f.notes,
            }
            for f in result.files
        ],
        "groups": [group_dict(g, requests) for g in groups],
    }


def _group(data: dict[str, Any]) -> Group:
    protocol = HTTPERR if data.get("log") == "httperr" else data["protocol"]
    group = Group((protocol, data["status"], data["substatus"], data["win32"], data["reason"]))
    group.count = data["count"]
    group.first, group.last, group.iis = data.get("first"), data.get("last"), data.get("iis")
    for name in ("urls", "clients", "sites", "files", "hours"):
        getattr(group, name).update((k, v) for k, v in data.get(name) or [])
    group.slowest = [
        Slow(s["time_taken"], s.get("url"), s.get("at"), s.get("file", "")) for s in data.get("slowest") or []
    ]
    if data.get("sample"):
        group.sample = Sample(**data["sample"])
    return group


def from_dict(data: dict[str, Any]) -> ScanResult:
    """Rebuild a result from `to_dict` output (tables hold only what was written: the top entries)."""
    result = ScanResult()
    for f in data.get("files", []):
        report = FileReport(
            f["path"],
            f.get("format", "unknown"),
            f.get("iis"),
            f.get("requests", 0),
            f.get("skipped", 0),
            [SkippedLine(s["line"], s["why"]) for s in f.get("skipped_lines", [])],
            list(f.get("notes", [])),
        )
        result.files.append(report)
    for g in data.get("groups", []):
        group = _group(g)
        result.groups[group.key] = group
    return result


def _earlier(sample: Sample | None, than: Sample | None) -> bool:
    """Whether `sample` should replace `than`: there is none yet, or it is an earlier line of the same file
    (parts of one file scanned by several processes come back in any order)."""
    if sample is None:
        return False
    if than is None:
        return True
    return sample.file == than.file and (sample.line or 0) < (than.line or 0)


def absorb(into: ScanResult, other: ScanResult, files: bool = True) -> None:
    """Add `other`'s combinations (and, unless told not to, its file reports) to `into`."""
    if files:
        into.files += other.files
    for key, group in other.groups.items():
        target = into.group(key)
        target.count += group.count
        target.seen(group.first, group.last)
        for name in ("urls", "clients", "sites", "files", "hours"):
            getattr(target, name).update(getattr(group, name).counts.items())
        for slow in group.slowest:
            target.offer_slow(slow)
        if _earlier(group.sample, target.sample):
            target.sample = group.sample
        target.iis = target.iis or group.iis


def merge(results: Iterable[ScanResult]) -> ScanResult:
    """Combine separate scans (one per server of a farm): counts add up, first is the earliest, last the latest."""
    out = ScanResult()
    for result in results:
        absorb(out, result)
    return out
