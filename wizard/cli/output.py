"""What every command shares when it talks to the terminal: width, messages, the library.

Output goes through `console_safe` streams: on a console or a redirect in a legacy Windows
code page (cp1252, cp437) a character the code page lacks becomes a plain look-alike (`→`
becomes `->`) instead of a UnicodeEncodeError.
"""

from __future__ import annotations

import os
import sys

from wizard.cli.request import Request
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _, ngettext

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from wizard.knowledge.library import Library


def width() -> int:
    """Where text wraps: the terminal's width, 100 in a pipe or a file."""
    return terminal_columns(100) if sys.stdout.isatty() else 100


def terminal_columns(fallback: int = 80) -> int:
    """The terminal's columns as shutil.get_terminal_size finds them (COLUMNS first), without importing shutil."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or fallback  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return fallback


def say(message: str) -> None:
    """A message for the person on standard error, prefixed with the program's name."""
    print(f"iisdoctor: {shown(message)}", file=sys.stderr)


def load_library(request: Request) -> Library:
    """The built-in trees (through the cache) plus any --trees folders, warning about skipped files."""
    from wizard.knowledge.library import Library
    from wizard.platform.tree_cache import TreeCache

    library = Library.load(list(request.trees), cache=TreeCache() if TreeCache.enabled() else None)
    folders = {str(folder.absolute()) for folder in request.trees}
    for finding in library.findings:
        if finding.where.file in folders:  # the folder itself: missing, or a file
            say(_("warning: --trees {folder}: {problem}").format(folder=finding.where.shown, problem=finding.message))
    broken = sorted({f.where.shown for f in library.findings if f.is_error and f.where.file not in folders})
    if broken:
        listed = ", ".join(broken[:3]) + (" ..." if len(broken) > 3 else "")
        say(
            ngettext(
                "warning: skipped {n} tree file(s) with problems ({files}); run `iisdoctor validate` for details",
                "warning: skipped {n} tree file(s) with problems ({files}); run `iisdoctor validate` for details",
                len(broken),
            ).format(n=len(broken), files=listed)
        )
    return library
