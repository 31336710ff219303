"""The hot loop: count a block of already-split log rows into the scan's combinations.

Python bytecode per log line is what makes log scanners slow, so nothing here loops over rows in
Python. Each table is one `Counter` fed by `map`/`zip` over the rows, which runs in C, and the Python
work is done once per *distinct* key (a few hundred per block) rather than once per line. First and
last seen follow the order of the log, which IIS writes in time order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from wizard.logscan.layout import GroupKey, Layout, number, text
from wizard.logscan.model import FileReport, Group, Sample, ScanResult, Slow

_HOUR = itemgetter(slice(0, 2))


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


def tally(ft: FileTally, layout: Layout, rows: list[list[bytes]], lines: Sequence[bytes],
          nums: Sequence[int]) -> None:
    """Add `rows` (each exactly `layout.width` values) to the result; `lines`/`nums` are their raw lines."""
    n = len(rows)
    if not n or layout.key_get is None:
        return
    ft.report.requests += n
    gk = list(map(layout.key_get, rows))
    date_i, time_i = layout.col("date"), layout.col("time")
    site_i = layout.col("s-sitename", "s-siteid")
    url_i = layout.col("cs-uri-stem", "cs-uri", "x-fullpath")
    client_i = layout.col("c-ip", "x-forwarded-for")
    taken_i = layout.col("time-taken")

    def column(i: int | None, fill: bytes = b"-") -> Iterator[Any]:
        return map(itemgetter(i), rows) if i is not None else repeat(fill, n)

    hours = Counter(zip(gk, column(site_i), column(date_i, layout.default_date), map(_HOUR, column(time_i))))
    last = dict(zip(gk, zip(column(date_i, layout.default_date), column(time_i))))
    urls = Counter(zip(gk, column(url_i)))
    clients = Counter(zip(gk, column(client_i)))

    path = ft.report.path
    groups: dict[Any, Group] = {}
    for raw, (date, time) in last.items():
        key = layout.typed(raw)
        group = groups[raw] = ft.result.group(key)
        first = None
        if key not in ft.seen:
            ft.seen.add(key)
            at = gk.index(raw)
            row = rows[at]
            first = stamp(row[date_i] if date_i is not None else layout.default_date,
                          row[time_i] if time_i is not None else b"-")
            if group.sample is None:
                group.sample = Sample(path, nums[at], lines[at].decode("utf-8", "replace").rstrip("\r"))
        group.seen(first, stamp(date, time))

    hint = ft.site_hint
    for (raw, site, date, hour), count in hours.items():
        group = groups[raw]
        group.count += count
        group.files.add(path, count)
        if len(date) == 10 and len(hour) == 2 and hour.isdigit():
            group.hours.add(f"{date.decode('ascii', 'replace')}T{hour.decode()}", count)
        name = text(site) or hint
        if name is not None:
            group.sites.add(name, count)
    for (raw, url), count in urls.items():
        value = text(url)
        if value is not None:
            groups[raw].urls.add(value, count)
    for (raw, client), count in clients.items():
        value = text(client)
        if value is not None:
            groups[raw].clients.add(value, count)
    if taken_i is not None:
        _slowest(ft, groups, rows, gk, taken_i, url_i, date_i, time_i, layout.default_date)


def _slowest(ft: FileTally, groups: dict[Any, Group], rows: list[list[bytes]], gk: list[Any], taken_i: int,
             url_i: int | None, date_i: int | None, time_i: int | None, default_date: bytes) -> None:
    """Offer the few slowest requests per combination; only rows that can enter a top list are visited."""
    taken = Counter(zip(gk, map(itemgetter(taken_i), rows)))
    best: dict[Any, list[tuple[int, bytes]]] = {}
    for raw, value in taken:
        ms = number(value)
        if ms is not None and ms > groups[raw].slow_floor():
            best.setdefault(raw, []).append((ms, value))
    if not best:
        return
    wanted = {(raw, value) for raw, found in best.items() for _, value in sorted(found, reverse=True)[:5]}
    hits = compress(range(len(rows)), map(wanted.__contains__, zip(gk, map(itemgetter(taken_i), rows))))
    taken_per: Counter[tuple[Any, bytes]] = Counter()
    for i in hits:
        row = rows[i]
        pair = (gk[i], row[taken_i])
        taken_per[pair] += 1
        if taken_per[pair] > 5:
            continue
        when = stamp(row[date_i] if date_i is not None else default_date, row[time_i] if time_i is not None else b"")
        groups[gk[i]].offer_slow(Slow(int(number(row[taken_i]) or 0), text(row[url_i]) if url_i is not None else None,
                                      when, ft.report.path))
