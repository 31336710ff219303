"""Where the built-in trees live, in a source checkout and in an installed wheel.

Given as text (see `platform.folders` on why not pathlib); `Path()` it where more is needed.
"""

from __future__ import annotations

import os

_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the `wizard` package


def builtin_trees_dir() -> str:
    """The folder of built-in trees.

    A wheel carries them inside the package (`wizard/decision_trees`); a source checkout or an
    editable install keeps them at the top of the repository.
    """
    packaged = os.path.join(_PACKAGE, "decision_trees")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(_PACKAGE), "decision_trees")


def schema_path() -> str:
    return os.path.join(builtin_trees_dir(), "schema.json")
