"""What a scan found: per-file facts and per-combination tallies, as plain data that merges and serialises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wizard.language.messages import _
from wizard.logscan.layout import HTTPERR, GroupKey
from wizard.logscan.topk import CappedCounter

#: Memory bounds: these tables keep at most about twice this many entries per combination.
URL_CAP = 1000
CLIENT_CAP = 500
HOUR_CAP = 24 * 400
SITE_CAP = 50
FILE_CAP = 200
SLOWEST = 5
SKIPPED_SHOWN = 5


@dataclass
class Sample:
    """One log line that belongs to a combination, to show what it looked like."""

    file: str
    line: int | None
    text: str


@dataclass
class Slow:
    """One of the slowest requests of a combination."""

    ms: int
    url: str | None
    at: str | None
    file: str


@dataclass
class Group:
    """Everything counted for one combination (status, substatus, win32, or HTTPERR reason)."""

    key: GroupKey
    count: int = 0
    first: str | None = None
    last: str | None = None
    hours: CappedCounter[str] = field(default_factory=lambda: CappedCounter(HOUR_CAP))
    urls: CappedCounter[str] = field(default_factory=lambda: CappedCounter(URL_CAP))
    clients: CappedCounter[str] = field(default_factory=lambda: CappedCounter(CLIENT_CAP))
    sites: CappedCounter[str] = field(default_factory=lambda: CappedCounter(SITE_CAP))
    files: CappedCounter[str] = field(default_factory=lambda: CappedCounter(FILE_CAP))
    slowest: list[Slow] = field(default_factory=list)
    sample: Sample | None = None
    iis: str | None = None

    @property
    def protocol(self) -> str:
        return self.key[0]

    @property
    def status(self) -> int | None:
        return self.key[1]

    @property
    def substatus(self) -> int | None:
        return self.key[2]

    @property
    def win32(self) -> int | None:
        return self.key[3]

    @property
    def reason(self) -> str | None:
        return self.key[4]

    @property
    def failure(self) -> bool:
        """Every HTTP.sys error entry is a failure; otherwise status 400 and up."""
        return self.protocol == HTTPERR or (self.status is not None and self.status >= 400)

    def seen(self, first: str | None, last: str | None) -> None:
        if first is not None and (self.first is None or first < self.first):
            self.first = first
        if last is not None and (self.last is None or last > self.last):
            self.last = last

    def offer_slow(self, slow: Slow) -> None:
        """Keep the few slowest requests, slowest first; of equally slow ones the earliest, so that parts of a
        file counted apart and merged keep the ones a single reading keeps."""
        self.slowest.append(slow)
        self.slowest.sort(key=lambda s: (-s.ms, s.at or ""))
        del self.slowest[SLOWEST:]

    def slow_floor(self) -> int:
        """A time-taken must beat this to enter the slowest list (-1 while the list is not full)."""
        return self.slowest[-1].ms if len(self.slowest) >= SLOWEST else -1


class Said(str):
    """A note or skip reason: the English text (what the JSON report carries and `--merge` reads back)
    that keeps its catalog template and values, so the table can word it in the run's language.

    Mark the template with `N_()` where it is written: `Said(N_("{count} values where #Fields names {width}"),
    count=5, width=14)`. Pickles as template and values, so parallel workers hand back translatable notes.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Said:
        said = super().__new__(cls, template.format(**values))
        said.template, said.values = template, values
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        return _said, (self.template, self.values)

    def translated(self) -> str:
        return _(self.template).format(**self.values)


def _said(template: str, values: dict[str, Any]) -> Said:
    return Said(template, **values)


def in_language(text: str) -> str:
    """A note or skip reason as the table shows it: translated when it is a `Said`, or when text read back
    from a JSON report is a catalog sentence without values; otherwise as it is."""
    return text.translated() if isinstance(text, Said) else _(text)


@dataclass
class SkippedLine:
    line: int
    why: str


@dataclass
class FileReport:
    """What one input file was and how much of it could be read."""

    path: str
    format: str = "unknown"
    iis: str | None = None
    requests: int = 0
    skipped: int = 0
    skipped_lines: list[SkippedLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def skip(self, line: int, why: str, n: int = 1) -> None:
        self.skipped += n
        if len(self.skipped_lines) < SKIPPED_SHOWN:
            self.skipped_lines.append(SkippedLine(line, why))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


@dataclass
class ScanResult:
    """The whole scan: files read and the combinations found (unsorted; see `ranked`)."""

    files: list[FileReport] = field(default_factory=list)
    groups: dict[GroupKey, Group] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return sum(f.requests for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    def group(self, key: GroupKey) -> Group:
        found = self.groups.get(key)
        if found is None:
            found = self.groups[key] = Group(key)
        return found

    def ranked(self) -> list[Group]:
        """Failures first, then by count, biggest first; ties in code order so output is stable."""
        return sorted(
            self.groups.values(),
            key=lambda g: (
                not g.failure,
                -g.count,
                g.protocol,
                g.status or 0,
                g.substatus or 0,
                g.win32 or 0,
                g.reason or "",
            ),
        )
