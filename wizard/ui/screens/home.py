"""Home: find the code by typing it or a few words, pick the IIS version, start the walk."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from wizard.find.code_index import CodeIndex
from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.model import tr
from wizard.language.messages import N_, _, ngettext
from wizard.ui.host import host
from wizard.ui.speech import Speaks
from wizard.ui.styles import beside
from wizard.ui.widgets.search_box import SearchBox


class HomeScreen(Speaks, Screen):
    """Search box over every known code, grouped by protocol and class."""

    DEFAULT_CSS = beside(__file__, "home.tcss")

    HELP = N_(
        "Type a code (403.1, 404-3, ftp 550) or words (UrlScan, SSL, too many users), or paste an error "
        "page or log line (every line of it) to rank the codes it matches; Enter starts the walk. "
        "Esc clears the search box, and when it is empty moves to the list; q and ? work whenever the "
        "box is empty; Ctrl+C or Ctrl+Q always quit. Ctrl+R continues a saved case; "
        "Ctrl+L scans the server's logs for what fails."
    )
    BINDINGS = [
        Binding("slash", "focus_search", N_("Search"), key_display="/", id="search"),
        Binding("down", "focus_list", N_("Codes"), show=False),
        Binding("v", "focus_version", N_("IIS version"), id="version"),
        Binding("ctrl+r", "resume", N_("Saved cases"), id="resume"),
        Binding("ctrl+l", "scan", N_("Scan logs"), id="scan"),
        Binding("f2", "switch_language", N_("Language"), key_display="F2", id="language"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="search-row"):
            yield SearchBox(placeholder=_("403.1, ftp 530, UrlScan ... or paste an error page"), id="search")
            yield Select(
                [(V.label(v), v) for v in V.KNOWN],
                value=host(self).version,
                allow_blank=False,
                id="version",
                compact=True,
            )
        yield Static("", id="summary", markup=False)
        yield OptionList(id="codes", markup=False)
        yield Footer()

    def __init__(self) -> None:
        super().__init__()
        self.initial_query = ""

    def on_mount(self) -> None:
        self.index = CodeIndex(host(self).library)
        search = self.query_one("#search", Input)
        search.value = self.initial_query
        self.refresh_list(self.initial_query)
        search.focus()

    def show_query(self, text: str) -> None:
        """Fill the search box (used when a --code was not found or is ambiguous); "" empties it."""
        self.initial_query = text
        for search in self.query("#search").results(SearchBox):
            search.pasted = ""
            search.value = text
            search.cursor_position = len(text)
            self.refresh_list(text)
            search.focus()

    def refresh_list(self, text: str) -> None:
        hits = host(self).library.prefer_version(self._hits(text), host(self).version, lambda hit: hit.entry)
        groups: dict[tuple[str, str], list] = {}
        for hit in hits:  # best group first, each group once
            groups.setdefault((hit.entry.protocol, hit.entry.klass), []).append(hit)
        options: list[Option] = []
        library = host(self).library
        for (protocol, klass_name), members in groups.items():
            klass = library.class_entry(protocol, klass_name)
            name = f"{protocol.upper()} {klass_name}" + (f" · {tr(klass.title)}" if klass else "")
            options.append(Option(Content.styled(name, "bold $accent"), disabled=True))
            options.extend(self._option(hit.entry) for hit in members)
        codes = self.query_one("#codes", OptionList)
        codes.clear_options()
        codes.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        codes.highlighted = first
        self.query_one("#summary", Static).update(self._summary(text, len(hits)))

    @staticmethod
    def _summary(text: str, count: int) -> str:
        """The line under the search box: how many codes match what was typed or pasted."""
        flat = " ".join(text.split())
        query = repr(flat if len(flat) <= 40 else flat[:39] + "…")
        lines = len(text.strip().splitlines())
        if not count:
            if lines > 1:
                return _("Nothing matches the pasted text ({lines} lines)").format(lines=lines)
            return _("Nothing matches {query}").format(query=query)
        # English keeps its "code(s)" wording; the catalog still gets both plural forms.
        if lines > 1:
            found = ngettext(
                "{count} code(s) match the pasted text ({lines} lines)",
                "{count} code(s) match the pasted text ({lines} lines)",
                count,
            ).format(count=count, lines=lines)
        elif flat:
            found = ngettext("{count} code(s) match {query}", "{count} code(s) match {query}", count).format(
                count=count, query=query
            )
        else:
            found = ngettext("{count} code(s)", "{count} code(s)", count).format(count=count)
        return found + " · " + _("Enter starts the walk · Ctrl+P jumps to any code")

    def _hits(self, text: str) -> list:
        """Codes and short word queries filter; longer pasted text is ranked like `iisdoctor find`."""
        from wizard.find.code_index import Hit

        self.found_evidence = Evidence()
        hits = self.index.search(text)
        if len(text.split()) <= 3 and (hits or not text.strip()):
            return hits
        from wizard.find.text_match import TextIndex, find

        self.text_index = getattr(self, "text_index", None) or TextIndex(host(self).library)
        found = find(host(self).library, text, version=host(self).version, index=self.text_index, limit=15)
        self.found_evidence = found.evidence
        return [Hit(c.entry, c.score) for c in found.candidates]

    def _option(self, entry) -> Option:
        library = host(self).library
        walks = library.walk_versions(entry.protocol, entry.code)
        if host(self).version in walks:
            walk = ""
        elif walks:
            walk = "  " + _("(walk for IIS {versions})").format(versions=V.describe(walks))
        else:
            walk = "  " + _("(no walk yet)")
        versions = "" if host(self).version in entry.versions else f"  [IIS {V.describe(entry.versions)}]"
        return Option(
            Content(f"  {entry.code:<8}{tr(entry.title)}{versions}{walk}"), id=f"{entry.protocol}:{entry.code}"
        )

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.refresh_list(self.query_one("#search", SearchBox).query_text)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return  # nothing typed: nothing to start (the first code in the list is not a guess)
        codes = self.query_one("#codes", OptionList)
        if codes.highlighted is not None:
            self._start(codes.get_option_at_index(codes.highlighted).id)

    @on(OptionList.OptionSelected, "#codes")
    def _code_selected(self, event: OptionList.OptionSelected) -> None:
        self._start(event.option.id)

    @on(Select.Changed, "#version")
    def _version_changed(self, event: Select.Changed) -> None:
        if event.value != host(self).version:
            host(self).choose_version(str(event.value))
        self.refresh_list(self.query_one("#search", SearchBox).query_text)

    def _start(self, option_id: str | None) -> None:
        if option_id:
            protocol, code = option_id.split(":", 1)
            host(self).open_code(protocol, code, getattr(self, "found_evidence", Evidence()))

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#codes", OptionList).focus()

    def on_resize(self, event) -> None:
        """A narrow terminal keeps the search box usable by shortening the version selector."""
        self.query_one("#version", Select).styles.width = 14 if event.size.width < 70 else 30

    def action_resume(self) -> None:
        from wizard.ui.screens.resume import ResumeScreen

        self.app.push_screen(ResumeScreen())

    def action_scan(self) -> None:
        from wizard.ui.screens.scan_path import ScanPathScreen

        def scan(paths: list[str] | None) -> None:
            if paths:
                host(self).scan_logs(paths)

        self.app.push_screen(ScanPathScreen(), scan)

    def action_switch_language(self) -> None:
        host(self).switch_language()

    def action_focus_version(self) -> None:
        self.query_one("#version", Select).focus()
