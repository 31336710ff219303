"""Choices remembered between runs (the IIS version and the language), in the user's config folder.

A missing or unreadable settings file is not an error: the defaults apply and the next save
writes a good file.
"""

from __future__ import annotations

import json
import os

from wizard.knowledge import versions as V
from wizard.platform.folders import atomic_write, config_dir

DEFAULT_VERSION = "10.0"


def _path() -> str:
    return os.path.join(config_dir(), "settings.json")


def _read() -> dict:
    try:
        with open(_path(), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def iis_version() -> str:
    """The IIS version chosen last time, or IIS 10 when nothing (valid) was saved."""
    saved = _read().get("iis_version")
    known = V.normalize(saved) if isinstance(saved, str) else None
    return known or DEFAULT_VERSION


def remember_version(version: str) -> None:
    _remember("iis_version", version)


def language() -> str | None:
    """The language chosen in the wizard last time, or None when none was chosen."""
    saved = _read().get("language")
    return saved if isinstance(saved, str) else None


def remember_language(lang: str) -> None:
    _remember("language", lang)


def _remember(key: str, value: str) -> None:
    data = _read()
    if data.get(key) == value:
        return
    data[key] = value
    try:
        atomic_write(_path(), json.dumps(data, indent=2).encode("utf-8"))
    except OSError:
        pass  # a read-only home folder must not stop the walk
