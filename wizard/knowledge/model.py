"""The decision-tree model: plain frozen dataclasses, no I/O and no Textual.

Human text is always a `Text` (language -> string, `en` present) so a translation can be
added later without touching the format or this code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from wizard.knowledge.evidence import When
from wizard.knowledge.findings import Where
from wizard.knowledge.i18n import Text, tr  # noqa: F401  (re-exported: most modules take tr from here)
from wizard.knowledge.record import field, record

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from typing import overload

RETURN = "return"
"""The reserved target inside a shared subtree: hand the walk back to the tree that used it."""


@record
class KbRef:
    id: int
    title: Text


@record
class Step:
    text: Text
    command: str | None = None
    versions: frozenset[str] | None = None


@record
class Jump:
    """`goto`: carry on in another code's walk, inside the same case.

    The walk moved to starts with the evidence already given, plus the Win32 code or HTTPERR
    reason the jump names (a value named here replaces the one of the same kind).
    """

    code: str
    protocol: str | None = None  # None: the protocol of the walk that jumps
    win32: int | None = None
    reason: str | None = None

    def key(self, protocol: str) -> str:
        """The tree key jumped to, `http:401.1`, when the walk that jumps is of `protocol`."""
        return f"{self.protocol or protocol}:{self.code}"


@record
class Answer:
    label: Text
    next: str | None  # None when the answer jumps (`goto`) instead
    versions: frozenset[str] | None = None
    where: Where = Where("")
    when: When | None = None  # evidence (Win32 code, HTTPERR reason) that picks this answer
    goto: Jump | None = None  # continue in another code's walk instead of `next`


@record
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


@record
class Outcome:
    id: str
    cause: Text
    steps: tuple[Step, ...]
    topic: Text | None = None
    kb: tuple[KbRef, ...] = ()
    next: str | None = None
    versions: frozenset[str] | None = None
    where: Where = Where("")
    goto: Jump | None = None  # "Didn't fix it?" continues in another code's walk (instead of `next`)
    kind = "outcome"

    @property
    def goes_on(self) -> bool:
        """On "Didn't fix it?" the walk leads somewhere: a next cause here, or another code's walk."""
        return bool(self.next or self.goto)


@record
class Use:
    id: str
    subtree: str
    then: str | None = None
    topic: Text | None = None
    versions: frozenset[str] | None = None
    where: Where = Where("")
    kind = "use"


Node = Question | Outcome | Use


def headline(node: Question | Outcome) -> Text:
    """What a stop on the walk says first: the question asked, or the cause found."""
    return node.cause if isinstance(node, Outcome) else node.question


class DeferredGraph:
    """A graph's nodes and examples as the tree cache keeps them: decoded on first use.

    Starting on one code so decodes that code's tree (and the subtrees it uses), not every tree
    there is. `decode` reads them from the cache; when it fails (a damaged or vanished cache) it
    falls back to `recover`, which reads the graph's YAML file again.
    """

    __slots__ = ("_decode", "_parts", "_recover")

    def __init__(self, decode: Callable[[], GraphParts], recover: Callable[[], GraphParts]):
        self._parts: GraphParts | None = None
        self._decode: Callable[[], GraphParts] | None = decode
        self._recover = recover

    def parts(self) -> GraphParts:
        if self._parts is None:
            try:
                self._parts = self._decode() if self._decode is not None else self._recover()
            except Exception:  # a damaged or foreign cache: read the tree file again
                self._parts = self._recover()
            self._decode = None
        return self._parts


class LazyNodes(Mapping[str, "Node"]):
    """The nodes of a DeferredGraph."""

    __slots__ = ("_body",)

    def __init__(self, body: DeferredGraph):
        self._body = body

    def __len__(self) -> int:
        return len(self._body.parts()[0])

    def __iter__(self) -> Iterator[str]:
        return iter(self._body.parts()[0])

    def __getitem__(self, key: str) -> Node:
        return self._body.parts()[0][key]

    def __repr__(self) -> str:
        return repr(self._body.parts()[0])


class LazyExamples(Sequence["Example"]):
    """The examples of a DeferredGraph (only `validate` replays them)."""

    __slots__ = ("_body",)

    def __init__(self, body: DeferredGraph):
        self._body = body

    def __len__(self) -> int:
        return len(self._body.parts()[1])

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Example: ...

        @overload
        def __getitem__(self, index: slice) -> Sequence[Example]: ...

    def __getitem__(self, index: int | slice) -> Example | Sequence[Example]:
        return self._body.parts()[1][index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


@record
class Example:
    answers: tuple[str | int, ...]
    expect: str
    version: str | None = None
    where: Where = Where("")
    win32: int | None = None  # evidence given with the code, as on the command line
    reason: str | None = None


@record
class Graph:
    """Nodes plus a start: what trees and shared subtrees have in common."""

    key: str  # "http:403.1" for a tree, "ntfs-permissions" for a subtree
    start: str
    nodes: Mapping[str, Node]
    examples: Sequence[Example] = ()
    where: Where = Where("")
    source: int = 0  # 0 = built-in; 1.. = the order of --trees folders
    start_where: Where = Where("")

    @property
    def is_subtree(self) -> bool:
        return False


@record
class Tree(Graph):
    protocol: str = "http"
    code: str = ""
    versions: frozenset[str] | None = None  # None: as the catalog entry says


@record
class Subtree(Graph):
    title: Text = field(default_factory=dict)

    @property
    def is_subtree(self) -> bool:
        return True


@record
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


@record
class ClassEntry:
    """General guidance for a whole class (4xx, 5xx ...) of one protocol."""

    protocol: str
    klass: str
    title: Text
    meaning: Text
    guidance: tuple[Text, ...] = ()
    where: Where = Where("")


@record
class Win32Entry:
    """A Windows error code as IIS logs show it, and what it usually means there."""

    code: int  # folded: 1326 for both 1326 and 0x8007052e
    name: str  # ERROR_LOGON_FAILURE
    meaning: Text
    in_iis: Text | None = None  # what the code usually points to in an IIS log or error page
    where: Where = Where("")
    source: int = 0


@record
class ReasonEntry:
    """An HTTP.sys error-log (HTTPERR) reason and what it means."""

    reason: str
    meaning: Text
    status: str | None = None  # the status HTTP.sys usually sends with it, if any
    fix: Text | None = None
    where: Where = Where("")
    source: int = 0


GraphParts = tuple[Mapping[str, Node], Sequence[Example]]
