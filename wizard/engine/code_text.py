"""Read a status code as people type it: `403.14`, `403-14`, `HTTP 403.14`, `ftp 530`, `500-100.asp`.

Apart from the catalog lookup (codes.py) so the start-up path can read a code without
loading the catalog.
"""

from __future__ import annotations

import re

from wizard.knowledge.record import record

_QUERY = re.compile(
    r"""^\s*
        (?:(?P<protocol>https?|ftp)\s*(?:status|error|code)?\s*[:/\s]?\s*)?
        (?P<status>[1-6]\d\d)
        (?:\s*[.\-]\s*(?P<sub>\d{1,3}))?
        (?:\.asp)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@record
class CodeQuery:
    """A code as typed: its protocol if one was named, the status and the sub-status."""

    protocol: str | None
    status: int
    sub: int | None

    @property
    def code(self) -> str:
        return f"{self.status}" if self.sub is None else f"{self.status}.{self.sub}"

    @property
    def parent(self) -> str:
        return str(self.status)


def parse(text: str) -> CodeQuery | None:
    """Parse what a person typed; None when it is not a code at all."""
    match = _QUERY.match(text)
    if not match:
        return None
    protocol = match["protocol"]
    if protocol:
        protocol = "ftp" if protocol.lower() == "ftp" else "http"
    sub = int(match["sub"]) if match["sub"] is not None else None
    return CodeQuery(protocol, int(match["status"]), sub)
