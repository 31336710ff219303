"""Understand the code a person typed and find it in the catalog.

People type `403.14`, `403-14`, `HTTP 403.14`, `http/403.14`, `ftp 530`, `500-100` or just
`550`. A lookup answers with the entry, or explains what happened instead: a sub-status we do
not know (fall back to its parent code), a number that exists in both protocols (ask which),
or an unknown code (the class's general guidance and the nearest known codes).
"""

from __future__ import annotations

import re

from wizard.engine.code_text import CodeQuery, parse
from wizard.knowledge.evidence import Evidence, EvidenceError, win32_key
from wizard.knowledge.library import Library
from wizard.knowledge.model import ClassEntry, CodeEntry, tr
from wizard.knowledge.record import field, record
from wizard.language.messages import _

# Compiled on first use (by `re`'s own cache), not when the module is imported: most codes are typed plainly.
_WIN32 = r"(?P<win32>\d{1,10}|0x[0-9a-f]{1,8})"
_TRIAD = r"^\s*(?P<proto>(?:https?|ftp)\s+)?(?P<status>[1-6]\d\d)\s+(?P<sub>\d{1,3})\s+" + _WIN32 + r"\s*$"
# FTP logs write sc-status, sc-win32-status, then sc-substatus
_FTP_TRIAD = r"^\s*(?P<proto>ftp\s+)?(?P<status>[1-6]\d\d)\s+" + _WIN32 + r"\s+(?P<sub>\d{1,3})\s*$"
_TRAILER = r"^(?P<code>.+?)\s+(?P<extra>0x[0-9a-f]{1,8}|\d{1,10}|[A-Za-z][A-Za-z0-9_/\-]*)\s*$"


def split_evidence(text: str, protocol: str | None = None) -> tuple[str, str | None]:
    """Separate what follows a code: `401.1 1326`, `500.19 0x80070021`, `503 QueueFull`, or a
    log's `401 1 1326` (status, sub-status, Win32). Returns (code text, extra or None).

    IIS FTP logs put the Win32 status before the sub-status (`550 5 2`: Win32 5, sub-status
    2), so with `protocol` ftp, or an `ftp` prefix, three numbers are read in that order."""
    if parse(text) is not None:
        return text, None
    ftp = (
        re.match(_FTP_TRIAD, text, re.IGNORECASE)
        if protocol == "ftp" or text.strip().lower().startswith("ftp")
        else None
    )
    if ftp:
        return f"ftp {ftp['status']}.{ftp['sub']}", ftp["win32"]
    triad = re.match(_TRIAD, text, re.IGNORECASE)
    if triad:
        code = f"{triad['status']}.{triad['sub']}"
        return (triad["proto"] or "") + code, triad["win32"]
    trailer = re.match(_TRAILER, text, re.IGNORECASE)
    if trailer and parse(trailer["code"]) is not None:
        return trailer["code"], trailer["extra"]
    return text, None


def read_evidence(
    library: Library,
    code_text: str | None,
    win32: str | None = None,
    reason: str | None = None,
    protocol: str | None = None,
) -> tuple[str | None, Evidence]:
    """The code without its trailing evidence, and the evidence from it plus --win32/--reason.

    Raises EvidenceError, with a message for the person, for a value that is neither a Win32
    code nor a known HTTP.sys reason.
    """
    extra = None
    if code_text:
        code_text, extra = split_evidence(code_text, protocol)
    if extra is not None:
        if library.reason_entry(extra) is not None and not extra.isdigit() and not extra.lower().startswith("0x"):
            reason = reason or extra
        else:
            win32 = win32 or extra
    folded = None if win32 is None else win32_key(win32)
    if reason is not None:
        entry = library.reason_entry(reason)
        if entry is None:
            known = ", ".join(sorted(r.reason for r in library.reasons.values())[:12])
            raise EvidenceError(
                _("{reason!r} is not a known HTTPERR reason (known: {known} ...)").format(reason=reason, known=known)
            )
        reason = entry.reason
    return code_text, Evidence(folded, reason)


@record(frozen=False)
class Lookup:
    """The answer to "what is this code?"."""

    query: str
    entry: CodeEntry | None = None
    notice: str | None = None  # said to the user even when an entry was found
    choices: list[CodeEntry] = field(default_factory=list)  # same number in HTTP and FTP: ask
    class_entry: ClassEntry | None = None  # unknown code: general guidance for its class
    nearest: list[CodeEntry] = field(default_factory=list)

    @property
    def ambiguous(self) -> bool:
        return bool(self.choices)


def lookup(library: Library, text: str, protocol: str | None = None, version: str | None = None) -> Lookup:
    query = parse(text)
    result = Lookup(text.strip())
    if query is None:
        result.notice = _("{text!r} is not a status code (expected something like 403.14 or ftp 530)").format(
            text=text.strip()
        )
        return result
    protocol = protocol or query.protocol
    protocols = [protocol] if protocol else (library.protocols_of(query.code) or library.protocols_of(query.parent))
    if len(protocols) > 1:
        found = [library.entry(p, query.code, version) or library.entry(p, query.parent, version) for p in protocols]
        result.choices = [e for e in found if e is not None]
        result.notice = _("{code} exists for both HTTP and FTP; say which (--http or --ftp)").format(code=query.code)
        return result
    chosen = protocols[0] if protocols else (protocol or "http")
    entry = library.entry(chosen, query.code, version)
    if entry is not None and query.sub == 0 and version is not None and version not in entry.versions:
        # A log's `503 0 0` on a version without the .0 sub-status means the plain code.
        plain = library.entry(chosen, query.parent, version)
        if plain is not None and version in plain.versions:
            entry = plain
    if entry is not None:
        result.entry = entry
        return result
    parent = library.entry(chosen, query.parent, version) if query.sub is not None else None
    label = f"{chosen.upper()} {query.code}"
    if parent is not None:
        result.entry = parent
        if query.sub == 0 or chosen == "ftp":  # logs write "404 0"; FTP sub-statuses are detail, not codes
            return result
        result.notice = _("{code} is not a known sub-status; showing {parent} instead").format(
            code=label, parent=f"{chosen.upper()} {parent.code}"
        )
        return result
    result.class_entry = library.class_entry(chosen, f"{query.status // 100}xx")
    result.nearest = nearest(library, chosen, query)
    near = ", ".join(e.code for e in result.nearest)
    result.notice = (
        _("{code} is not a known code; closest known: {near}").format(code=label, near=near)
        if near
        else _("{code} is not a known code").format(code=label)
    )
    return result


def nearest(library: Library, protocol: str, query: CodeQuery, count: int = 5) -> list[CodeEntry]:
    """Known codes of the same protocol and class, closest in number first."""
    target = (query.status, query.sub or 0)
    candidates = {e.code: e for e in library.codes(protocol) if e.status // 100 == query.status // 100}
    return sorted(candidates.values(), key=lambda e: (abs(e.status - target[0]), abs((e.substatus or 0) - target[1])))[
        :count
    ]


def matches_pattern(entry: CodeEntry, pattern: str) -> bool:
    """Browse patterns: `4xx`, `40x`, `403` (the code and its sub-statuses), `403.*`, or words."""
    pattern = pattern.strip().lower()
    query = parse(pattern)
    if query is not None:
        if query.protocol and query.protocol != entry.protocol:
            return False
        if query.sub is None:
            return entry.status == query.status
        return entry.code == query.code
    if pattern in ("http", "https", "ftp"):
        return entry.protocol == ("ftp" if pattern == "ftp" else "http")
    wild = re.fullmatch(r"(?:(https?|ftp)\s*[:/\s]?\s*)?([1-6x][0-9x]{2})(\.(\*|\d{1,3}))?", pattern)
    if wild:
        if wild[1] and (("ftp" if wild[1] == "ftp" else "http") != entry.protocol):
            return False
        regex = wild[2].replace("x", r"\d")
        if not re.fullmatch(regex, str(entry.status)):
            return False
        if wild[4] == "*":
            return entry.substatus is not None
        return True
    haystack = " ".join([entry.code, tr(entry.title), tr(entry.meaning), entry.component or ""]).lower()
    return all(word in haystack for word in pattern.split())
