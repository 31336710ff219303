"""Walks opened from the server's logs: what to scan, and what a scan row's walk arguments mean.

A scan names each failing combination's walk as `iisdoctor` arguments (`--code 404.3 --win32 50
--iis 8.5`), so the same text can be pasted on a command line; here they become a code, its
evidence and the IIS version, for the app to open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from wizard.engine.lookup import read_evidence
from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence, EvidenceError
from wizard.knowledge.library import Library
from wizard.language.messages import _


@dataclass(frozen=True)
class ScanRequest:
    """`iisdoctor scan PATH...` on a terminal: the paths and the filters (a logscan Filters)."""

    paths: list[str]
    filters: object | None = None


@dataclass(frozen=True)
class WalkTarget:
    code: str = ""
    protocol: str | None = None
    version: str | None = None
    evidence: Evidence = field(default_factory=Evidence)
    problem: str = ""  # why no walk can be opened; empty when one can


def read_walk_args(library: Library, args: Sequence[str]) -> WalkTarget:
    """The walk named by `--code C [--http|--ftp] [--win32 W] [--reason R] [--iis V]`."""
    values: dict[str, str] = {}
    protocol = None
    items = iter(args)
    for arg in items:
        if arg in ("--http", "--ftp"):
            protocol = arg[2:]
        elif arg in ("--code", "--win32", "--reason", "--iis"):
            values[arg[2:]] = next(items, "")
    try:
        _status, evidence = read_evidence(library, None, values.get("win32"), values.get("reason"))
    except EvidenceError as exc:
        return WalkTarget(problem=str(exc))
    code = values.get("code", "")
    if not code and evidence.reason:  # an HTTP.sys entry without a status: the reason's usual one
        entry = library.reason_entry(evidence.reason)
        code = entry.status or "" if entry else ""
    if not code:
        problem = _("no status code in the log for {entry}").format(entry=evidence.describe() or _("this entry"))
        return WalkTarget(problem=problem)
    version = V.normalize(values["iis"]) if values.get("iis") else None
    return WalkTarget(
        code=code, protocol=protocol or ("http" if evidence.reason else None), version=version, evidence=evidence
    )
