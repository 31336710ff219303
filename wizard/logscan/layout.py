"""Which column holds what, for one `#Fields` line: the reader picks values by position, never by guess."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from wizard.logscan.formats import FTP_VERBS

HTTP, FTP, HTTPERR = "http", "ftp", "httperr"

#: (protocol, status, substatus, win32, reason): one failing combination.
GroupKey = tuple[str, "int | None", "int | None", "int | None", "str | None"]

_FTP_ONLY = ("x-session", "x-fullpath")


def number(raw: bytes) -> int | None:
    """A logged number, or None for `-` or anything that is not a number (never 0 for "missing")."""
    raw = raw.strip(b'"')
    if raw.isdigit():
        return int(raw)
    try:
        return int(raw)
    except ValueError:
        return None


def text(raw: bytes) -> str | None:
    """A logged value as text: quotes dropped, `-` is None, bad UTF-8 replaced rather than fatal."""
    raw = raw.strip(b'"')
    if raw in (b"-", b""):
        return None
    return raw.decode("utf-8", "replace")


@dataclass
class Layout:
    """Positions of the columns the scan needs, for one field list."""

    fields: list[str]
    default_date: bytes = b"-"
    protocol: str = HTTP
    index: dict[str, int] = field(init=False)
    key_names: tuple[str, ...] = field(init=False)
    key_get: Callable[[Any], Any] | None = field(init=False)

    def __post_init__(self) -> None:
        self.index = {}
        for i, name in enumerate(self.fields):
            self.index.setdefault(name.lower(), i)
        if "s-reason" in self.index:
            self.protocol = HTTPERR
            names: tuple[str, ...] = ("sc-status", "s-reason")
        else:
            if any(name in self.index for name in _FTP_ONLY):
                self.protocol = FTP
            names = ("sc-status", "sc-substatus", "sc-win32-status")
        self.key_names = tuple(n for n in names if n in self.index)
        # one name still makes a tuple, because the key getter always picks the status or reason first
        picks = [self.index[n] for n in self.key_names]
        self.key_get = itemgetter(*picks, picks[0]) if len(picks) == 1 else itemgetter(*picks) if picks else None
        self._cache: dict[Any, GroupKey] = {}

    @property
    def width(self) -> int:
        return len(self.fields)

    def col(self, *names: str) -> int | None:
        """Index of the first of `names` present, else None."""
        for name in names:
            if name in self.index:
                return self.index[name]
        return None

    @property
    def usable(self) -> bool:
        return self.key_get is not None and ("sc-status" in self.index or self.protocol == HTTPERR)

    def notice_ftp(self, rows: list[list[bytes]]) -> None:
        """A web-style field list whose methods are FTP commands is an FTP log (IIS 6 FTP has no x-session)."""
        method = self.col("cs-method")
        if self.protocol != HTTP or method is None:
            return
        if any(len(r) > method and r[method].rpartition(b"]")[2] in FTP_VERBS for r in rows[:50]):
            self.protocol = FTP
            self._cache.clear()

    def typed(self, raw: Any) -> GroupKey:
        """Turn the picked raw key values into a typed group key (memoised: there are few)."""
        found = self._cache.get(raw)
        if found is not None:
            return found
        values = dict(zip(self.key_names, raw))
        status = number(values.get("sc-status", b"-"))
        if self.protocol == HTTPERR:
            key: GroupKey = (HTTPERR, status, None, None, text(values.get("s-reason", b"-")))
        else:
            sub = values.get("sc-substatus")
            win = values.get("sc-win32-status")
            key = (
                self.protocol,
                status,
                None if sub is None else number(sub),
                None if win is None else number(win),
                None,
            )
        self._cache[raw] = key
        return key
