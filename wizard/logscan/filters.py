"""The user's narrowing options: which lines count (time, site, URL) and which combinations are shown."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from wizard.language.messages import _
from wizard.logscan.layout import Layout, text
from wizard.logscan.model import Group

_STATUS = re.compile(r"^(\d)xx$|^(\d{3})(?:\.(\d+))?$", re.IGNORECASE)
_WHEN = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d\d(?::\d\d(?::\d\d)?)?)?$")


class FilterError(ValueError):
    """A filter value that cannot be understood; the CLI reports it as a usage error."""


@dataclass(frozen=True)
class Filters:
    """All optional; an empty Filters keeps everything (and keeps the fast path)."""

    since: str | None = None
    until: str | None = None
    site: str | None = None
    status: tuple[str, ...] = ()
    url: str | None = None
    min_count: int = 1

    def __post_init__(self) -> None:
        for when in (self.since, self.until):
            if when is not None and not _WHEN.match(when):
                raise FilterError(
                    _("not an ISO date or date-time: {value} (use 2024-05-01 or 2024-05-01T13:00)").format(
                        value=repr(when)
                    )
                )
        for spec in self.status:
            if not _STATUS.match(spec):
                raise FilterError(_("not a status filter: {value} (use 5xx, 403 or 500.19)").format(value=repr(spec)))

    @property
    def per_line(self) -> bool:
        return any(v is not None for v in (self.since, self.until, self.site, self.url))

    def keeps(self, group: Group) -> bool:
        """Group-level filters: status and minimum count."""
        if group.count < self.min_count:
            return False
        return not self.status or any(_status_matches(spec, group) for spec in self.status)

    def row_test(self, layout: Layout, site_hint: str | None) -> Callable[[list[bytes]], bool]:
        """A predicate over raw rows of `layout` for the line-level filters."""
        date_i, time_i = layout.col("date"), layout.col("time")
        site_i = layout.col("s-sitename", "s-siteid")
        url_i = layout.col("cs-uri-stem", "cs-uri", "x-fullpath")
        since = self.since.replace("T", " ") if self.since else None
        until = self.until.replace("T", " ") if self.until else None
        site = self.site.lower() if self.site else None
        pattern = self.url
        glob = pattern is not None and any(c in pattern for c in "*?[")

        def test(row: list[bytes]) -> bool:
            if since or until:
                date = row[date_i] if date_i is not None else layout.default_date
                time = row[time_i] if time_i is not None else b"00:00:00"
                when = f"{date.decode('ascii', 'replace')} {time[:8].decode('ascii', 'replace')}"
                if since and when < since:
                    return False
                if until and when[: len(until)] > until:
                    return False
            if site is not None:
                value = text(row[site_i]) if site_i is not None else site_hint
                if value is None or value.lower() not in (site, f"w3svc{site}"):
                    return False
            if pattern is not None:
                url = (text(row[url_i]) if url_i is not None else None) or ""
                if not (fnmatchcase(url.lower(), pattern.lower()) if glob else pattern.lower() in url.lower()):
                    return False
            return True

        return test


def _status_matches(spec: str, group: Group) -> bool:
    found = _STATUS.match(spec)
    if found is None or group.status is None:
        return False
    klass, status, sub = found.groups()
    if klass is not None:
        return group.status // 100 == int(klass)
    if int(status) != group.status:
        return False
    return sub is None or group.substatus == int(sub)
