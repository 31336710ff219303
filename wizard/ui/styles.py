"""Screen styles live in `.tcss` files beside each screen; this hands them to Textual.

They are given as the screen's DEFAULT_CSS rather than CSS_PATH: for a CSS_PATH, Textual
re-parses every stylesheet the app has (its own, each widget's) the first time the screen is
pushed, which was a fifth of the time to the first question. Default CSS is parsed once, on
its own, when the screen is first used. The rules are scoped to the screen.
"""

from __future__ import annotations

from pathlib import Path


def beside(module_file: str, name: str) -> str:
    """The text of the `.tcss` file `name` in the folder of `module_file`."""
    return Path(module_file).with_name(name).read_text(encoding="utf-8")
