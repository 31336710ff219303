"""Scan screen: read IIS logs in a worker thread, list the failing combinations, open the walk for one.

The app decides what opening a walk means; this screen only posts `ScanScreen.OpenWalk` with the walk's
arguments and the evidence gathered from the logs.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Sparkline, Static

from wizard.language.messages import N_, _, current, ngettext
from wizard.logscan import FilterError, Filters, ScanResult, UsageError, scan, total_size, walk_args
from wizard.logscan.model import Group
from wizard.logscan.textout import clean
from wizard.logscan.walk import code_label, command
from wizard.ui.speech import Speaks
from wizard.ui.styles import beside


def _when(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:16] if stamp else "-"


def _number(n: int) -> str:
    """1,234 in English; 1 234 in Norwegian, where a comma is the decimal sign."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if current() == "nb" else text


def _share(part: int, whole: int) -> str:
    """12.5% in English; 12,5 % in Norwegian."""
    if not whole:
        return "-"
    text = f"{part / whole:.1%}"
    return text.replace(".", ",").replace("%", "\u00a0%") if current() == "nb" else text


#: The table's columns, marked here and translated when the table is made.
COLUMNS = (N_("Code"), N_("Count"), N_("Share"), N_("First"), N_("Last"), N_("Walk"))


def facts(group: Group, requests: int) -> dict[str, Any]:
    """What the logs say about one combination, for the walk the app opens next."""
    sample = group.sample
    return {
        "count": group.count,
        "share": group.count / requests if requests else None,
        "period": [group.first, group.last],
        "urls": group.urls.top(5),
        "clients": group.clients.top(5),
        "sample": sample.text if sample else None,
        "file": sample.file if sample else None,
        "line": sample.line if sample else None,
    }


class ScanScreen(Speaks, Screen):
    """Failing combinations found in IIS logs, worst first; Enter opens the walk for the highlighted one."""

    DEFAULT_CSS = beside(__file__, "scan.tcss")
    HELP = N_("Up/Down to pick a failing combination; Enter opens its walk with the log evidence filled in.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", N_("Open walk"), id="scan-open", priority=True),  # shown, though the table has focus
        Binding("escape", "back", N_("Back"), id="scan-back"),
        Binding("q", "quit", N_("Quit"), id="scan-quit"),
    ]

    class OpenWalk(Message):
        """The user chose a combination: open the walk `args` (iisdoctor argv) with these `facts`."""

        def __init__(self, args: list[str], facts: dict[str, Any]) -> None:
            super().__init__()
            self.args = args
            self.facts = facts

    def __init__(self, paths: list[str], filters: Filters | None = None) -> None:
        super().__init__()
        self.paths = list(paths)
        self.filters = filters
        self.result: ScanResult | None = None
        self.failing: list[Group] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Reading logs ..."), id="scan-summary", markup=False)
        yield ProgressBar(id="scan-progress", show_eta=False)
        yield DataTable(id="scan-groups", cursor_type="row", zebra_stripes=True)
        yield Sparkline([], id="scan-trend")
        yield Static("", id="scan-details", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#scan-groups", DataTable)
        table.add_columns(*[_(name) for name in COLUMNS])
        self.read_logs()

    @work(thread=True, exclusive=True)
    def read_logs(self) -> None:
        """Runs off the UI thread: the scan is pure Python and can take seconds on big logs."""
        try:
            total = total_size(self.paths)
            self.app.call_from_thread(self._start, total)
            result = scan(self.paths, self.filters, progress=lambda n: self.app.call_from_thread(self._advance, n))
        except (UsageError, FilterError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self.show, result)

    def _start(self, total: int) -> None:
        self.query_one("#scan-progress", ProgressBar).update(total=total or None, progress=0)

    def _advance(self, n: int) -> None:
        self.query_one("#scan-progress", ProgressBar).advance(n)

    def _failed(self, message: str) -> None:
        self.query_one("#scan-progress", ProgressBar).display = False
        self.query_one("#scan-summary", Static).update(_("Cannot scan: {error}").format(error=message))

    def show(self, result: ScanResult) -> None:
        """Fill the table (also usable directly with a result scanned elsewhere)."""
        self.result = result
        self.query_one("#scan-progress", ProgressBar).display = False
        requests = result.requests
        self.failing = [g for g in result.ranked() if g.failure]
        failures = sum(g.count for g in self.failing)
        files = len(result.files)
        summary = ngettext(
            "{requests} requests in {files} file(s), {failures} failing, {skipped} lines skipped",
            "{requests} requests in {files} file(s), {failures} failing, {skipped} lines skipped",
            files,
        )
        self.query_one("#scan-summary", Static).update(
            summary.format(
                requests=_number(requests), files=files, failures=_number(failures), skipped=_number(result.skipped)
            )
        )
        table = self.query_one("#scan-groups", DataTable)
        table.clear()
        for i, group in enumerate(self.failing):
            table.add_row(
                Text(clean(code_label(group))),
                _number(group.count),
                _share(group.count, requests),
                _when(group.first),
                _when(group.last),
                Text(command(walk_args(group))),
                key=str(i),
            )
        hours: Counter[str] = Counter()
        for group in self.failing:
            hours.update(dict(group.hours.counts))
        self.query_one("#scan-trend", Sparkline).data = [hours[h] for h in sorted(hours)] or [0]
        if self.failing:
            table.focus()
            self._details(0)
        else:
            self.query_one("#scan-details", Static).update(_("No failing requests in these logs."))

    @on(DataTable.RowHighlighted, "#scan-groups")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._details(event.cursor_row)

    def _details(self, row: int) -> None:
        if not 0 <= row < len(self.failing):
            return
        group = self.failing[row]
        lines = [
            _("{code}: {count} between {first} and {last}").format(
                code=clean(code_label(group)),
                count=_number(group.count),
                first=_when(group.first),
                last=_when(group.last),
            )
        ]
        busiest = group.hours.top(1)
        if busiest:
            hour, count = busiest[0][0].replace("T", " "), _number(busiest[0][1])
            lines.append(_("Busiest hour: {hour}:00 ({count})").format(hour=hour, count=count))
        lines += [f"  {_number(count):>7}  {clean(url)}" for url, count in group.urls.top(5)]
        clients = ", ".join(f"{clean(c)} ({_number(n)})" for c, n in group.clients.top(3))
        if clients:
            lines.append(_("Clients: {clients}").format(clients=clients))
        if group.slowest:
            slowest = ", ".join(f"{_number(s.ms)} ms {clean(s.url or '-')}" for s in group.slowest[:3])
            lines.append(_("Slowest: {requests}").format(requests=slowest))
        if group.sample:
            where = f"{group.sample.file}:{group.sample.line}" if group.sample.line else group.sample.file
            lines.append(_("Sample ({where}):").format(where=clean(where)))
            lines.append(clean(group.sample.text))
        self.query_one("#scan-details", Static).update("\n".join(lines))

    @on(DataTable.RowSelected, "#scan-groups")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one("#scan-groups", DataTable)
        row = table.cursor_row
        if self.result is None or not 0 <= row < len(self.failing):
            return
        group = self.failing[row]
        self.post_message(self.OpenWalk(walk_args(group), facts(group, self.result.requests)))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    async def action_quit(self) -> None:
        self.app.exit()
