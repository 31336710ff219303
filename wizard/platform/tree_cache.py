"""A parsed copy of the built-in trees in the user's cache folder, keyed by every file's state.

Parsing and checking every YAML file costs about half a second; reading this copy costs a
few milliseconds. The key covers each file's path, size and modification time, the schema
and the package version, so any edit or upgrade simply misses the cache. The copy is JSON
(see `model_codec`): a planted or damaged file can never run code, and one whose header does
not decode is ignored and rewritten. Only what finding a code needs is decoded at once (codes,
versions, graph names); the text of each entry and each graph's nodes stay as text until first
read, and a damaged one of those is read again from its YAML file. Failures to read or write
are ignored: the cache only ever saves time.
"""

from __future__ import annotations

import os
import sys
import zlib
from functools import partial

from wizard import __version__
from wizard.knowledge import model_codec
from wizard.knowledge.findings import Where
from wizard.knowledge.loader import LoadResult, load_one
from wizard.knowledge.model import (
    ClassEntry,
    CodeEntry,
    DeferredGraph,
    Example,
    Graph,
    GraphParts,
    LazyExamples,
    LazyNodes,
    ReasonEntry,
    Subtree,
    Tree,
    Win32Entry,
)
from wizard.knowledge.record import deferred, fields
from wizard.platform.folders import atomic_write, cache_dir

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from typing import Any

    from wizard.knowledge.loader import StrPath

#: Bump when the stored shape changes, so old copies are never read into new code.
FORMAT = 7


def state(folder: StrPath) -> str:
    """Names the state of `folder`: any edit, added or removed file, or upgrade changes it.

    One pass of os.scandir over the tree files and the schema, so a hit costs little.
    """
    parts: list[str] = []

    def visit(path: str) -> None:
        with os.scandir(path) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        visit(entry.path)
                elif entry.name.endswith((".yaml", ".yml")) or entry.name == "schema.json":
                    try:
                        stat = entry.stat()
                    except OSError:
                        continue
                    parts.append(f"|{entry.path}|{stat.st_size}|{stat.st_mtime_ns}")

    try:
        visit(os.fspath(folder))
    except OSError:
        pass
    parts.sort()  # the order the folder lists its files in is not fixed
    parts.insert(0, f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{folder}")
    text = "".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"  # a key for staleness, not a secret


class TreeCache:
    """The loader's cache for the built-in folder (see `loader.LoadCache`)."""

    def __init__(self, folder: StrPath | None = None):
        self.folder = os.fspath(folder) if folder else cache_dir()

    @staticmethod
    def enabled() -> bool:
        return not os.environ.get("IISDOCTOR_NO_CACHE")

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, f"trees-{key}.json")

    def get(self, source: StrPath) -> LoadResult | None:
        """The cached load of `source` as it is now, or None (missing, stale or damaged)."""
        try:
            path = self._file(state(source))
            with open(path, "rb") as handle:
                header = handle.readline()
                size = os.fstat(handle.fileno()).st_size - len(header)
            return _decode(header, _Lines(path, len(header), size))
        except (OSError, UnicodeDecodeError, model_codec.CodecError, LookupError, TypeError, ValueError):
            return None

    def put(self, source: StrPath, result: LoadResult) -> None:
        """Store a clean load of `source`, replacing any older copy."""
        try:
            body = _encode(result)
            os.makedirs(self.folder, exist_ok=True)
            for old in os.listdir(self.folder):
                if old.startswith("trees-"):
                    try:
                        os.unlink(os.path.join(self.folder, old))
                    except OSError:  # gone already, or (Windows) open in another iisdoctor: left for later
                        pass
            atomic_write(self._file(state(source)), body.encode("utf-8"))
        except (OSError, model_codec.CodecError):
            pass


#: What each kind of object carries in the header: what building the library and finding a code need.
#: The rest of each (its text, where it was written) is a line of its own, decoded when first read.
_KEPT: dict[type, tuple[str, ...]] = {
    CodeEntry: ("protocol", "code", "versions", "component", "source", "changed"),
    Win32Entry: ("code", "name", "source"),
    ReasonEntry: ("reason", "status", "source"),
    Tree: ("key", "start", "source", "protocol", "code", "versions"),
    Subtree: ("key", "start", "source"),
}
_KINDS = {cls.__name__: cls for cls in _KEPT}
_GRAPH_PARTS = ("nodes", "examples")
#: The fields of each kind that its own line holds, in order.
_REST = {
    cls: tuple(name for name, _ in fields(cls) if name not in kept and name not in _GRAPH_PARTS)
    for cls, kept in _KEPT.items()
}
_CHECK_REST = {cls: model_codec.checker(cls, rest) for cls, rest in _REST.items()}


def _encode(result: LoadResult) -> str:
    """One header line, then the lines: the rest of each object, and each graph's nodes. The header holds
    the catalog's classes and, per kind of object, columns: each kept field, the index of its file in
    `paths`, and where its lines start and end."""
    from wizard.knowledge.references import reference_findings

    subtrees = {s.key: s for s in result.subtrees}
    sound = not any(reference_findings(subtrees, g) for g in [*result.trees, *result.subtrees])
    paths: dict[str, int] = {}
    lines: list[str] = []
    at = 0

    def line(text: str) -> list[int]:
        nonlocal at
        lines.append(text)
        start, at = at, at + len(text.encode("utf-8")) + 1
        return [start, at - 1]

    table: dict[str, list[list[Any]]] = {}
    objects: list[CodeEntry | Win32Entry | ReasonEntry | Tree | Subtree] = [
        *result.entries,
        *result.win32,
        *result.reasons,
        *result.trees,
        *result.subtrees,
    ]
    for obj in objects:
        cls = type(obj)
        kept = [_plain(getattr(obj, name)) for name in _KEPT[cls]]
        spans = line(model_codec.dumps([getattr(obj, name) for name in _REST[cls]]))
        if isinstance(obj, Graph):
            spans += line(model_codec.dumps([dict(obj.nodes), tuple(obj.examples)]))
        row = [*kept, paths.setdefault(obj.where.file, len(paths)), *spans]
        columns = table.setdefault(cls.__name__, [[] for _ in row])
        for column, value in zip(columns, row):
            column.append(value)
    header = model_codec.dumps(
        {
            "format": FORMAT,
            "files": result.files,
            "sound": sound,
            "classes": result.classes,
            "paths": list(paths),
            "objects": table,
            "size": at,
        }
    )
    return "\n".join([header, *lines]) + "\n"


def _plain(value: Any) -> Any:
    """A kept field as plain JSON: a set of versions as a sorted list."""
    return sorted(value) if isinstance(value, frozenset) else value


def _expect(items: Any, kind: type | tuple[type, ...]) -> list[Any]:
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, kind) for i in items):
        raise model_codec.CodecError(f"expected a list of {kind}")
    return list(items)


class _Lines:
    """The cache file's lines after its header, read when first wanted: one small read for each while few
    are (explain reads a handful of the thousand), all of them at once when many are."""

    FEW = 32

    def __init__(self, path: str, base: int, size: int) -> None:
        self.path, self.base, self.size = path, base, size
        self.reads = 0
        self.data: bytes | None = None

    def get(self, start: int, stop: int) -> bytes:
        """Bytes `start` to `stop` of the lines; OSError when the file went away (the caller recovers)."""
        if self.data is None and self.reads >= self.FEW:
            with open(self.path, "rb") as handle:
                handle.seek(self.base)
                data = handle.read()
            if len(data) != self.size:
                raise OSError(f"{self.path} changed while in use")
            self.data = data
        if self.data is not None:
            return self.data[start:stop]
        self.reads += 1
        with open(self.path, "rb") as handle:
            handle.seek(self.base + start)
            return handle.read(max(0, stop - start))


def _decode(header: bytes, lines: _Lines) -> LoadResult:
    data = model_codec.loads(header.decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise model_codec.CodecError("another format")
    result = LoadResult()
    result.classes = _expect(data["classes"], ClassEntry)
    paths = _expect(data["paths"], str)
    table = data["objects"]
    if lines.size != data["size"] or not isinstance(table, dict) or not set(table) <= set(_KINDS):
        raise model_codec.CodecError("cut short, grown, or of kinds it does not know")
    into: dict[type, list[Any]] = {
        CodeEntry: result.entries,
        Win32Entry: result.win32,
        ReasonEntry: result.reasons,
        Tree: result.trees,
        Subtree: result.subtrees,
    }
    for kind, columns in table.items():
        cls = _KINDS[kind]
        names = _KEPT[cls]
        graph = cls is Tree or cls is Subtree
        if type(columns) is not list or len(columns) != len(names) + (5 if graph else 3):
            raise model_codec.CodecError(f"expected the columns of {kind}")
        places = columns[len(names) :]
        if not all(set(map(type, c)) <= {int} and len(c) == len(columns[0]) for c in places):
            raise model_codec.CodecError("expected files and lines as numbers")
        if places[0] and not 0 <= min(places[0]) <= max(places[0]) < len(paths):
            raise model_codec.CodecError("a file that is not in the list")
        values = model_codec.checked_columns(cls, names, columns[: len(names)])
        # Where a line is, is not checked further: a line that is not there or does not decode is read again
        # from the YAML file when it is first needed.
        for kept, (file_at, start, stop, *body) in zip(zip(*values), zip(*places)):
            known = dict(zip(names, kept))
            rest = partial(_graph_rest if graph else _rest, cls, lines, start, stop, paths[file_at], known, *body)
            into[cls].append(deferred(cls, known, rest))
    result.files = int(data["files"])
    result.sound = data["sound"] is True
    return result


def _rest(cls: type, lines: _Lines, start: int, stop: int, file: str, known: dict[str, Any]) -> dict[str, Any]:
    """The other fields of a cached object, from its own line; from its YAML file when the line is damaged."""
    try:
        return _CHECK_REST[cls](model_codec.loads(str(lines.get(start, stop), "utf-8")))
    except (OSError, model_codec.CodecError, UnicodeDecodeError):
        again = load_one(file, known["source"])
        pool: list[Any] = [*again.entries, *again.win32, *again.reasons, *again.trees, *again.subtrees]
        for fresh in (obj for obj in pool if type(obj) is cls):
            if all(getattr(fresh, name) == known[name] for name in _KEPT[cls]):
                return {name: getattr(fresh, name) for name in _REST[cls]}
        # the file no longer has it (edited since the cache was read): empty text rather than a crash
        return {name: Where(file) if name.endswith("where") else {} for name in _REST[cls]}


def _graph_rest(
    cls: type, lines: _Lines, start: int, stop: int, file: str, known: dict[str, Any], first: int, last: int
) -> dict[str, Any]:
    """A graph's other fields, and its nodes and examples as lazy views that decode them when first read."""
    found = _rest(cls, lines, start, stop, file, known)
    graph = DeferredGraph(partial(_parts, lines, first, last), partial(_graph_again, file, known))
    found["nodes"], found["examples"] = LazyNodes(graph), LazyExamples(graph)
    return found


def _parts(lines: _Lines, start: int, stop: int) -> GraphParts:
    parts = model_codec.loads(str(lines.get(start, stop), "utf-8"))
    if not isinstance(parts, list) or len(parts) != 2:
        raise model_codec.CodecError("expected a graph's nodes and examples")
    nodes, examples = parts
    if not isinstance(nodes, dict) or not all(getattr(n, "id", None) == k for k, n in nodes.items()):
        raise model_codec.CodecError("expected a graph's nodes")
    return nodes, _expect(examples, Example)


def _graph_again(file: str, known: dict[str, Any]) -> GraphParts:
    """Read a graph's own YAML file again, for when its cached nodes do not decode."""
    again = load_one(file, known["source"])
    fresh = next((g for g in [*again.trees, *again.subtrees] if g.key == known["key"]), None)
    return (fresh.nodes, fresh.examples) if fresh is not None else ({}, ())
