"""Find codes from what a person types: a code in any common spelling, or plain words.

Words are matched against each code's title and meaning and the text of its own tree (causes,
questions, topics), so `UrlScan`, `execute access` or `too many users` find the right code.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.engine import lookup as codes
from wizard.knowledge import versions as V
from wizard.knowledge.library import Library
from wizard.knowledge.model import CodeEntry, Graph, Outcome, Question, tr

_WEIGHTS = {"title": 6, "code": 8, "meaning": 3, "tree": 1}


@dataclass(frozen=True)
class Hit:
    entry: CodeEntry
    score: int


class CodeIndex:
    """Lower-cased text per catalog entry, built once per library."""

    def __init__(self, library: Library):
        self.library = library
        self.rows: list[tuple[CodeEntry, dict[str, str]]] = []
        for entry in library.codes():
            fields = {
                "code": f"{entry.protocol} {entry.code}",
                "title": tr(entry.title).lower(),
                "meaning": " ".join([tr(entry.meaning), entry.component or ""]).lower(),
            }
            self.rows.append((entry, fields))
        self._with_trees = False

    def _add_tree_text(self) -> None:
        """Trees are read only when someone searches by words: listing codes never opens them."""
        if self._with_trees:
            return
        for entry, fields in self.rows:
            tree = self.library.tree(entry.protocol, entry.code, V.newest(entry.versions))
            fields["tree"] = _graph_text(self.library, tree).lower() if tree else ""
        self._with_trees = True

    def search(self, text: str, protocol: str | None = None) -> list[Hit]:
        """Every entry matching `text`, best first; an empty query returns everything in order."""
        text = text.strip()
        rows = [r for r in self.rows if protocol in (None, r[0].protocol)]
        if not text:
            return [Hit(e, 0) for e, _ in rows]
        query = codes.parse(text)
        if query is not None:
            wanted = [e for e, _ in rows if query.protocol in (None, e.protocol)]
            exact = [Hit(e, 100) for e in wanted if e.code == query.code]
            family = [Hit(e, 50) for e in wanted if e.code != query.code and e.code.startswith(query.code)]
            if exact or family:
                return exact + family
            parent = [Hit(e, 10) for e in wanted if e.code == query.parent]
            return parent
        if _looks_like_pattern(text):
            return [Hit(e, 1) for e, _ in rows if codes.matches_pattern(e, text)]
        self._add_tree_text()
        words = text.lower().split()
        hits = []
        for entry, fields in rows:
            score = 0
            for word in words:
                found = [w for name, w in _WEIGHTS.items() if word in fields[name]]
                if not found:
                    score = 0
                    break
                score += max(found)
            if score:
                hits.append(Hit(entry, score))
        return sorted(hits, key=lambda h: -h.score)


def _looks_like_pattern(text: str) -> bool:
    lowered = text.lower().replace(" ", "")
    return any(ch in lowered for ch in "x*") and any(ch.isdigit() for ch in lowered)


def _graph_text(library: Library, graph: Graph) -> str:
    """The human text of a tree's own nodes (shared subtrees would make every code match)."""
    parts = []
    for node in graph.nodes.values():
        if isinstance(node, Question):
            parts += [tr(node.topic), tr(node.question), tr(node.how)] + [tr(a.label) for a in node.answers]
        elif isinstance(node, Outcome):
            parts += [tr(node.topic), tr(node.cause)] + [tr(s.text) for s in node.steps]
            parts += [s.command or "" for s in node.steps] + [tr(k.title) for k in node.kb]
    return " ".join(p for p in parts if p)
