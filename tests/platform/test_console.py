"""Output in a legacy code page: look-alikes, never a traceback, and Norwegian stays readable."""

from __future__ import annotations

import pytest

from wizard.platform.console import plain

TEXT = "Kjøretilgang på mappen — “Ingen” → 403.1"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("cp1252", "Kjøretilgang på mappen — “Ingen” -> 403.1"),  # the Windows ANSI page lacks only the arrow
        ("cp865", 'Kjøretilgang på mappen - "Ingen" -> 403.1'),  # the Nordic OEM page has every letter
        ("cp437", 'Kjöretilgang på mappen - "Ingen" -> 403.1'),  # the US OEM page lacks ø: the nearest letter
        ("ascii", 'Kjoeretilgang paa mappen - "Ingen" -> 403.1'),  # none of them: how Norwegians spell without
    ],
)
def test_norwegian_letters_fall_back_to_what_the_code_page_has(encoding, expected):
    assert plain(TEXT, encoding) == expected
