"""Every built-in text has its bokmål, so `--lang nb` never falls back to English mid-walk."""

from __future__ import annotations

from wizard.knowledge.library import Library
from wizard.validation.translations import missing


def test_every_builtin_text_field_has_norwegian() -> None:
    found = missing(Library.load(cache=None).loaded, "nb")
    assert found == [], f"{len(found)} text fields lack nb, first:\n" + "\n".join(map(str, found[:20]))
