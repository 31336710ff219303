"""Every built-in text has its bokmål, so `--lang nb` never falls back to English mid-walk."""

from __future__ import annotations

import pytest

from wizard.find.text_match import find
from wizard.knowledge.library import Library
from wizard.validation.translations import missing


def test_every_builtin_text_field_has_norwegian() -> None:
    found = missing(Library.load(cache=None).loaded, "nb")
    assert found == [], f"{len(found)} text fields lack nb, first:\n" + "\n".join(map(str, found[:20]))


@pytest.mark.parametrize(
    ("text", "protocol", "code"),
    [
        ("Pålogging mislyktes", "http", "401.1"),  # the article's own title
        ("Mappevisning avslått", "http", "403.14"),
        ("HTTP-feil 404.3 - Ikke funnet", "http", "404.3"),  # a Norwegian IIS error page heading
        ("HTTP-feil 500.19 - Intern serverfeil", "http", "500.19"),
        ("kunden får forbudt når de åpner nettstedet, mappevisning er avslått", "http", "403.14"),
        ("Klientsertifikatet er tilbakekalt", "http", "403.13"),
    ],
)
def test_find_understands_norwegian(builtin: Library, text: str, protocol: str, code: str) -> None:
    found = find(builtin, text, version="10.0" if "." in code and code != "401.1" else "6.0")
    top = [(c.entry.protocol, c.entry.code) for c in found.candidates[:2]]
    assert (protocol, code) in top, f"{text!r} ranked {top}"
