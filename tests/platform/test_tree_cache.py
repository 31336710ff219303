"""The parsed-trees cache: reused while nothing changes, never trusted beyond what it can prove."""

from __future__ import annotations

import json
import os

import pytest

from wizard.engine.session import Session
from wizard.knowledge.findings import Finding
from wizard.knowledge.library import Library
from wizard.platform.tree_cache import TreeCache


def load() -> Library:
    return Library.load(cache=TreeCache())


def cache_file() -> str:
    (path,) = TreeCache().folder.glob("trees-*.json")
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
        lambda text: text.replace('"!":"CodeEntry"', '"!":"Nope"', 1),  # a class it does not know
        lambda text: text.replace('"!":"CodeEntry","f":["http"', '"!":"CodeEntry","f":[7', 1),  # wrong field type
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


def test_damaged_nodes_of_one_graph_are_read_again_from_its_file(builtin_copy):
    load()
    path = cache_file()
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    lines[1] = '{"!":"Nope"}'  # the first graph's nodes
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    library = load()
    assert library.loaded.sound  # the header was fine
    first = [*library.trees, *library.subtrees][0]
    assert len(first.nodes) > 0 and first.start in first.nodes


def test_cache_holds_no_pickle(builtin_copy):
    load()
    assert cache_file().endswith(".json")
    assert not list(TreeCache().folder.glob("*.pickle"))
