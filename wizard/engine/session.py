"""The walk through a tree: pure Python, immutable, serialisable.

A Session is the code, the IIS version and the moves made so far. Everything else (where we
are, the path taken, the outcome) is derived by replaying the moves, so back is "drop the
last move", restart is "no moves", and saving is writing the moves out as JSON.

An answer or an outcome may jump (`goto`) into another code's walk: the session keeps the
code it started with, and the replay knows which tree each step belongs to, so going back
across a jump and resuming a saved case after one need nothing special.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.library import Library
from wizard.knowledge.model import RETURN, Answer, Graph, Jump, Outcome, Question, Step, Tree, Use, headline, tr
from wizard.knowledge.record import record
from wizard.language.messages import _

NOT_FIXED = "not fixed"
_MAX_HOPS = 500
_MAX_DEPTH = 8  # subtrees within subtrees; deeper means they use each other in a loop


class SessionError(Exception):
    """The session cannot go on: a broken tree, a bad move, or a saved walk that no longer fits."""


@record
class Cursor:
    """Where the walk stands: a node of a graph, plus the trees waiting for a subtree to return."""

    graph: str
    node: str
    stack: tuple[tuple[str, str], ...] = ()

    @property
    def ref(self) -> str:
        """`http:403.1#node` for a tree node, `ntfs-permissions#node` for a subtree node."""
        return f"{self.graph}#{self.node}"

    @property
    def qualified(self) -> str:
        """The id used by examples: `node`, or `subtree:node` inside a shared subtree."""
        return self.node if ":" in self.graph else f"{self.graph}:{self.node}"


@record
class Move:
    """One step forward: an answer (index into the question's answers) or following `next`."""

    at: str
    answer: int | None  # None means "not fixed": follow the outcome's `next`
    auto: bool = False  # chosen by the evidence given with the code, not by the person


@record
class Visited:
    """A node the walk passed, with the choice made there (for the path panel and reports)."""

    cursor: Cursor
    node: Question | Outcome
    answer: Answer | None  # None: an outcome left through "Didn't fix it?"
    auto: bool = False  # the evidence answered this question
    tree: str = ""  # key of the code's walk this step belongs to (`http:401.1`), which a jump changes


@dataclass(frozen=True)
class Session:
    library: Library = field(repr=False, compare=False)
    protocol: str
    code: str
    version: str
    moves: tuple[Move, ...] = ()
    evidence: Evidence = Evidence()

    # -- construction --------------------------------------------------------------------------

    @classmethod
    def start(
        cls, library: Library, protocol: str, code: str, version: str | None = None, evidence: Evidence = Evidence()
    ) -> Session:
        """A fresh walk; questions the evidence answers are answered at once (and can be changed)."""
        if version is None:
            version = V.newest(library.walk_versions(protocol, code) or V.ALL)
        return cls(library, protocol, code, version, evidence=evidence).advance()

    def __post_init__(self) -> None:
        tree = self.library.tree(self.protocol, self.code, self.version)
        if tree is None:
            others = self.library.walk_versions(self.protocol, self.code)
            label = f"{self.protocol.upper()} {self.code}"
            raise SessionError(
                _("no decision tree for {code} for IIS {version} (there is one for IIS {others})").format(
                    code=label, version=self.version, others=V.describe(others)
                )
                if others
                else _("no decision tree for {code}").format(code=label)
            )
        object.__setattr__(self, "_tree", tree)
        cursor = self._settle(tree.key, tree.start, ())
        current: Tree = tree
        evidence = self.evidence
        history: list[Visited] = []
        for move in self.moves:
            node = self._node(cursor)
            if move.at != cursor.ref:
                raise SessionError(
                    _("the saved walk expected {expected} but the tree now shows {shown}").format(
                        expected=move.at, shown=cursor.ref
                    )
                )
            if move.answer is None:
                if not isinstance(node, Outcome) or not node.goes_on:
                    raise SessionError(_("{step} has no next cause to try").format(step=cursor.ref))
                history.append(Visited(cursor, node, None, tree=current.key))
                target, jump = node.next, node.goto
            else:
                if not isinstance(node, Question) or not 0 <= move.answer < len(node.answers):
                    raise SessionError(_("{step} has no answer number {n}").format(step=cursor.ref, n=move.answer + 1))
                answer = node.answers[move.answer]
                history.append(Visited(cursor, node, answer, move.auto, tree=current.key))
                target, jump = answer.next, answer.goto
            if jump is None:
                cursor = self._settle(cursor.graph, target, cursor.stack)
            else:
                current = self._jump_tree(jump, current)
                evidence = with_jump(evidence, jump)
                cursor = self._settle(current.key, current.start, ())
        object.__setattr__(self, "_cursor", cursor)
        object.__setattr__(self, "_history", tuple(history))
        object.__setattr__(self, "_current", current)
        object.__setattr__(self, "_evidence", evidence)

    # -- where we are --------------------------------------------------------------------------

    @property
    def tree(self) -> Graph:
        return self._tree  # type: ignore[attr-defined]

    @property
    def current_tree(self) -> Tree:
        """The tree of the walk standing now: the start's, or the last one a jump led to."""
        return self._current  # type: ignore[attr-defined]

    @property
    def current_code(self) -> str:
        return self.current_tree.code

    @property
    def current_protocol(self) -> str:
        return self.current_tree.protocol

    @property
    def active_evidence(self) -> Evidence:
        """The evidence given, plus what the jumps taken so far added."""
        return self._evidence  # type: ignore[attr-defined]

    def walks(self) -> list[Tree]:
        """The code walks this session passed through, in order: the start, then each jump's."""
        keys = [v.tree for v in self.history] + [self.current_tree.key]
        out: list[Tree] = [self.tree] if isinstance(self.tree, Tree) else []
        for key in keys:
            if out and key == out[-1].key:
                continue
            graph = self.graph(key)
            if isinstance(graph, Tree):
                out.append(graph)
        return out

    @property
    def position(self) -> str:
        """Where the walk stands, as examples name it: `node`, `subtree:node`, and after a
        jump `http:401.1#node` (or `http:401.1#subtree:node`)."""
        here = self.cursor.qualified
        return here if self.current_tree.key == self.tree.key else f"{self.current_tree.key}#{here}"

    @property
    def can_go_on(self) -> bool:
        """On an outcome, "Didn't fix it?" leads on (to a next cause or another code's walk)."""
        node = self.outcome
        return bool(node and node.goes_on)

    @property
    def cursor(self) -> Cursor:
        return self._cursor  # type: ignore[attr-defined]

    @property
    def node(self) -> Question | Outcome:
        return self._node(self.cursor)

    @property
    def history(self) -> tuple[Visited, ...]:
        return self._history  # type: ignore[attr-defined]

    @property
    def finished(self) -> bool:
        return isinstance(self.node, Outcome)

    @property
    def outcome(self) -> Outcome | None:
        return self.node if isinstance(self.node, Outcome) else None

    @property
    def question(self) -> Question:
        """The question being asked; SessionError once the walk has reached an outcome."""
        node = self.node
        if not isinstance(node, Question):
            raise SessionError(_("the walk has reached an outcome"))
        return node

    @property
    def reached(self) -> Outcome:
        """The outcome reached; SessionError while a question is still open."""
        node = self.node
        if not isinstance(node, Outcome):
            raise SessionError(_("the walk has not reached an outcome yet"))
        return node

    def answers(self) -> list[Answer]:
        """The answers shown for the current question (those that apply to this IIS version)."""
        node = self.node
        if not isinstance(node, Question):
            return []
        return [a for a in node.answers if self.applies(a.versions)]

    def steps(self) -> list[Step]:
        """The current outcome's fix steps for this IIS version."""
        node = self.outcome
        return [s for s in node.steps if self.applies(s.versions)] if node else []

    def applies(self, versions: frozenset[str] | None) -> bool:
        return versions is None or self.version in versions

    # -- moving --------------------------------------------------------------------------------

    def choose(self, index: int) -> Session:
        """Pick the answer at `index` among `answers()` (0-based, as displayed)."""
        shown = self.answers()
        if not 0 <= index < len(shown):
            raise SessionError(_("there is no answer {n} here").format(n=index + 1))
        original = self.question.answers.index(shown[index])
        return replace(self, moves=self.moves + (Move(self.cursor.ref, original),)).advance()

    def not_fixed(self) -> Session:
        """From an outcome, go on to the next likely cause."""
        node = self.node
        if not isinstance(node, Outcome) or not node.goes_on:
            raise SessionError(_("there is no further cause to try here"))
        return replace(self, moves=self.moves + (Move(self.cursor.ref, None),)).advance()

    def back(self) -> Session:
        """Undo the last move. After an evidence answer this lands on that question, to change it."""
        return replace(self, moves=self.moves[:-1]) if self.moves else self

    def restart(self) -> Session:
        return replace(self, moves=()).advance()

    def with_version(self, version: str) -> Session:
        return Session.start(self.library, self.protocol, self.code, version, self.evidence)

    def evidence_answer(self) -> int | None:
        """Index (among `answers()`) of the answer the evidence picks here, if exactly one does."""
        picked = [i for i, a in enumerate(self.answers()) if self.active_evidence.matches(a.when)]
        return picked[0] if len(picked) == 1 else None

    def advance(self) -> Session:
        """Answer, one after another, the questions the evidence settles."""
        session = self
        for _hop in range(_MAX_HOPS):
            index = session.evidence_answer()
            if index is None or session._asked_here():
                return session
            original = session.question.answers.index(session.answers()[index])
            session = replace(session, moves=session.moves + (Move(session.cursor.ref, original, True),))
        return session

    def _asked_here(self) -> bool:
        """The evidence answers a question only once per walk, so a loop back asks the person."""
        return any(m.at == self.cursor.ref for m in self.moves)

    # -- presentation helpers ------------------------------------------------------------------

    def code_label(self) -> str:
        return f"{self.protocol.upper()} {self.code}"

    def breadcrumb(self, lang: str | None = None) -> list[str]:
        """`HTTP 403.1`, then the topic of every question passed and of where we stand; a jump
        adds `⇒ HTTP 401.1` to the crumb it left from."""
        crumbs = [self.code_label()]
        walk = self.tree.key
        stops = [(v.tree, v.node) for v in self.history] + [(self.current_tree.key, self.node)]
        for key, node in stops:
            if key != walk:
                crumbs[-1] += f" ⇒ {tree_label(key)}"
                walk = key
            topic = tr(node.topic, lang) if node.topic else ""
            if topic and topic != crumbs[-1]:
                crumbs.append(topic)
        return crumbs

    def remaining(self) -> int:
        """At most how many more questions stand between here and an outcome.

        Questions already answered in this walk are not counted again: a tree that loops back
        (find the real error, then return to the sub-status question) would otherwise make the
        count grow in the middle of the loop. It may grow when the loop brings a question back.
        """
        if self.finished:
            return 0
        seen = frozenset(v.cursor for v in self.history) - {self.cursor}
        return self._longest(self.cursor, seen, self.current_tree, True)

    def longest_in_walk(self) -> int:
        """Questions on the longest path from here to an outcome or a jump, in this code's own
        walk: a jump ends it, since the walk it leads to is measured on its own."""
        if self.finished:
            return 0
        return self._longest(self.cursor, frozenset(), self.current_tree, False)

    def to_dict(self) -> dict:
        return {
            "format": 1,
            "protocol": self.protocol,
            "code": self.code,
            "version": self.version,
            "evidence": self.evidence.to_dict(),
            "moves": [{"at": m.at, "answer": m.answer, "auto": m.auto} for m in self.moves],
        }

    @classmethod
    def from_dict(cls, library: Library, data: dict) -> Session:
        try:
            moves = tuple(
                Move(str(m["at"]), None if m["answer"] is None else int(m["answer"]), bool(m.get("auto", False)))
                for m in data["moves"]
            )
            evidence = Evidence.from_dict(data.get("evidence"))
            return cls(library, str(data["protocol"]), str(data["code"]), str(data["version"]), moves, evidence)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SessionError(_("not a saved session ({why})").format(why=exc)) from None

    @classmethod
    def restore(cls, library: Library, data: dict) -> tuple[Session, int]:
        """Like from_dict, but when the trees changed keep the longest part of the walk that
        still fits; returns the session and how many moves had to be dropped."""
        moves = list(data.get("moves", []))
        for keep in range(len(moves), 0, -1):
            try:
                return cls.from_dict(library, {**data, "moves": moves[:keep]}), len(moves) - keep
            except SessionError:
                continue
        return cls.from_dict(library, {**data, "moves": []}), len(moves)  # raises if the tree itself is gone

    # -- internals -----------------------------------------------------------------------------

    def graph(self, key: str) -> Graph | None:
        """A tree (`http:401.1`, for this session's IIS version) or a shared subtree by key."""
        if key == self.tree.key:
            return self.tree
        if ":" in key:
            protocol, code = key.split(":", 1)
            return self.library.tree(protocol, code, self.version)
        return self.library.subtrees.get(key)

    def _graph(self, key: str) -> Graph:
        graph = self.graph(key)
        if graph is None:
            raise SessionError(
                _("unknown shared subtree {key!r}").format(key=key)
                if ":" not in key
                else _("no walk {key!r}").format(key=key)
            )
        return graph

    def _jump_tree(self, jump: Jump, current: Tree) -> Tree:
        """The tree a jump from the walk of `current` leads to, for this IIS version."""
        key = jump.key(current.protocol)
        graph = self.graph(key)
        if not isinstance(graph, Tree):
            raise SessionError(
                _("a jump leads to {code}, which has no walk for IIS {version}").format(
                    code=tree_label(key), version=self.version
                )
            )
        return graph

    def _node(self, cursor: Cursor) -> Question | Outcome:
        node = self._graph(cursor.graph).nodes[cursor.node]
        assert isinstance(node, (Question, Outcome)), cursor  # a cursor always rests on one
        return node

    def _settle(self, graph_key: str, node_id: str | None, stack: tuple[tuple[str, str], ...]) -> Cursor:
        """Follow `use`, `return` and version skips until a question or outcome to show."""
        for _hop in range(_MAX_HOPS):
            if node_id is None:
                raise SessionError(f"{graph_key}: a step leads nowhere (missing then/otherwise)")
            if node_id == RETURN:
                if not stack:
                    raise SessionError(f"{graph_key}: 'return' outside a shared subtree")
                (graph_key, use_id), stack = stack[-1], stack[:-1]
                use = self._graph(graph_key).nodes[use_id]
                node_id = use.then if isinstance(use, Use) else None
                continue
            graph = self._graph(graph_key)
            node = graph.nodes.get(node_id)
            if node is None:
                raise SessionError(f"{graph_key}: unknown node {node_id!r}")
            if isinstance(node, Use):
                if not self.applies(node.versions):
                    node_id = node.then
                    continue
                stack = stack + ((graph_key, node_id),)
                graph_key = node.subtree
                node_id = self._graph(graph_key).start
                continue
            if isinstance(node, Question) and not self.applies(node.versions):
                node_id = node.otherwise
                continue
            if isinstance(node, Outcome) and not self.applies(node.versions) and node.next:
                node_id = node.next  # a cause this version cannot have: try the next one
                continue
            return Cursor(graph_key, node_id, stack)
        raise SessionError(f"{graph_key}: the tree loops without asking anything")

    def _longest(self, start: Cursor, seen: frozenset[Cursor], tree: Tree, jumps: bool) -> int:
        """Questions on the longest path from `start` that asks nothing twice; with `jumps`,
        the walks that jumps lead to count too, else a jump ends the path.

        A shared subtree used twice on one path is asked twice, so places are told apart by
        their whole cursor (subtree node and where it returns to), not by the node alone. The
        search is iterative and remembers each place's answer, so a deep or densely branching
        tree (even a hostile one) costs time in proportion to its size and never the stack;
        a step back onto the path being followed counts as the end of that path.
        """
        if start in seen:
            return 0
        memo: dict[Cursor, int] = {}
        on_path = {start}
        stack: list[tuple[Cursor, Iterator[tuple[Cursor, Tree]], list[int]]] = [
            (start, iter(self._onward(start, tree, jumps)), [0])
        ]
        while stack:
            cursor, onward, best = stack[-1]
            step = next(onward, None)
            if step is None:
                stack.pop()
                on_path.discard(cursor)
                memo[cursor] = best[0] + 1 if isinstance(self._node(cursor), Question) else 0
                if stack:
                    stack[-1][2][0] = max(stack[-1][2][0], memo[cursor])
                continue
            target, there = step
            if target in seen or target in on_path or len(target.stack) > _MAX_DEPTH:
                continue
            if target in memo:
                best[0] = max(best[0], memo[target])
                continue
            on_path.add(target)
            stack.append((target, iter(self._onward(target, there, jumps)), [0]))
        return memo[start]

    def _onward(self, cursor: Cursor, tree: Tree, jumps: bool) -> list[tuple[Cursor, Tree]]:
        """Where each answer of the question at `cursor` leads, with the tree it is in."""
        node = self._node(cursor)
        if not isinstance(node, Question):
            return []
        steps = []
        for answer in node.answers:
            if not self.applies(answer.versions) or (answer.goto and not jumps):
                continue
            try:
                if answer.goto:
                    there = self._jump_tree(answer.goto, tree)
                    steps.append((self._settle(there.key, there.start, ()), there))
                else:
                    steps.append((self._settle(cursor.graph, answer.next, cursor.stack), tree))
            except SessionError:
                continue
        return steps


def with_jump(evidence: Evidence, jump: Jump) -> Evidence:
    """The evidence after a jump: what was given, with the values the jump names put in."""
    return Evidence(
        jump.win32 if jump.win32 is not None else evidence.win32,
        jump.reason if jump.reason is not None else evidence.reason,
    )


def tree_label(key: str) -> str:
    """`HTTP 401.1` for the tree key `http:401.1`."""
    protocol, _sep, code = key.partition(":")
    return f"{protocol.upper()} {code}"


def transcript(session: Session, lang: str | None = None) -> list[tuple[str, str]]:
    """(question, answer) pairs of the walk so far, in plain text."""
    rows = []
    for visit in session.history:
        answer = tr(visit.answer.label, lang) if visit.answer else _("Did not fix it")
        rows.append((tr(headline(visit.node), lang), answer))
    return rows
