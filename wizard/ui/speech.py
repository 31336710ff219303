"""The wizard speaks the run's language, and can switch it while running.

Textual copies a class's BINDINGS into each screen when it is created, and the footer shows
their descriptions. Bindings are written in English (the catalog key) and translated here,
per instance, so a screen made after the person switches language shows the new one.
This is the one place that touches Textual's private `_bindings` map; the Pilot tests in
tests/ui/test_language.py read the footer, so a Textual upgrade that changes it fails there.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode

from wizard.language.messages import _, pgettext


def translate_bindings(node: DOMNode) -> None:
    """Put the node's binding descriptions (and tooltips) in the run's language."""
    english = getattr(node, "_english_bindings", None)
    if english is None:  # the first time: keep the originals (the app adds some of its own at start)
        english = node._bindings.copy()
        node._english_bindings = english  # type: ignore[attr-defined]
    fresh = english.copy()  # always from the English originals, so switching twice is safe
    for key, bindings in fresh.key_to_bindings.items():
        fresh.key_to_bindings[key] = [_translated(b) for b in bindings]
    node._bindings = fresh


KEY_CONTEXT = "key"
"""Catalog context of a key's label where the same English word means something else elsewhere
(`NC_("key", "Note")`: the key that adds a note, not the catalog's remark)."""


def key_label(description: str) -> str:
    """A binding's description in the run's language."""
    keyed = pgettext(KEY_CONTEXT, description)
    return keyed if keyed != description else _(description)


def _translated(binding: Binding) -> Binding:
    return replace(
        binding,
        description=key_label(binding.description),
        tooltip=_(binding.tooltip),
    )


class Speaks:
    """Mixed into every screen and the app: its footer keys speak the run's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)  # type: ignore[arg-type]
