"""The note field: free text, several lines, that stays with the step the person is on.

A step can hold any number of notes, each with its time. `e` writes a new one; `E` first lists the
step's notes to choose the one to change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from wizard.language.messages import N_, _
from wizard.ui.screens.dialog import Dialog

if TYPE_CHECKING:
    from wizard.cases.store import Note


def when(note: Note) -> str:
    """The note's time as the person reads it: local, to the minute."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(note.time).astimezone().strftime("%H:%M")
    except ValueError:
        return "?"


class NoteScreen(Dialog):
    """Dismisses with (None, text) for a new note, (index, text) for a changed one, None on Esc."""

    BINDINGS = [
        Binding("ctrl+s,f2", "save", N_("Save"), key_display="Ctrl+S"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
    ]
    BOX_ID = "note-box"
    TITLE_TEXT = N_("Note for this step")
    HINT = N_("Ctrl+S (or F2, or Tab then Enter) saves · Enter starts a new line · Esc cancels")

    def __init__(self, step: str, notes: list[Note] | None = None, *, edit: bool = False):
        super().__init__()
        self.step = step
        self.notes = list(notes or [])
        self.editing: int | None = None  # which of `notes` is being changed; None: a new note
        self.choose_first = edit and bool(self.notes)

    def body(self) -> ComposeResult:
        yield Static(Content(self.step), id="note-step", markup=False)
        if self.notes:
            yield OptionList(
                Option(Content(_("+ New note")), id="new"),
                *[
                    Option(Content(f"{when(n)}  {n.text.splitlines()[0][:60]}"), id=str(i))
                    for i, n in enumerate(self.notes)
                ],
                id="note-list",
                markup=False,
            )
        yield TextArea(id="note-input", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Button(_("Save"), id="note-save", compact=True)

    def on_mount(self) -> None:
        if self.choose_first:
            options = self.query_one("#note-list", OptionList)
            options.highlighted = len(self.notes)  # the newest note
            options.focus()
        else:
            self.query_one("#note-input", TextArea).focus()

    @on(OptionList.OptionSelected, "#note-list")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        area = self.query_one("#note-input", TextArea)
        if event.option.id == "new":
            self.editing = None
            area.text = ""
            self.query_one("#note-step", Static).update(Content(self.step))
        else:
            self.editing = int(event.option.id or 0)
            area.text = self.notes[self.editing].text
            self.query_one("#note-step", Static).update(
                Content(
                    self.step
                    + "\n"
                    + _("Changing the note of {time} (empty removes it)").format(time=when(self.notes[self.editing]))
                )
            )
        area.focus()

    @on(Button.Pressed, "#note-save")
    def action_save(self) -> None:
        self.dismiss((self.editing, self.query_one("#note-input", TextArea).text))
