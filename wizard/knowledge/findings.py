"""Findings: problems found in tree files, always tied to a file, line and column."""

from __future__ import annotations

import os

from wizard.knowledge.record import record

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


@record(order=True)
class Where:
    """A place in a source file; line and column are 1-based, as editors show them.

    `file` is absolute for files that were read, so a cached model means the same from any
    folder; it is shown relative to the current folder, as people typed it.
    """

    file: str
    line: int = 0
    col: int = 0

    @property
    def shown(self) -> str:
        if not os.path.isabs(self.file):
            return self.file
        try:
            return os.path.relpath(self.file)
        except ValueError:  # another drive on Windows
            return self.file

    def __str__(self) -> str:
        if not self.line:
            return self.shown
        return f"{self.shown}:{self.line}:{self.col}"

    @classmethod
    def from_mark(cls, file: str | Path, mark: Any) -> Where:
        """Build from a PyYAML mark (0-based) or None."""
        if mark is None:
            return cls(str(file))
        return cls(str(file), mark.line + 1, mark.column + 1)


@record
class Finding:
    """One problem. `error` findings make `validate` fail; warnings only inform."""

    where: Where
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.where}: {tag}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class TreeError(Exception):
    """Raised when a tree cannot be used at all; carries the findings that explain why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(str(f) for f in findings))
        self.findings = findings
