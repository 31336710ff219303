"""The hot loop: count blocks of already-split log rows into the scan's combinations.

Python bytecode per log line is what makes log scanners slow, so nothing here loops over rows in
Python. Each table is a `Counter` fed by `map`/`zip` over the rows (`Counter.update` with an
iterable counts in C), keyed by the raw bytes of the few columns it needs. The tables live across
blocks and are folded into the typed combinations only when a field list ends or they grow past a
bound, so the Python work is per *distinct* key, not per line, and memory stays bounded.
First and last seen follow the order of the log, which IIS writes in time order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import itemgetter, methodcaller
from typing import Any

from wizard.logscan.layout import GroupKey, Layout, number, text
from wizard.logscan.model import FileReport, Group, Sample, ScanResult, Slow

_HOUR = itemgetter(slice(0, 2))
_LEAD = itemgetter(slice(0, 13))
_ZFILL = methodcaller("zfill", 12)
#: Fold the running tables into the result when they hold this many keys (bounds memory on huge logs).
FLUSH_KEYS = 60_000


@dataclass
class FileTally:
    """Per-file state the tally needs besides the scan result."""

    result: ScanResult
    report: FileReport
    site_hint: str | None = None
    seen: set[GroupKey] = field(default_factory=set)


def stamp(date: bytes, time: bytes) -> str | None:
    """ISO timestamp as logged (IIS W3C logs are UTC), or None when either part is missing."""
    if len(date) != 10 or len(time) < 8 or time[2:3] != b":":
        return None
    return f"{date.decode('ascii', 'replace')}T{time[:8].decode('ascii', 'replace')}"


class Tally:
    """Running tables for one file and one field list."""

    def __init__(self, ft: FileTally, layout: Layout) -> None:
        self.ft, self.layout = ft, layout
        self.date_i, self.time_i = layout.col("date"), layout.col("time")
        self.site_i = layout.col("s-sitename", "s-siteid")
        self.url_i = layout.col("cs-uri-stem", "cs-uri", "x-fullpath")
        self.client_i = layout.col("c-ip", "x-forwarded-for")
        self.taken_i = layout.col("time-taken")
        self.lead = layout.fields[:2] == ["date", "time"]
        self.hours: Counter[Any] = Counter()
        self.urls: Counter[Any] = Counter()
        self.clients: Counter[Any] = Counter()
        self.groups: dict[Any, Group] = {}
        self.floors: dict[Any, int] = {}

    def _column(self, rows: list[list[bytes]], i: int | None, fill: bytes = b"-") -> Iterator[Any]:
        return map(itemgetter(i), rows) if i is not None else repeat(fill, len(rows))

    def add(self, rows: list[list[bytes]], lines: Sequence[bytes], nums: Sequence[int]) -> None:
        """Count `rows` (each exactly `layout.width` values); `lines`/`nums` are their raw lines and numbers."""
        n = len(rows)
        layout = self.layout
        if not n or layout.key_get is None:
            return
        self.ft.report.requests += n
        column, default_date = self._column, layout.default_date
        gk = list(map(layout.key_get, rows))
        if self.lead:  # "date time" start every line: its first 13 bytes are the hour, no split values needed
            hours = map(_LEAD, lines)
            self.hours.update(zip(gk, column(rows, self.site_i), hours))
        else:
            self.hours.update(
                zip(
                    gk,
                    column(rows, self.site_i),
                    column(rows, self.date_i, default_date),
                    map(_HOUR, column(rows, self.time_i)),
                )
            )
        self.urls.update(zip(gk, column(rows, self.url_i)))
        self.clients.update(zip(gk, column(rows, self.client_i)))
        last = dict(zip(gk, count()))
        for raw, at_last in last.items():
            group = self.groups.get(raw)
            if group is None:
                group = self.groups[raw] = self.ft.result.group(layout.typed(raw))
                self.floors[raw] = group.slow_floor()
            first = None
            if group.key not in self.ft.seen:
                self.ft.seen.add(group.key)
                at = gk.index(raw)
                first = self._stamp(rows[at])
                if group.sample is None:
                    group.sample = Sample(
                        self.ft.report.path, nums[at], lines[at].decode("utf-8", "replace").rstrip("\r")
                    )
            group.seen(first, self._stamp(rows[at_last]))
        if self.taken_i is not None:
            self._slowest(rows, gk, last.keys())
        if len(self.urls) + len(self.clients) + len(self.hours) > FLUSH_KEYS:
            self.flush()

    def _stamp(self, row: list[bytes]) -> str | None:
        date = row[self.date_i] if self.date_i is not None else self.layout.default_date
        return stamp(date, row[self.time_i] if self.time_i is not None else b"-")

    def _slowest(self, rows: list[list[bytes]], gk: list[Any], present: Iterable[Any]) -> None:
        """Offer the few slowest requests per combination; only rows that can enter a top list are visited.

        Combinations whose list is not full yet are rare by nature, so their rows are simply visited. For the
        others a time-taken must beat the lowest floor among them; zero-filled digits compare as bytes, in C.
        """
        taken_i = self.taken_i
        assert taken_i is not None
        floors = self.floors
        open_ = {raw for raw in present if floors[raw] < 0}
        full = [floors[raw] for raw in present if floors[raw] >= 0]
        hits: set[int] = set()
        if open_:
            hits.update(compress(range(len(rows)), map(open_.__contains__, gk)))
        if full:
            low = b"%012d" % min(full)
            values = set(map(itemgetter(taken_i), rows))
            bigger = {int(v) for v in filter(low.__lt__, map(_ZFILL, values)) if v.isdigit()}
            if bigger:
                wanted = {v for v in values if v.isdigit() and int(v) in bigger}
                hits.update(compress(range(len(rows)), map(wanted.__contains__, map(itemgetter(taken_i), rows))))
        url_i, path = self.url_i, self.ft.report.path
        for i in sorted(hits):
            row = rows[i]
            raw, value = gk[i], row[taken_i]
            if not value.isdigit() or int(value) <= floors[raw]:
                continue
            group = self.groups[raw]
            group.offer_slow(Slow(int(value), text(row[url_i]) if url_i is not None else None, self._stamp(row), path))
            floors[raw] = group.slow_floor()

    def flush(self) -> None:
        """Fold the running tables into the combinations (once per distinct key) and empty them."""
        groups, path, hint = self.groups, self.ft.report.path, self.ft.site_hint
        for key, times in self.hours.items():
            raw, site = key[0], key[1]
            date, hour = (key[2][:10], key[2][11:13]) if len(key) == 3 else key[2:]
            group = groups[raw]
            group.count += times
            group.files.add(path, times)
            if len(date) == 10 and date[4:5] == b"-" and len(hour) == 2 and hour.isdigit():
                group.hours.add(f"{date.decode('ascii', 'replace')}T{hour.decode()}", times)
            name = text(site) or hint
            if name is not None:
                group.sites.add(name, times)
        for table, attr in ((self.urls, "urls"), (self.clients, "clients")):
            for (raw, value), times in table.items():
                name = text(value)
                if name is not None:
                    getattr(groups[raw], attr).add(name, times)
        self.hours, self.urls, self.clients = Counter(), Counter(), Counter()


def tally(ft: FileTally, layout: Layout, rows: list[list[bytes]], lines: Sequence[bytes], nums: Sequence[int]) -> None:
    """Count one batch on its own (for readers that hand over everything at once)."""
    one = Tally(ft, layout)
    one.add(rows, lines, nums)
    one.flush()


__all__ = ["FileTally", "Tally", "number", "stamp", "tally"]
