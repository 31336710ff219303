"""A parsed copy of the built-in trees in the user's cache folder, keyed by every file's state.

Parsing and checking every YAML file costs about half a second; reading this copy costs a
few milliseconds. The key covers each file's path, size and modification time, the schema
and the package version, so any edit or upgrade simply misses the cache. The copy is JSON
(see `model_codec`): a planted or damaged file can never run code, and one that does not
decode is ignored and rewritten. Each graph's nodes stay as text until a walk first reads
them. Failures to read or write are ignored: the cache only ever saves time.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wizard import __version__
from wizard.knowledge import model_codec
from wizard.knowledge.loader import LoadResult, load_single_graph
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
from wizard.knowledge.record import replace
from wizard.knowledge.references import reference_findings
from wizard.platform.folders import atomic_write, cache_dir

#: Bump when the stored shape changes, so old copies are never read into new code.
FORMAT = 6


def state(folder: Path) -> str:
    """Names the state of `folder`: any edit, added or removed file, or upgrade changes it.

    One pass of os.scandir over the tree files and the schema, so a hit costs little.
    """
    parts = [f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{folder}"]

    def visit(path: str) -> None:
        with os.scandir(path) as found:
            entries = sorted(found, key=lambda e: e.name)
        for entry in entries:
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
    text = "".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"  # a key for staleness, not a secret


class TreeCache:
    """The loader's cache for the built-in folder (see `loader.LoadCache`)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or cache_dir()

    @staticmethod
    def enabled() -> bool:
        return not os.environ.get("IISDOCTOR_NO_CACHE")

    def _file(self, key: str) -> Path:
        return self.folder / f"trees-{key}.json"

    def get(self, source: Path) -> LoadResult | None:
        """The cached load of `source` as it is now, or None (missing, stale or damaged)."""
        try:
            return _decode(self._file(state(source)).read_bytes())
        except (OSError, UnicodeDecodeError, model_codec.CodecError, KeyError, TypeError, ValueError):
            return None

    def put(self, source: Path, result: LoadResult) -> None:
        """Store a clean load of `source`, replacing any older copy."""
        try:
            body = _encode(result)
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.glob("trees-*"):
                old.unlink(missing_ok=True)
            atomic_write(self._file(state(source)), body.encode("utf-8"))
        except (OSError, model_codec.CodecError):
            pass


def _encode(result: LoadResult) -> str:
    """One header line (catalog, graph shells, where each graph's nodes are), then one line of nodes per graph."""
    subtrees = {s.key: s for s in result.subtrees}
    graphs = list(result.trees) + list(result.subtrees)
    sound = not any(reference_findings(subtrees, g) for g in graphs)
    bodies = [model_codec.dumps([dict(g.nodes), tuple(g.examples)]) for g in graphs]
    header = model_codec.dumps(
        {
            "format": FORMAT,
            "files": result.files,
            "sound": sound,
            "catalog": [result.entries, result.classes, result.win32, result.reasons],
            "graphs": [replace(g, nodes={}, examples=()) for g in graphs],
        }
    )
    return "\n".join([header, *bodies]) + "\n"


def _expect(items: Any, kind: type | tuple[type, ...]) -> list[Any]:
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, kind) for i in items):
        raise model_codec.CodecError(f"expected a list of {kind}")
    return list(items)


def _decode(blob: bytes) -> LoadResult:
    end = blob.find(b"\n")
    data = model_codec.loads(blob[:end].decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise model_codec.CodecError("another format")
    entries, classes, win32, reasons = data["catalog"]
    result = LoadResult()
    result.entries = _expect(entries, CodeEntry)
    result.classes = _expect(classes, ClassEntry)
    result.win32 = _expect(win32, Win32Entry)
    result.reasons = _expect(reasons, ReasonEntry)
    graphs = _expect(data["graphs"], (Tree, Subtree))
    # Each graph's nodes stay bytes, not even copied out of the file, until a walk reads them.
    view, bodies, pos = memoryview(blob), [], end + 1
    for _graph in graphs:
        stop = blob.find(b"\n", pos)
        if stop < 0:
            raise model_codec.CodecError("graphs and their nodes do not match")
        bodies.append(view[pos:stop])
        pos = stop + 1
    if pos != len(blob):
        raise model_codec.CodecError("graphs and their nodes do not match")
    for graph, body in zip(graphs, bodies):
        deferred = DeferredGraph(body, _parts, _recovery(graph))
        # the shell was made by the decoder a moment ago and is seen by nobody else yet
        object.__setattr__(graph, "nodes", LazyNodes(deferred))
        object.__setattr__(graph, "examples", LazyExamples(deferred))
        (result.trees if isinstance(graph, Tree) else result.subtrees).append(graph)
    result.files = int(data["files"])
    result.sound = data["sound"] is True
    return result


def _parts(body: bytes | memoryview) -> GraphParts:
    parts = model_codec.loads(str(body, "utf-8"))
    if not isinstance(parts, list) or len(parts) != 2:
        raise model_codec.CodecError("expected a graph's nodes and examples")
    nodes, examples = parts
    if not isinstance(nodes, dict) or not all(getattr(n, "id", None) == k for k, n in nodes.items()):
        raise model_codec.CodecError("expected a graph's nodes")
    return nodes, _expect(examples, Example)


def _recovery(graph: Graph) -> Callable[[], GraphParts]:
    """Read the graph's own YAML file again, for when its cached nodes do not decode."""

    def recover() -> GraphParts:
        fresh = load_single_graph(Path(graph.where.file), graph.key, graph.source)
        return (fresh.nodes, fresh.examples) if fresh is not None else ({}, ())

    return recover
