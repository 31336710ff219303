"""A parsed copy of the built-in trees in the user's cache folder, keyed by every file's state.

Parsing and checking every YAML file costs a few hundred milliseconds; unpickling the result
costs a few. The key covers each file's path, size and modification time, the schema and the
package version, so any edit or upgrade simply misses the cache. Paths in the model are
absolute, so one copy serves every working folder. Failures to read or write are ignored:
the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from wizard import __version__

#: Bump when the pickled model changes shape, so old copies are never unpickled into new code.
FORMAT = 4


def _folder() -> Path:
    from wizard.userdirs import cache_dir

    return cache_dir()


def yaml_files(folder: Path) -> list[Path]:
    """Every .yaml/.yml file below `folder`, in a stable order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml")))
    return found


def state(folder: Path) -> str:
    """Names the state of `folder`: any edit, added or removed file, or upgrade changes it.

    One pass of os.scandir over the tree files and the schema: `--code` computes this before
    its first paint, so it avoids building a Path per file.
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
    return hashlib.sha256("".join(parts).encode()).hexdigest()[:32]


def enabled() -> bool:
    return not os.environ.get("IISDOCTOR_NO_CACHE")


def get(state: str):
    """The cached load for a folder in state `state` (see `key`), or None."""
    try:
        with open(_folder() / f"trees-{state}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a missing, partial or stale file: parse the YAML instead
        return None


def put(state: str, result) -> None:
    """Store a clean load; each graph's nodes and examples are packed so a hit unpickles only shells."""
    from wizard.userdirs import atomic_write

    target = _folder()
    try:
        packed = _packed(result)
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("trees-*.pickle"):
            old.unlink(missing_ok=True)
        atomic_write(target / f"trees-{state}.pickle",
                     pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


def _packed(result):
    """A copy of `result` whose graphs keep nodes and examples pickled until first used.

    It is marked `sound` when every reference resolves, so the library can skip re-checking
    (and so unpacking) every graph when it loads the copy.
    """
    from dataclasses import replace

    from wizard.loader import LoadResult
    from wizard.model import PackedExamples, PackedNodes
    from wizard.references import reference_findings

    subtrees = {s.key: s for s in result.subtrees}
    sound = not any(reference_findings(subtrees, g) for g in list(result.trees) + list(result.subtrees))

    def pack(graph):
        return replace(graph,
                       nodes=PackedNodes(blob=pickle.dumps(dict(graph.nodes), protocol=pickle.HIGHEST_PROTOCOL)),
                       examples=PackedExamples(blob=pickle.dumps(tuple(graph.examples),
                                                                 protocol=pickle.HIGHEST_PROTOCOL)))

    copy = LoadResult()
    copy.merge(result)
    copy.trees = [pack(t) for t in result.trees]
    copy.subtrees = [pack(s) for s in result.subtrees]
    copy.sound = sound
    return copy
