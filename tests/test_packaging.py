"""A real (non-editable) build carries every tree, and the installed package finds them anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
    )
    [built] = out.glob("iisdoctor-*.whl")
    return built


def test_wheel_contains_every_tree_and_the_schema(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "decision_trees").rglob("*")
        if p.is_file() and p.suffix in {".yaml", ".json", ".md"}
    ]
    assert sources, "no trees in the checkout?"
    missing = [s for s in sources if f"wizard/{s}" not in names]
    assert missing == []
    assert any(n.endswith("entry_points.txt") for n in names)
    styles = [p.relative_to(ROOT).as_posix() for p in (ROOT / "wizard").rglob("*.tcss")]
    assert styles and [s for s in styles if s not in names] == []  # the screens' .tcss files ship too
    assert "wizard/language/nb/LC_MESSAGES/iisdoctor.mo" in names  # the compiled bokmål catalog


def test_installed_package_finds_trees_from_any_folder(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import wizard.knowledge.builtin as p, wizard.knowledge.library as l; lib = l.Library.load(); "
        "print(p.builtin_trees_dir()); print(len(lib.trees), len(lib.entries), len(lib.findings)); "
        "from wizard.language import messages as m; m.use('nb'); print(m._('Resolved'))"
    )
    result = subprocess.run(
        [sys.executable, "-s", "-c", probe],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    where, counts, resolved = result.stdout.splitlines()
    assert resolved == "Løst"  # the installed package speaks bokmål from its own catalog
    assert Path(where) == target / "wizard" / "decision_trees"
    trees, entries, findings = map(int, counts.split())
    tree_files = [p for folder in ("http", "ftp") for p in (ROOT / "decision_trees" / folder).rglob("*.yaml")]
    assert entries > 0 and findings == 0
    assert trees == len(tree_files)  # every tree file, IIS 7+ subfolders included, made it into the wheel
