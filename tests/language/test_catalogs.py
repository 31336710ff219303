"""Every interface string has its bokmål, and the compiled catalog is the one the .po files make."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from wizard.language import messages

ROOT = Path(__file__).resolve().parents[2]


def _catalog_tool():
    spec = importlib.util.spec_from_file_location("catalog_tool", ROOT / "scripts" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_every_interface_string_has_norwegian_and_the_mo_is_current():
    problems = _catalog_tool().problems("nb")
    assert problems == [], "\n".join(problems[:30])


def test_the_catalog_translates_and_falls_back():
    messages.use("nb")
    assert messages._("Resolved") == "Løst"
    assert messages.ngettext("{n} file(s)", "{n} file(s)", 2).format(n=2) != "2 file(s)"
    assert messages._("a sentence nobody wrote down") == "a sentence nobody wrote down"
    messages.use("en")
    assert messages._("Resolved") == "Resolved"


def test_speaking_switches_for_a_while_and_back():
    messages.use("en")
    with messages.speaking("nb"):
        assert messages.current() == "nb"
        assert messages._("Open") == "Åpen"
    assert messages.current() == "en"
    messages.use("xx")  # unknown: English
    assert messages.current() == "en"


def test_an_empty_text_stays_empty():
    """The empty text is the catalog header's key in gettext: translating it must not print the header."""
    messages.use("nb")
    assert messages._("") == ""
