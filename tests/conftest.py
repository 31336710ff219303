"""Shared fixtures: a small fixture library, so tests never depend on the wording of real trees."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wizard.library import Library

FIXTURE_TREES = Path(__file__).parent / "fixtures" / "trees"


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """Keep the parsed-trees cache out of the user's real cache folder."""
    import os

    os.environ["IISDOCTOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.load([FIXTURE_TREES], builtin=False)


@pytest.fixture(scope="session")
def builtin() -> Library:
    return Library.load()


@pytest.fixture
def write_tree(tmp_path):
    """Write YAML files into a temporary folder: write_tree("http/1.yaml", text) -> folder."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / "trees" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return tmp_path / "trees"

    return write
