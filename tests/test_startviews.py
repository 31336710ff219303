"""The start-up index: it must hold exactly what the wizard would open, and never outlive the trees."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURE_TREES
from wizard import startviews, walkplan
from wizard.library import Library
from wizard.walkview import question_view


def opened_view(library: Library, text: str, protocol: str | None, version: str):
    opening = walkplan.open_query(library, text, protocol, version)
    return question_view(opening.session, library, version)


@pytest.mark.parametrize("text,protocol,version", [
    ("403.1", None, "6.0"),
    ("HTTP 403-1", None, "5.0"),  # typed another way, same walk; IIS 5.0 offers fewer answers
    ("403.1", "http", "10.0"),  # a 5/6-only code on IIS 10: the notice says so
    ("550", None, "6.0"),
    ("ftp 550", None, "6.0"),
    ("500", "http", "6.0"),
])
def test_loading_through_the_cache_writes_the_view_the_wizard_opens(builtin_copy, text, protocol, version):
    library = Library.load(cache=True)
    view = startviews.find(text, protocol, version)
    assert view is not None
    assert view == opened_view(library, text, protocol, version)


def test_views_differ_by_version(builtin_copy):
    Library.load(cache=True)
    assert startviews.find("403.1", None, "6.0").answers[-1] == "An ISAPI extension"
    assert "An ISAPI extension" not in startviews.find("403.1", None, "5.0").answers
    assert "IIS 10.0 does not use 403.1" in startviews.find("403.1", None, "10.0").notice


@pytest.mark.parametrize("text,protocol", [
    ("500", None),  # HTTP and FTP both have 500: the wizard asks which
    ("403.99", None),  # not a known sub-status: the wizard says so beside the walk
    ("401 1 1326", None),  # evidence needs the engine
    ("Forbidden", None),  # not a code
    ("ftp 500", None),  # known code without a walk
])
def test_what_needs_a_remark_or_the_engine_is_not_indexed(builtin_copy, text, protocol):
    Library.load(cache=True)
    assert startviews.find(text, protocol, "6.0") is None


def test_an_edited_tree_misses_the_index_until_the_next_load_rewrites_it(builtin_copy):
    Library.load(cache=True)
    assert startviews.find("403.1", None, "6.0").question == "What kind of file does the URL point to?"
    tree = builtin_copy / "http" / "403.1.yaml"
    tree.write_text(tree.read_text(encoding="utf-8").replace(
        "What kind of file does the URL point to?", "Which file type fails?"), encoding="utf-8")
    assert startviews.find("403.1", None, "6.0") is None  # stale: the ordinary path runs
    Library.load(cache=True)
    assert startviews.find("403.1", None, "6.0").question == "Which file type fails?"
    assert len(list((builtin_copy.parent / "cache").glob("start-*.pickle"))) == 1  # the old one is gone


def test_site_trees_and_a_disabled_cache_write_no_index(builtin_copy, monkeypatch, write_tree):
    site = write_tree("http/403.1.yaml", (FIXTURE_TREES / "http" / "403.1.yaml").read_text(encoding="utf-8"))
    Library.load([site], cache=True)
    assert startviews.find("403.1", None, "6.0") is None  # a site tree may override what it would show
    monkeypatch.setenv("IISDOCTOR_NO_CACHE", "1")
    Library.load(cache=True)
    assert startviews.find("403.1", None, "6.0") is None


def test_a_damaged_index_is_ignored(builtin_copy):
    Library.load(cache=True)
    index = next((builtin_copy.parent / "cache").glob("start-*.pickle"))
    index.write_bytes(index.read_bytes()[:40])
    assert startviews.find("403.1", None, "6.0") is None
