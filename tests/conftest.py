"""Shared fixtures: a small fixture library, so tests never depend on the wording of real trees."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.helpers import FIXTURE_TREES
from wizard.knowledge.library import Library


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """Keep the parsed-trees cache out of the user's real cache folder."""
    import os

    os.environ["IISDOCTOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path, monkeypatch):
    """Settings and saved cases go to a fresh folder per test, never the user's own."""
    monkeypatch.setenv("IISDOCTOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("IISDOCTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IISDOCTOR_CLIPBOARD", "none")  # never the developer's real clipboard


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch):
    """Every test starts in English whatever the machine's locale; a test that switches is undone."""
    from wizard.language import messages

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    messages.use("en")
    yield
    messages.use("en")


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.load([FIXTURE_TREES], builtin=False)


@pytest.fixture(scope="session")
def builtin() -> Library:
    return Library.load()


@pytest.fixture
def builtin_copy(tmp_path, monkeypatch):
    """A copy of the fixture trees standing in for the built-in folder, with a cache of its own."""
    import shutil

    from wizard.knowledge import builtin as paths

    folder = tmp_path / "builtin"
    shutil.copytree(FIXTURE_TREES, folder)
    shutil.copy(paths.schema_path(), folder / "schema.json")
    monkeypatch.setattr(paths, "builtin_trees_dir", lambda: folder)
    monkeypatch.setattr("wizard.knowledge.library.builtin_trees_dir", lambda: folder)
    monkeypatch.setenv("IISDOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def write_tree(tmp_path):
    """Write YAML files into a temporary folder: write_tree("http/1.yaml", text) -> folder."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / "trees" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return tmp_path / "trees"

    return write
