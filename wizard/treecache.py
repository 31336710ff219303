"""A parsed copy of the built-in trees in the user's cache folder, keyed by every file's state.

Parsing and checking every YAML file costs a few hundred milliseconds; unpickling the result
costs a few. The key covers each file's path, size and modification time, the schema, the
package version and the working folder (paths in findings are relative to it), so any edit
or upgrade simply misses the cache. Failures to read or write are ignored: the cache only
ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from wizard import __version__

#: Bump when the pickled model changes shape, so old copies are never unpickled into new code.
FORMAT = 2


def _folder() -> Path:
    override = os.environ.get("IISDOCTOR_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("iisdoctor", appauthor=False))


def _key(folder: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{os.getcwd()}|{folder}".encode())
    for path in files + [folder / "schema.json"]:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"|{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def get(folder: Path, files: list[Path]):
    if os.environ.get("IISDOCTOR_NO_CACHE"):
        return None
    try:
        with open(_folder() / f"trees-{_key(folder, files)}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a missing, partial or stale file: parse the YAML instead
        return None


def put(folder: Path, files: list[Path], result) -> None:
    if os.environ.get("IISDOCTOR_NO_CACHE"):
        return
    target = _folder()
    try:
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("trees-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target / f"trees-{_key(folder, files)}.pickle")
    except OSError:
        pass
