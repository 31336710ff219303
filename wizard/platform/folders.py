"""The user's own folders (data, config, cache), chosen the platform's way, and safe writes.

Each can be redirected with an environment variable (IISDOCTOR_DATA_DIR, IISDOCTOR_CONFIG_DIR,
IISDOCTOR_CACHE_DIR): tests use that, and so can anyone who wants cases on a shared drive.
Folders are given as text, joined with os.path: importing pathlib costs about 4 ms of a plain
start, and `explain` needs no more than a file name here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

_APP = "iisdoctor"


def _dir(env: str, kind: str) -> str:
    override = os.environ.get(env)
    if override:
        return override
    return _platform_dir(kind, sys.platform, os.environ, os.path.expanduser("~"))


def _platform_dir(kind: str, platform: str, environ: Mapping[str, str], home: str) -> str:
    """The folder the platform's conventions give an app's data, config or cache.

    The same folders platformdirs chose for earlier versions (so saved cases stay where they
    were), written out here: importing platformdirs (with tempfile, shutil and random) took
    about 8 ms of every `explain`.
    """
    join = os.path.join
    if platform == "win32":
        base = join(environ.get("LOCALAPPDATA") or join(home, "AppData", "Local"), _APP)
        return join(base, "Cache") if kind == "cache" else base
    if platform == "darwin":
        if kind == "cache":
            return join(home, "Library", "Caches", _APP)
        return join(home, "Library", "Application Support", _APP)
    variable, fallback = _XDG[kind]
    chosen = (environ.get(variable) or "").strip()
    return join(chosen or join(home, fallback), _APP)


_XDG = {
    "data": ("XDG_DATA_HOME", ".local/share"),
    "config": ("XDG_CONFIG_HOME", ".config"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
}


def data_dir() -> str:
    return _dir("IISDOCTOR_DATA_DIR", "data")


def config_dir() -> str:
    return _dir("IISDOCTOR_CONFIG_DIR", "config")


def cache_dir() -> str:
    return _dir("IISDOCTOR_CACHE_DIR", "cache")


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    A crash or a killed terminal leaves either the old file or the new one, never half of one.
    """
    import tempfile  # only writers pay for it

    folder, name = os.path.split(os.fspath(path))
    os.makedirs(folder or ".", exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
