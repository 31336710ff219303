"""The hot loop: count blocks of already-split log rows into the scan's combinations.

Python bytecode per log line is what makes log scanners slow, so nothing here loops over rows in
Python. Each table is a `Counter` fed by `map`/`zip` over the rows (`Counter.update` with an
iterable counts in C), keyed by the raw bytes of the few columns it needs. The tables live across
blocks and are folded into the typed combinations only when a field list ends or they grow past a
bound, so the Python work is per *distinct* key, not per line, and memory stays bounded.
First and last seen are the stamps of a combination's first and last line in the file (IIS writes in time
order), whatever the block sizes; across files the earliest first and the latest last win.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import gt, itemgetter
from typing import Any

from wizard.logscan.columns import split_clean
from wizard.logscan.layout import GroupKey, Layout, number, text
from wizard.logscan.model import FileReport, Group, Sample, ScanResult, Slow

_HOUR = itemgetter(slice(0, 2))
_LEAD = itemgetter(slice(0, 13))
#: Fold the running tables into the result when they hold this many keys (bounds memory on huge logs).
FLUSH_KEYS = 60_000


class _Ids(dict[Any, int]):
    """The raw key values of each combination (status, sub-status, Win32 as logged) -> a small number.

    The tables count by that number: a small int hashes and compares faster than a tuple of bytes, and
    `map(ids.__getitem__, ...)` finds the known ones in C. `raws` gives the values back."""

    def __init__(self) -> None:
        super().__init__()
        self.raws: list[Any] = []

    def __missing__(self, raw: Any) -> int:
        self[raw] = number = len(self.raws)
        self.raws.append(raw)
        return number


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

    def __init__(self, ft: FileTally, layout: Layout, before: Tally | None = None) -> None:
        self.ft, self.layout = ft, layout
        self.date_i, self.time_i = layout.col("date"), layout.col("time")
        self.site_i = layout.col("s-sitename", "s-siteid")
        self.url_i = layout.col("cs-uri-stem", "cs-uri", "x-fullpath")
        self.client_i = layout.col("c-ip", "x-forwarded-for")
        self.taken_i = layout.col("time-taken")
        self.lead = layout.fields[:2] == ["date", "time"]
        picks = [layout.index[name] for name in layout.key_names]
        self.key_cols = picks * 2 if len(picks) == 1 else picks  # the same shape as `layout.key_get` gives
        used = [*picks, self.site_i, self.url_i, self.client_i, self.taken_i]
        #: the columnar path needs `date time` first, and no other wanted value in the first column
        self.columnar = self.lead and bool(picks) and 0 not in used
        self.hours: Counter[Any] = Counter()
        self.urls: Counter[Any] = Counter()
        self.clients: Counter[Any] = Counter()
        self.groups: dict[Any, Group] = {}
        self.floors: dict[Any, int] = {}
        #: the stamp of each combination's latest line so far, in file order (folded in by `flush`)
        self.lasts: dict[Any, str | None] = {}
        self.ids = _Ids()
        if before is not None:
            if before.layout.key_names == layout.key_names and before.layout.protocol == layout.protocol:
                # the raw keys mean the same combinations: go on counting in the same tables (a field list
                # written again after a restart is common, and folding the tables each time costs)
                self.hours, self.urls, self.clients = before.hours, before.urls, before.clients
                self.groups, self.floors, self.ids = before.groups, before.floors, before.ids
                self.lasts = before.lasts
            else:
                before.flush()

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
        gk = list(map(self.ids.__getitem__, map(layout.key_get, rows)))
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
        path = self.ft.report.path

        def sample(at: int) -> Sample:
            return Sample(path, nums[at], lines[at].decode("utf-8", "replace").rstrip("\r"))

        present = self._groups(gk, rows.__getitem__, sample)
        if self.taken_i is not None:
            self._slowest(gk, list(map(itemgetter(self.taken_i), rows)), rows.__getitem__, present)
        if len(self.urls) + len(self.clients) + len(self.hours) > FLUSH_KEYS:
            self.flush()

    def add_run(self, run: bytes, lines: int, hour: bytes, start: int) -> bool:
        """Count a run of whole lines that all start with `hour` as columns (see `columns`); False, and
        nothing counted, when the run is not clean and the caller must read it line by line."""
        width = self.layout.width
        parts = split_clean(run, lines, width)
        if parts is None:
            return False
        self.ft.report.requests += lines
        columns = [parts[i::width] for i in self.key_cols]
        gk = list(map(self.ids.__getitem__, zip(*columns)))
        per = Counter(gk)
        hours = self.hours
        if self.site_i is None:
            for raw, times in per.items():
                hours[raw, b"-", hour] += times
        else:
            for (raw, site), times in Counter(zip(gk, parts[self.site_i :: width])).items():
                hours[raw, site, hour] += times
        if self.url_i is not None:
            self.urls.update(zip(gk, parts[self.url_i :: width]))
        if self.client_i is not None:
            self.clients.update(zip(gk, parts[self.client_i :: width]))
        path = self.ft.report.path

        def row(at: int) -> list[bytes]:
            values = parts[at * width : at * width + width]
            values[0] = values[0].removeprefix(b"\x00")
            return values

        def sample(at: int) -> Sample:
            text = run.split(b"\n", at + 1)[at]
            return Sample(path, start + at, text.decode("utf-8", "replace").rstrip("\r"))

        present = self._groups(gk, row, sample, per.keys())
        if self.taken_i is not None:
            self._slowest(gk, parts[self.taken_i :: width], row, present)
        if len(self.urls) + len(self.clients) + len(self.hours) > FLUSH_KEYS:
            self.flush()
        return True

    def _groups(
        self,
        gk: list[Any],
        row: Callable[[int], list[bytes]],
        sample: Callable[[int], Sample],
        distinct: Iterable[Any] | None = None,
    ) -> Iterable[Any]:
        """Find or make the combination of each distinct key; note first and last seen and a sample line.

        With `distinct` (the keys, in order of first appearance) the last line of each is found by searching
        the reversed keys, a search in C; else one dict of the keys does."""
        if distinct is None:
            last = dict(zip(gk, count()))
        else:
            back, end = gk[::-1], len(gk) - 1
            last = {raw: end - back.index(raw) for raw in distinct}
        lasts = self.lasts
        for raw, at_last in last.items():
            group = self.groups.get(raw)
            if group is None:
                group = self.groups[raw] = self.ft.result.group(self.layout.typed(self.ids.raws[raw]))
                self.floors[raw] = group.slow_floor()
            first = None
            if group.key not in self.ft.seen:
                self.ft.seen.add(group.key)
                at = gk.index(raw)
                first = self._stamp(row(at))
                if group.sample is None:
                    group.sample = sample(at)
            group.seen(first, None)
            lasts[raw] = self._stamp(row(at_last))
        return last.keys()

    def _stamp(self, row: list[bytes]) -> str | None:
        date = row[self.date_i] if self.date_i is not None else self.layout.default_date
        return stamp(date, row[self.time_i] if self.time_i is not None else b"-")

    def _slowest(
        self, gk: list[Any], taken: list[bytes], row: Callable[[int], list[bytes]], present: Iterable[Any]
    ) -> None:
        """Offer the few slowest requests per combination; only rows that beat their combination's floor
        (the slowest list's last entry, -1 while it is not full) are visited, and those are found in C."""
        floors = self.floors
        bar = {raw: floors[raw] for raw in present}
        joined = b"".join(taken)
        ms = list(map(int, taken)) if joined.isdigit() else [int(v) if v.isdigit() else -1 for v in taken]
        if not ms or max(ms) <= min(bar.values()):
            return
        url_i, path = self.url_i, self.ft.report.path
        for i in compress(count(), map(gt, ms, map(bar.__getitem__, gk))):
            raw, value = gk[i], ms[i]
            if value <= floors[raw]:
                continue
            values = row(i)
            group = self.groups[raw]
            group.offer_slow(Slow(value, text(values[url_i]) if url_i is not None else None, self._stamp(values), path))
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
        for raw, when in self.lasts.items():
            groups[raw].seen(None, when)
        self.lasts = {}
        self.hours, self.urls, self.clients = Counter(), Counter(), Counter()


def tally(ft: FileTally, layout: Layout, rows: list[list[bytes]], lines: Sequence[bytes], nums: Sequence[int]) -> None:
    """Count one batch on its own (for readers that hand over everything at once)."""
    one = Tally(ft, layout)
    one.add(rows, lines, nums)
    one.flush()


__all__ = ["FileTally", "Tally", "number", "stamp", "tally"]
