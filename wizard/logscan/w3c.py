"""W3C extended logs (web, FTP and HTTPERR): `#Fields` decides every column, and it may change mid-file."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress

from wizard.language.messages import N_
from wizard.logscan.columns import hour_runs
from wizard.logscan.filters import Filters
from wizard.logscan.formats import IIS6_DEFAULT, IIS7_DEFAULT, iis_version, looks_like_default
from wizard.logscan.layout import Layout
from wizard.logscan.model import Said
from wizard.logscan.tally import FileTally, Tally

_QUOTED = re.compile(rb'"[^"]*"|[^\s"]+')


def _next_directive(data: bytes, pos: int) -> int:
    """Where the line break before the next directive line is (or the end): "#" is rare inside log lines, and
    looking for the single byte is much faster than for the two bytes "\\n#"."""
    while True:
        hit = data.find(b"#", pos)
        if hit < 0:
            return len(data)
        if data[hit - 1] == 10:  # a line break: hit > pos, since the caller's `pos` starts a line without "#"
            return hit - 1
        pos = hit + 1


class W3CReader:
    """Feeds blocks of whole lines through the directives into the tally."""

    def __init__(self, ft: FileTally, filters: Filters | None = None) -> None:
        self.ft = ft
        self.filters = filters if filters is not None and filters.per_line else None
        self.layout: Layout | None = None
        self.tally: Tally | None = None
        self.date = b"-"
        self.line = 1
        self.headerless = 0
        self.headerless_line = 0
        self.tested = False
        self._test: Callable[[list[bytes]], bool] | None = None
        self._ftp_checked = False

    def read(self, blocks: Iterable[bytes]) -> None:
        for block in blocks:
            self.feed(block)
        self.finish()

    def feed(self, data: bytes) -> None:
        """One block of whole lines; directive lines split it into runs that share a field list."""
        line, pos, size = self.line, 0, len(data)
        while pos <= size:
            if data.startswith(b"#", pos):
                end = data.find(b"\n", pos)
                end = size if end < 0 else end
                self._directive(data[pos:end])
                line += 1
            else:
                end = _next_directive(data, pos)
                line = self._run(data if pos == 0 and end == size else data[pos:end], line)
            pos = end + 1
        self.line = line

    def pass_over(self, data: bytes) -> None:
        """A block of whole lines that another process counts: only its directives matter here, since they
        decide what the following blocks mean; its lines are numbered but not read."""
        if b"#" in data:
            text = b"\n" + data  # so that every directive line follows a line break
            at = text.find(b"\n#")
            while at >= 0:
                end = text.find(b"\n", at + 1)
                self._directive(text[at + 1 : end if end >= 0 else len(text)])
                at = text.find(b"\n#", at + 1)
        self.line += data.count(b"\n") + 1

    def _run(self, data: bytes, start: int) -> int:
        """Lines under one field list: by columns where they are clean, else line by line. Returns the
        number of the line after them."""
        layout = self.layout
        if layout is None or self.filters is not None or not self._columnar(data):
            every = data.split(b"\n")
            self._rows(every, start)
            return start + len(every)
        tally = self.tally
        assert tally is not None
        for run, lines, hour in hour_runs(data):
            if hour is None or not tally.add_run(run, lines, hour, start):
                self._rows(run.split(b"\n"), start)
            start += lines
        return start

    def _columnar(self, data: bytes) -> bool:
        """Whether the current field list can be read by columns (and the tally for it is ready)."""
        layout = self.layout
        assert layout is not None
        if not self._ftp_checked:
            rows = [values for values in map(bytes.split, data.split(b"\n", 50)[:50]) if len(values) == layout.width]
            if not rows:
                return False  # let the line reader look at it (and report what it finds)
            self._ftp_checked = True
            layout.notice_ftp(rows)
            if layout.protocol == "ftp" and self.ft.report.format == "w3c":
                self.ft.report.format = "ftp"
        if not layout.usable:
            return False
        if self.tally is None or self.tally.layout is not layout:
            self.tally = Tally(self.ft, layout, self.tally)
        return self.tally.columnar

    def _directive(self, line: bytes) -> None:
        name, _, value = line.rstrip(b"\r").partition(b":")
        name, value = name.lower(), value.strip()
        report = self.ft.report
        if name == b"#fields":
            self.layout = Layout(value.decode("utf-8", "replace").split(), default_date=self.date)
            self._test = None
            self._ftp_checked = False
            if report.format in ("w3c", "ftp", "httperr") and self.layout.protocol != "http":
                report.format = self.layout.protocol
        elif name == b"#date":
            self.date = value.split()[0] if value else b"-"
            if self.layout is not None:
                self.layout.default_date = self.date
        elif name == b"#software":
            version = iis_version(value)
            if b"HTTP API" in value:
                report.format = "httperr"
            if version is not None:
                if report.iis is not None and report.iis != version:
                    report.note(
                        Said(N_("the log names IIS {first} and IIS {second}"), first=report.iis, second=version)
                    )
                report.iis = report.iis or version

    def _rows(self, lines: list[bytes], start: int) -> None:
        layout = self.layout
        if layout is None:
            layout = self._guess(lines)
            if layout is None:
                blank = sum(1 for line in lines if not line.strip())
                if len(lines) > blank and not self.headerless:
                    self.headerless_line = start + next(i for i, line in enumerate(lines) if line.strip())
                self.headerless += len(lines) - blank
                return
        rows = list(map(bytes.split, lines))
        width = layout.width
        nums: Iterable[int] = range(start, start + len(rows))
        if set(map(len, rows)) != {width}:
            keep = list(map(width.__eq__, map(len, rows)))
            for i in compress(range(len(rows)), [not k for k in keep]):
                self._mismatch(rows, lines, keep, i, start, width)
            rows = list(compress(rows, keep))
            lines = list(compress(lines, keep))
            nums = list(compress(nums, keep))
        if not self._ftp_checked:
            self._ftp_checked = True
            layout.notice_ftp(rows)
            if layout.protocol == "ftp" and self.ft.report.format == "w3c":
                self.ft.report.format = "ftp"
        if not layout.usable:
            if rows:
                self.ft.report.skip(next(iter(nums)), Said(N_("the #Fields line has no sc-status field")), len(rows))
            return
        if self.filters is not None:
            if self._test is None:
                self._test = self.filters.row_test(layout, self.ft.site_hint)
            keep = list(map(self._test, rows))
            rows = list(compress(rows, keep))
            lines = list(compress(lines, keep))
            nums = list(compress(nums, keep))
        if self.tally is None or self.tally.layout is not layout:
            self.tally = Tally(self.ft, layout, self.tally)
        self.tally.add(rows, lines, nums if isinstance(nums, (list, range)) else list(nums))

    def _close(self) -> None:
        if self.tally is not None:
            self.tally.flush()
            self.tally = None

    def _mismatch(
        self, rows: list[list[bytes]], lines: list[bytes], keep: list[bool], i: int, start: int, width: int
    ) -> None:
        row = rows[i]
        if not row:
            return  # blank line
        if row[0].startswith(b"#"):
            return  # a directive glued to NUL padding; nothing to count
        if b'"' in lines[i]:
            quoted = _QUOTED.findall(lines[i])
            if len(quoted) == width:
                rows[i], keep[i] = quoted, True
                return
        self.ft.report.skip(
            start + i, Said(N_("{count} values where #Fields names {width}"), count=len(row), width=width)
        )

    def _guess(self, lines: list[bytes]) -> Layout | None:
        """A file without a header: take the IIS default field set, but only if the lines fit it."""
        if self.tested:
            return None
        sample = [line.split() for line in lines[:20] if line.strip()]
        if not sample:
            return None
        self.tested = True
        for fields, name in ((IIS7_DEFAULT, "IIS 7+"), (IIS6_DEFAULT, "IIS 6")):
            if all(looks_like_default(values, fields) for values in sample):
                self.layout = Layout(list(fields))
                self.ft.report.note(
                    Said(
                        N_("no #Fields header: read with the {name} default field set, which the lines fit"), name=name
                    )
                )
                return self.layout
        return None

    def finish(self) -> None:
        self._close()
        if self.headerless:
            report = self.ft.report
            report.skip(self.headerless_line, Said(N_("no #Fields header before this line")), self.headerless)
            report.note(Said(N_("no #Fields header, {lines} lines not read"), lines=self.headerless))
