"""Where the built-in trees live, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the `wizard` package


def builtin_trees_dir() -> Path:
    """The folder of built-in trees.

    A wheel carries them inside the package (`wizard/decision_trees`); a source checkout or an
    editable install keeps them at the top of the repository.
    """
    packaged = _PACKAGE / "decision_trees"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "decision_trees"


def schema_path() -> Path:
    return builtin_trees_dir() / "schema.json"
