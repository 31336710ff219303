"""The IIS native log format: comma-separated, fixed positions, local time, no substatus."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.language.messages import N_
from wizard.logscan.filters import Filters
from wizard.logscan.layout import Layout
from wizard.logscan.model import Said
from wizard.logscan.tally import FileTally, tally

#: Positions in a native line: client-ip, user, date, time, service, server, server-ip, time-taken,
#: bytes-recv, bytes-sent, status, win32, method, uri, params.
_WIDTH = 14
_FIELDS = [
    "date",
    "time",
    "s-sitename",
    "c-ip",
    "cs-uri-stem",
    "sc-status",
    "sc-win32-status",
    "time-taken",
    "cs-method",
]


def _iso_date(value: bytes) -> bytes | None:
    parts = value.split(b"/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    month, day, year = (int(p) for p in parts)
    if year < 100:
        year += 2000 if year < 70 else 1900
    return b"%04d-%02d-%02d" % (year, month, day)


def _iso_time(value: bytes) -> bytes:
    return value.zfill(8) if len(value) == 7 else value


def read_native(ft: FileTally, blocks: Iterable[bytes], filters: Filters | None = None) -> None:
    """Convert each line to the columns the tally knows and count it; this format is rare, so plain loops."""
    http, ftp = Layout(list(_FIELDS)), Layout(list(_FIELDS))
    ftp.protocol = "ftp"
    ft.report.format = "iis-native"
    ft.report.note(Said(N_("IIS native format: times are the server's local time, and there is no substatus")))
    number = 1
    for block in blocks:
        lines = block.split(b"\n")
        batch: dict[int, tuple[list[list[bytes]], list[bytes], list[int]]] = {0: ([], [], []), 1: ([], [], [])}
        for line in lines:
            here = number
            number += 1
            if not line.strip():
                continue
            parts = [p.strip() for p in line.rstrip(b"\r").split(b",")]
            date = _iso_date(parts[2]) if len(parts) > _WIDTH else None
            if date is None:
                ft.report.skip(
                    here, Said(N_("not a native IIS log line ({count} comma-separated values)"), count=len(parts))
                )
                continue
            service = parts[4]
            row = [
                date,
                _iso_time(parts[3]),
                service or b"-",
                parts[0],
                parts[13],
                parts[10],
                parts[11],
                parts[7],
                parts[12],
            ]
            rows, raw, nums = batch[1 if service.upper().startswith(b"MSFTPSVC") else 0]
            rows.append(row)
            raw.append(line)
            nums.append(here)
        for which, layout in ((0, http), (1, ftp)):
            rows, raw, nums = batch[which]
            if filters is not None and filters.per_line:
                test = filters.row_test(layout, ft.site_hint)
                picked = [i for i, row in enumerate(rows) if test(row)]
                rows, raw, nums = [rows[i] for i in picked], [raw[i] for i in picked], [nums[i] for i in picked]
            tally(ft, layout, rows, raw, nums)
