"""What the person asked for, parsed once from the command line into plain typed values.

The commands and everything below them take a Request (or the values in it), never
argparse's Namespace.
"""

from __future__ import annotations

from wizard.knowledge.record import field, record

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from pathlib import Path


@record
class Request:
    command: str  # "wizard" when no command is given
    code: str | None = None  # as typed: "403.1", "ftp 530", "401 1 1326"
    protocol: str | None = None  # "http" | "ftp" | None (not said)
    version: str | None = None  # a known IIS version, as given with --iis
    every_version: bool = False  # explain --iis all
    win32: str | None = None  # as typed; read by the engine
    reason: str | None = None
    trees: tuple[Path, ...] = ()
    resume: str | None = None  # "" means: choose from the recent cases
    words: tuple[str, ...] = ()  # list patterns, find text, explain code words
    limit: int = 5  # find: how many candidates
    delete: tuple[str, ...] = ()  # cases --delete
    older_than: int | None = None  # cases --older-than DAYS
    yes: bool = False  # cases: delete without asking
    case_id: str | None = None  # report ID
    format: str = "md"  # report --format
    output: str | None = None  # report -o FILE; "-" is standard output
    paths: tuple[str, ...] = ()  # validate's tree folders, scan's log files, folders and globs
    no_builtin: bool = False
    ticket: str = ""  # --ticket: the helpdesk ticket or customer of the case this run opens
    json: bool = False  # --json on list, explain, find
    import_file: str | None = None  # cases --import FILE
    lang: str | None = None  # --lang as given; the run's language is wizard.language.messages.current()
    extra: dict[str, object] = field(default_factory=dict)  # options of commands that parse their own
