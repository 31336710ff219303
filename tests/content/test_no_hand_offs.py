"""No tree tells the person to start another walk by hand: a change of code is a jump (`goto`).

Two patterns are checked on every tree and shared subtree (YAML comments, which may describe
jumps, are left out): the plain hand-offs ("walk the 404.0 tree", "iisdoctor --code ...") and
the softer pointers ("follow that code's walk", "the 500.19 tree covers other causes").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

TREES = ROOT / "decision_trees"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HAND_OFF = re.compile(r"iisdoctor --code|[Ww]alk the|[Ss]tart iisdoctor|enter that full code")
SOFT_HAND_OFF = re.compile(
    r"follow (that|the new|the) code|that code's (tree|walk)|the [0-9.]+ (tree|walk)"
    r"|covers other causes|walks these permissions",
    re.IGNORECASE,
)


def tree_files() -> list[Path]:
    return sorted(p for p in TREES.rglob("*.yaml") if p.parent.name != "catalog")


def texts(value) -> list[str]:
    """Every string in a parsed YAML document, whitespace folded (so a phrase split over lines counts)."""
    if isinstance(value, str):
        return [" ".join(value.split())]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(k) + texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def hits(path: Path, pattern: re.Pattern[str]) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if not line.lstrip().startswith("#")]
    found = [line.strip() for line in lines if pattern.search(line)]
    found += [t for t in texts(yaml.load(raw, Loader=LOADER)) if pattern.search(t)]
    return found


def test_the_tree_files_are_found():
    files = tree_files()
    assert len(files) > 300
    assert TREES / "shared" / "auth-settings.yaml" in files


@pytest.mark.parametrize("pattern", [HAND_OFF, SOFT_HAND_OFF], ids=["hand-off", "soft-hand-off"])
def test_no_tree_sends_the_person_to_another_walk_by_hand(pattern):
    found = {str(p.relative_to(TREES)): h for p in tree_files() if (h := hits(p, pattern))}
    assert not found, found


def test_the_check_sees_hand_offs_but_not_comments(tmp_path):
    sample = tmp_path / "x.yaml"
    sample.write_text(
        "# comments may say: follow that code's walk\n"
        "steps:\n  - >-\n    If it changes, follow\n    the 403.1 walk.\n  - Walk the 404.0 tree.\n",
        encoding="utf-8",
    )
    assert "If it changes, follow the 403.1 walk." in hits(sample, SOFT_HAND_OFF)
    assert not any("that code" in h for h in hits(sample, SOFT_HAND_OFF))
    assert "Walk the 404.0 tree." in hits(sample, HAND_OFF)
    sample.write_text("# Walk the 404.0 tree, follow that code's walk\nsteps: [Check the list.]\n", encoding="utf-8")
    assert hits(sample, HAND_OFF) == hits(sample, SOFT_HAND_OFF) == []
