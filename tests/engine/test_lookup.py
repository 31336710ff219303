"""Reading codes the way people type them, and what happens when a code is not known."""

from __future__ import annotations

import pytest

from wizard.engine import lookup as codes


@pytest.mark.parametrize(
    "text, protocol, code",
    [
        ("403.14", None, "403.14"),
        ("403-14", None, "403.14"),
        ("HTTP 403.14", "http", "403.14"),
        ("http/403.14", "http", "403.14"),
        ("http:403.14", "http", "403.14"),
        ("ftp 530", "ftp", "530"),
        ("FTP530", "ftp", "530"),
        ("550", None, "550"),
        ("500-100", None, "500.100"),
        ("500-100.asp", None, "500.100"),
        ("  https 404.0 ", "http", "404.0"),
    ],
)
def test_parse_accepts_what_users_type(text, protocol, code):
    query = codes.parse(text)
    assert (query.protocol, query.code) == (protocol, code)


@pytest.mark.parametrize("text", ["", "forbidden", "4033", "403.1234", "700", "ftp"])
def test_parse_refuses_non_codes(text):
    assert codes.parse(text) is None


def test_lookup_exact_and_by_protocol(library):
    assert codes.lookup(library, "HTTP 403-1").entry.code == "403.1"
    assert codes.lookup(library, "550").entry.protocol == "ftp"


def test_unknown_substatus_falls_back_to_parent(library):
    found = codes.lookup(library, "403.99")
    assert found.entry.code == "403"
    assert found.notice == "HTTP 403.99 is not a known sub-status; showing HTTP 403 instead"


def test_code_in_both_protocols_asks(library):
    found = codes.lookup(library, "500")
    assert found.ambiguous and [e.protocol for e in found.choices] == ["http", "ftp"]
    assert codes.lookup(library, "500", protocol="ftp").entry.title["en"] == "Syntax error"
    assert codes.lookup(library, "ftp 500").entry.protocol == "ftp"


def test_unknown_code_gives_class_guidance_and_nearest(library):
    found = codes.lookup(library, "418")
    assert found.entry is None
    assert found.class_entry.title["en"] == "Client error"
    assert [e.code for e in found.nearest][:2] == ["404.2", "403"]
    assert found.notice.startswith("HTTP 418 is not a known code; closest known: 404.2, 403")


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("4xx", ["403", "403.1", "403.14", "404.2"]),
        ("40x", ["403", "403.1", "403.14", "404.2"]),
        ("403", ["403", "403.1", "403.14"]),
        ("403.*", ["403.1", "403.14"]),
        ("403.14", ["403.14"]),
        ("execute", ["403.1"]),
        ("ftp 5xx", ["500", "550"]),
    ],
)
def test_list_patterns(library, pattern, expected):
    assert [e.code for e in library.codes() if codes.matches_pattern(e, pattern)] == expected
