"""Export a case for a ticket: write Markdown and JSON files, copy the Markdown, say where."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wizard.cases.report import build, to_json, to_markdown
from wizard.cases.store import Case
from wizard.language.messages import N_, _
from wizard.platform.folders import atomic_write
from wizard.ui.host import host
from wizard.ui.screens.dialog import Dialog


def export_case(app: App, case: Case) -> None:
    """Write `<data dir>/exports/<id>.md` and `.json`, copy the Markdown, show the result."""
    record = build(case, host(app).library)
    markdown = to_markdown(record)
    folder = host(app).store.folder.parent / "exports"
    target = folder / f"{case.id}.md"
    try:
        atomic_write(target, markdown.encode("utf-8"))
        atomic_write(target.with_suffix(".json"), to_json(record).encode("utf-8"))
    except OSError as exc:
        app.notify(
            _("Could not write {path}: {error}").format(path=target, error=exc.strerror or exc),
            title=_("Export failed"),
            severity="error",
            markup=False,
        )
        return
    from wizard.ui.clipboard import copy_text

    copied = copy_text(app, markdown, what="markdown", saved=target)
    app.push_screen(ExportScreen(target, markdown, copied))


class ExportScreen(Dialog):
    """Where the export went, and the Markdown itself to read before pasting it."""

    BINDINGS = [Binding("escape,enter,q", "cancel", N_("Close"), key_display="Esc")]
    BOX_ID = "export-box"
    TITLE_TEXT = N_("Case exported")
    HINT = N_("Esc or Enter closes")

    def __init__(self, path: Path, markdown: str, copied: bool = False):
        super().__init__()
        self.path = path
        self.markdown = markdown
        self.copied = copied

    def body(self) -> ComposeResult:
        yield Static(
            Content(
                f"Markdown: {self.path}\nJSON:     {self.path.with_suffix('.json')}\n"
                + (
                    _("The Markdown is on the clipboard, ready to paste into the ticket.")
                    if self.copied
                    else _(
                        "The Markdown was offered to the terminal's clipboard (OSC 52), which may ignore it: "
                        "if pasting gives nothing, open the Markdown file above."
                    )
                )
            ),
            id="export-paths",
            markup=False,
        )
        with VerticalScroll(id="export-preview"):
            yield Static(Content(self.markdown), markup=False)
