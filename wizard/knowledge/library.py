"""The loaded knowledge: catalog entries, trees and shared subtrees, with site overrides applied.

Folders given with `--trees` come after the built-in folder; an entry, tree or subtree from a
later folder replaces an earlier one for the same code (and overlapping IIS versions) or id.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from wizard.knowledge import versions as V
from wizard.knowledge.builtin import builtin_trees_dir
from wizard.knowledge.evidence import EvidenceError, reason_key, win32_key
from wizard.knowledge.findings import Finding
from wizard.knowledge.loader import LoadResult, load_folders
from wizard.knowledge.model import ClassEntry, CodeEntry, Graph, ReasonEntry, Subtree, Tree, Win32Entry

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from typing import TypeVar

    from wizard.knowledge.loader import LoadCache, StrPath

    T = TypeVar("T")
    E = TypeVar("E", CodeEntry, Tree)
    S = TypeVar("S", CodeEntry, Tree, Subtree)


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


class Library:
    """Read-only view over a LoadResult, answering the questions the CLI, UI and engine ask."""

    def __init__(self, loaded: LoadResult):
        self.loaded = loaded
        self.findings: list[Finding] = list(loaded.findings)
        self._catalog_versions: dict[tuple[str, str], frozenset[str]] = {}
        for e in loaded.entries:  # every source's entries: a tree may rely on any of them
            key = (e.protocol, e.code)
            self._catalog_versions[key] = self._catalog_versions.get(key, frozenset()) | e.versions
        self.entries = _winners(loaded.entries, lambda e: (e.protocol, e.code), lambda e: e.versions)
        self.classes: dict[tuple[str, str], ClassEntry] = {(c.protocol, c.klass): c for c in loaded.classes}
        subtrees: dict[str, Subtree] = {}
        for sub in sorted(loaded.subtrees, key=lambda s: s.source):
            subtrees[sub.key] = sub
        if loaded.sound:  # checked when it was cached: no need to open every graph again
            self.subtrees, trees = subtrees, list(loaded.trees)
        else:
            self.subtrees = self._walkable(subtrees)
            trees = [t for t in loaded.trees if self._usable(t)]
        self.trees = _winners(trees, lambda t: (t.protocol, t.code), self.tree_versions)
        self._entries_by_code = _by_code(self.entries)
        self._trees_by_code = _by_code(self.trees)
        self.win32: dict[int, Win32Entry] = {w.code: w for w in sorted(loaded.win32, key=lambda w: w.source)}
        self.reasons: dict[str, ReasonEntry] = {
            reason_key(r.reason): r for r in sorted(loaded.reasons, key=lambda r: r.source)
        }

    # -- construction ----------------------------------------------------------------------

    def _usable(self, graph: Graph) -> bool:
        """Keep only graphs whose references all resolve, so no walk can hit a dead end."""
        from wizard.knowledge.references import reference_findings
        from wizard.knowledge.size_limit import size_findings

        problems = reference_findings(self.subtrees, graph) or size_findings(self.subtrees, graph)
        self.findings.extend(problems)
        return not problems

    def _walkable(self, subtrees: dict[str, Subtree]) -> dict[str, Subtree]:
        """Drop broken subtrees, then those that use them, until what is left is sound (only for graphs not
        checked already when the cache was written: hence imported here)."""
        from wizard.knowledge.references import reference_findings
        from wizard.knowledge.size_limit import size_findings

        while True:
            problems = {k: reference_findings(subtrees, s) or size_findings(subtrees, s) for k, s in subtrees.items()}
            broken = {k for k, found in problems.items() if found}
            if not broken:
                return subtrees
            for key in broken:
                self.findings.extend(problems[key])
            subtrees = {k: v for k, v in subtrees.items() if k not in broken}

    @classmethod
    def load(
        cls, extra: Sequence[StrPath] | None = None, *, builtin: bool = True, cache: LoadCache | None = None
    ) -> Library:
        """Built-in trees first, then each extra folder; a `cache` keeps a parsed copy of the built-ins."""
        folders = ([builtin_trees_dir()] if builtin else []) + list(extra or [])
        return cls(load_folders(folders, cache=cache if builtin else None))

    # -- catalog -------------------------------------------------------------------------------

    def entry(self, protocol: str, code: str, version: str | None = None) -> CodeEntry | None:
        """The catalog entry for a code; with a version, the meaning valid for that version."""
        found = self._entries_by_code.get((protocol, code), [])
        if version is not None:
            exact = [e for e in found if version in e.versions]
            if exact:
                return exact[-1]
        return found[-1] if found else None

    def entries_for(self, protocol: str, code: str) -> list[CodeEntry]:
        return list(self._entries_by_code.get((protocol, code), []))

    def protocols_of(self, code: str) -> list[str]:
        return sorted({e.protocol for e in self.entries if e.code == code}, key=["http", "ftp"].index)

    def other_meanings(self, protocol: str, code: str, version: str) -> list[CodeEntry]:
        """Entries of the same code for other IIS versions, when the catalog marks the meaning as changed."""
        here = self.entry(protocol, code, version)
        if here is None or version not in here.versions:
            return []
        return [
            e for e in self.entries_for(protocol, code) if version not in e.versions and (here.changed or e.changed)
        ]

    def win32_entry(self, value: int | str) -> Win32Entry | None:
        try:
            return self.win32.get(win32_key(value))
        except EvidenceError:
            return None

    def reason_entry(self, reason: str) -> ReasonEntry | None:
        try:
            return self.reasons.get(reason_key(reason))
        except EvidenceError:
            return None

    def class_entry(self, protocol: str, klass: str) -> ClassEntry | None:
        return self.classes.get((protocol, klass))

    # -- trees ---------------------------------------------------------------------------------

    def tree_versions(self, tree: Tree) -> frozenset[str]:
        """A tree applies to its own `versions`, else to its code's catalog versions, else all."""
        if tree.versions is not None:
            return tree.versions
        return self._catalog_versions.get((tree.protocol, tree.code), V.ALL)

    def tree(self, protocol: str, code: str, version: str | None = None) -> Tree | None:
        """The tree for a code; with a version, only a tree written for that version."""
        found = self._trees_by_code.get((protocol, code), [])
        if version is not None:
            found = [t for t in found if version in self.tree_versions(t)]
        return found[-1] if found else None

    def walk_versions(self, protocol: str, code: str) -> frozenset[str]:
        """Every IIS version some tree for this code is written for."""
        return frozenset().union(*(self.tree_versions(t) for t in self._trees_by_code.get((protocol, code), [])))

    def graph(self, key: str) -> Graph | None:
        """A tree by `protocol:code` key, or a shared subtree by id."""
        if ":" in key:
            protocol, code = key.split(":", 1)
            return self.tree(protocol, code)
        return self.subtrees.get(key)

    def prefer_version(self, entries: Sequence[T], version: str, entry_of: Callable[[T], CodeEntry]) -> list[T]:
        """One item per code, keeping the one whose entry applies to `version` when there is one."""
        best: dict[tuple[str, str], T] = {}
        for item in entries:
            entry = entry_of(item)
            key = (entry.protocol, entry.code)
            held = best.get(key)
            if held is None or (version in entry.versions and version not in entry_of(held).versions):
                best[key] = item
        return [item for item in entries if best.get((entry_of(item).protocol, entry_of(item).code)) is item]

    def codes(self, protocol: str | None = None) -> list[CodeEntry]:
        """Every catalog entry, ordered by protocol, then numerically by code."""
        chosen = [e for e in self.entries if protocol in (None, e.protocol)]
        return sorted(
            chosen,
            key=lambda e: (["http", "ftp"].index(e.protocol), e.status, e.substatus or -1, V.sort_key(e.versions)),
        )


def _by_code(items: Iterable[E]) -> dict[tuple[str, str], list[E]]:
    """Index entries or trees by (protocol, code), keeping their order."""
    index: dict[tuple[str, str], list[E]] = {}
    for item in items:
        index.setdefault((item.protocol, item.code), []).append(item)
    return index


def _winners(items: Sequence[S], key: Callable[[S], Hashable], versions_of: Callable[[S], frozenset[str]]) -> list[S]:
    """Drop items that a later source overrides (same key, overlapping versions)."""
    groups: dict[Hashable, list[S]] = {}
    for item in sorted(items, key=lambda i: i.source):
        held = groups.setdefault(key(item), [])
        held[:] = [k for k in held if not (k.source < item.source and _overlap(versions_of(k), versions_of(item)))]
        held.append(item)
    kept = {id(i) for group in groups.values() for i in group}
    return [i for i in sorted(items, key=lambda i: i.source) if id(i) in kept]
