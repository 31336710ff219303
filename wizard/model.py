"""The decision-tree model: plain frozen dataclasses, no I/O and no Textual.

Human text is always a `Text` (language -> string, `en` present) so a translation can be
added later without touching the format or this code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.evidence import When
from wizard.findings import Where

Text = dict  # {"en": "...", "nb": "..."}; `en` is always present

RETURN = "return"
"""The reserved target inside a shared subtree: hand the walk back to the tree that used it."""


def tr(text: Text | None, lang: str = "en") -> str:
    """Pick the text in `lang`, falling back to English."""
    if not text:
        return ""
    return text.get(lang) or text["en"]


@dataclass(frozen=True)
class KbRef:
    id: int
    title: Text


@dataclass(frozen=True)
class Step:
    text: Text
    command: str | None = None
    versions: frozenset[str] | None = None


@dataclass(frozen=True)
class Answer:
    label: Text
    next: str
    versions: frozenset[str] | None = None
    where: Where = Where("")
    when: When | None = None  # evidence (Win32 code, HTTPERR reason) that picks this answer


@dataclass(frozen=True)
class Question:
    id: str
    topic: Text
    question: Text
    answers: tuple[Answer, ...]
    how: Text | None = None
    commands: tuple[str, ...] = ()
    versions: frozenset[str] | None = None
    otherwise: str | None = None
    where: Where = Where("")
    kind = "question"


@dataclass(frozen=True)
class Outcome:
    id: str
    cause: Text
    steps: tuple[Step, ...]
    topic: Text | None = None
    kb: tuple[KbRef, ...] = ()
    next: str | None = None
    versions: frozenset[str] | None = None
    where: Where = Where("")
    kind = "outcome"


@dataclass(frozen=True)
class Use:
    id: str
    subtree: str
    then: str | None = None
    topic: Text | None = None
    versions: frozenset[str] | None = None
    where: Where = Where("")
    kind = "use"


Node = Question | Outcome | Use


@dataclass(frozen=True)
class Example:
    answers: tuple[str | int, ...]
    expect: str
    version: str | None = None
    where: Where = Where("")
    win32: int | None = None  # evidence given with the code, as on the command line
    reason: str | None = None


@dataclass(frozen=True)
class Graph:
    """Nodes plus a start: what trees and shared subtrees have in common."""

    key: str  # "http:403.1" for a tree, "ntfs-permissions" for a subtree
    start: str
    nodes: dict[str, Node]
    examples: tuple[Example, ...] = ()
    where: Where = Where("")
    source: int = 0  # 0 = built-in; 1.. = the order of --trees folders
    start_where: Where = Where("")

    @property
    def is_subtree(self) -> bool:
        return False


@dataclass(frozen=True)
class Tree(Graph):
    protocol: str = "http"
    code: str = ""
    versions: frozenset[str] | None = None  # None: as the catalog entry says


@dataclass(frozen=True)
class Subtree(Graph):
    title: Text = field(default_factory=dict)

    @property
    def is_subtree(self) -> bool:
        return True


@dataclass(frozen=True)
class CodeEntry:
    """What a code means, independent of whether a tree exists for it."""

    protocol: str
    code: str
    title: Text
    meaning: Text
    versions: frozenset[str]
    component: str | None = None
    notes: Text | None = None
    where: Where = Where("")
    source: int = 0
    changed: bool = False  # the meaning differs from this code's meaning in other IIS versions

    @property
    def status(self) -> int:
        return int(self.code.split(".")[0])

    @property
    def substatus(self) -> int | None:
        parts = self.code.split(".")
        return int(parts[1]) if len(parts) > 1 else None

    @property
    def klass(self) -> str:
        return f"{self.code[0]}xx"


@dataclass(frozen=True)
class ClassEntry:
    """General guidance for a whole class (4xx, 5xx ...) of one protocol."""

    protocol: str
    klass: str
    title: Text
    meaning: Text
    guidance: tuple[Text, ...] = ()
    where: Where = Where("")


@dataclass(frozen=True)
class Win32Entry:
    """A Windows error code as IIS logs show it, and what it usually means there."""

    code: int  # folded: 1326 for both 1326 and 0x8007052e
    name: str  # ERROR_LOGON_FAILURE
    meaning: Text
    in_iis: Text | None = None  # what the code usually points to in an IIS log or error page
    where: Where = Where("")
    source: int = 0


@dataclass(frozen=True)
class ReasonEntry:
    """An HTTP.sys error-log (HTTPERR) reason and what it means."""

    reason: str
    meaning: Text
    status: str | None = None  # the status HTTP.sys usually sends with it, if any
    fix: Text | None = None
    where: Where = Where("")
    source: int = 0
