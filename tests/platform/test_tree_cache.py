"""The parsed-trees cache: reused while nothing changes, never trusted beyond what it can prove."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wizard.engine.session import Session
from wizard.knowledge.findings import Finding
from wizard.knowledge.library import Library
from wizard.platform.tree_cache import TreeCache


def load() -> Library:
    return Library.load(cache=TreeCache())


def cache_file() -> str:
    (path,) = Path(TreeCache().folder).glob("trees-*.json")
    return str(path)


def test_cache_reuses_a_clean_load_and_misses_after_an_edit(builtin_copy):
    trees = builtin_copy
    first = load()
    assert first.tree("http", "403.1") is not None
    second = load()
    assert not first.loaded.sound and second.loaded.sound  # the cached copy was checked once, when stored
    cached = second.tree("http", "403.1")
    assert type(cached.nodes).__name__ == "LazyNodes" and cached == first.tree("http", "403.1")
    assert dict(cached.nodes) == dict(first.tree("http", "403.1").nodes)
    assert list(cached.examples) == list(first.tree("http", "403.1").examples)
    assert Session.start(second, "http", "403.1", "6.0").choose(0).outcome.id == "exec-none"
    with_site = Library.load([trees], cache=TreeCache())  # a site folder on top: everything is checked again
    assert not with_site.loaded.sound and with_site.tree("http", "403.1") is not None
    catalog = trees / "catalog.yaml"
    catalog.write_text(catalog.read_text().replace("Something failed on the server.", "Something broke."))
    third = load()
    assert third.entry("http", "500").meaning["en"] == "Something broke."


def test_cached_trees_serve_any_working_folder_and_show_paths_from_there(builtin_copy, tmp_path, monkeypatch):
    """Admins start iisdoctor from anywhere: a new folder must not mean parsing every tree again."""
    monkeypatch.chdir(tmp_path)
    load()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    again = load()
    assert again.loaded.sound  # a hit, though the folder changed
    where = again.tree("http", "403.1").where
    assert os.path.isabs(where.file)
    assert str(Finding(where, "x")) == os.path.join("..", "builtin", "http", "403.1.yaml") + ":1:1: x"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "",  # empty
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: json.dumps({"format": 5, "catalog": 1}),  # the wrong shape
        lambda text: '{"!": "Tree", "f": [1, 2]}\n',  # a model object of the wrong arity
        lambda text: text.replace('"CodeEntry":', '"Nope":', 1),  # a class it does not know
        lambda text: text.replace('"CodeEntry":[["', '"CodeEntry":[[7,"', 1),  # wrong field type
        lambda text: text.replace('"CodeEntry":[', '"CodeEntry":[[],', 1),  # a column too many
        lambda text: text.replace('"!":"ClassEntry"', '"!":"Nope"', 1),  # a whole object of a class it does not know
        lambda text: text.replace('"size":', '"size":1', 1),  # lines added or lost after the header
        lambda text: text.replace('"Subtree":[', '"Subtree":[[],', 1),  # a graph with a column too many
        lambda text: b"\x80\x81 not text",  # not UTF-8
    ],
)
def test_a_damaged_or_planted_cache_is_ignored_and_rebuilt(builtin_copy, damage):
    good = load().tree("http", "403.1")
    path = cache_file()
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    damaged = damage(text)
    with open(path, "wb") as handle:
        handle.write(damaged if isinstance(damaged, bytes) else damaged.encode("utf-8"))
    again = load()
    assert not again.loaded.sound  # not a hit: parsed from the YAML again
    assert again.tree("http", "403.1") == good
    assert load().loaded.sound  # and the rewritten copy is good again


def _damage_line(kind: str, pick, part: int) -> None:
    """Overwrite one object's line (part 0: its other fields, 1: a graph's nodes) with bytes that are not JSON."""
    path = cache_file()
    with open(path, "rb") as handle:
        header, _, body = handle.read().partition(b"\n")
    columns = json.loads(header)["objects"][kind]
    kept = len(columns) - (5 if kind in ("Tree", "Subtree") else 3)
    at = next(i for i, values in enumerate(zip(*columns[:kept])) if pick(values))
    start, stop = columns[kept + 1 + 2 * part][at], columns[kept + 2 + 2 * part][at]
    assert json.loads(body[start:stop])  # it was that object's line
    with open(path, "wb") as handle:
        handle.write(header + b"\n" + body[:start] + b"[" + b" " * (stop - start - 1) + body[stop:])


def test_damaged_nodes_of_one_graph_are_read_again_from_its_file(builtin_copy):
    fresh = load().tree("http", "403.1")
    _damage_line("Tree", lambda kept: kept[0] == "http:403.1", 1)
    library = load()
    assert library.loaded.sound  # the header was fine
    tree = library.tree("http", "403.1")
    assert len(tree.nodes) > 0 and tree.start in tree.nodes and dict(tree.nodes) == dict(fresh.nodes)


def test_entries_are_decoded_when_read_and_a_damaged_one_is_read_again_from_its_file(builtin_copy):
    fresh = load().entry("http", "500")
    _damage_line("CodeEntry", lambda kept: kept[:2] == ("http", "500"), 0)
    library = load()
    assert library.loaded.sound  # the header was fine: a hit
    entry = library.entry("http", "500")
    assert "meaning" not in entry.__dict__  # not decoded until read
    assert entry.meaning == fresh.meaning and entry == fresh
    assert type(entry) is type(fresh) and entry.where.file == fresh.where.file


def test_a_cache_file_removed_while_in_use_costs_nothing(builtin_copy):
    """Another iisdoctor may replace the cache (after an edit) while this one still reads from it."""
    fresh = load()
    library = load()
    os.remove(cache_file())
    assert library.entry("http", "500").meaning == fresh.entry("http", "500").meaning
    assert dict(library.tree("http", "403.1").nodes) == dict(fresh.tree("http", "403.1").nodes)


def test_reading_every_entry_reads_the_file_once_not_once_an_entry(builtin_copy, monkeypatch):
    from wizard.platform import tree_cache

    monkeypatch.setattr(tree_cache._Lines, "FEW", 3)
    fresh = load()
    library = load()
    opened = []
    real = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a[0]) or real(*a, **k))
    entries = library.loaded.entries
    assert [e.title for e in entries] == [e.title for e in fresh.loaded.entries]
    assert len(entries) > 4 and len(opened) == 3 + 1  # three lines one by one, then all of them


def test_cache_holds_no_pickle(builtin_copy):
    load()
    assert cache_file().endswith(".json")
    assert not list(Path(TreeCache().folder).glob("*.pickle"))


def test_an_old_copy_that_cannot_be_removed_does_not_stop_the_new_one(builtin_copy, monkeypatch):
    """On Windows a file open in another iisdoctor cannot be deleted; the fresh copy is written all the same."""
    load()
    old = cache_file()
    real = os.unlink

    def refuse(path, *args, **kwargs):
        if os.fspath(path) == old:
            raise PermissionError(13, "in use", old)
        return real(path, *args, **kwargs)

    catalog = builtin_copy / "catalog.yaml"
    catalog.write_text(catalog.read_text().replace("Something failed on the server.", "Something broke."))
    with monkeypatch.context() as patched:
        patched.setattr(os, "unlink", refuse)
        load()  # a miss: parses, then stores a new copy beside the old one it could not remove
    assert os.path.exists(old)
    assert load().loaded.sound and load().entry("http", "500").meaning["en"] == "Something broke."
