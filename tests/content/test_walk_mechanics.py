"""Walk mechanics over the built-in trees: the question ceiling and hand-offs to other walks."""

from __future__ import annotations

import re

from tests.helpers import ROOT, run_cli
from wizard.validation.validator import MAX_QUESTIONS, longest_paths

HAND_OFF = re.compile(r"iisdoctor --code|[Ww]alk the|[Ss]tart iisdoctor|enter that full code")


def test_no_walk_asks_more_than_the_ceiling_before_its_first_outcome(builtin):
    too_long, listed = [], {}
    for tree, version, count in longest_paths(builtin):
        key = (tree.protocol, tree.code, version)
        listed[key] = count
        if count > MAX_QUESTIONS:
            too_long.append(f"{tree.protocol} {tree.code} IIS {version}: {count} questions")
    assert not too_long, "\n".join(too_long)
    assert len(listed) > 300  # every tree was measured


def test_the_401_walks_that_were_long_now_stay_within_the_ceiling(builtin):
    lengths = {(t.protocol, t.code): n for t, _, n in longest_paths(builtin)}
    assert lengths[("http", "401")] <= MAX_QUESTIONS


def test_validate_prints_the_longest_paths(capsys):
    code, out, err = run_cli(capsys, "validate", "--verbose")
    assert code == 0
    assert re.search(r"info: HTTP 401: longest path to a first outcome: \d question\(s\)", out)
    assert re.search(r"longest walks, in questions before the first outcome \(ceiling 8\): (HTTP|FTP) \S+ [1-8],", err)


def test_jumps_replace_the_hand_offs_of_the_401_walk():
    text = (ROOT / "decision_trees" / "http" / "401.yaml").read_text(encoding="utf-8")
    assert not HAND_OFF.search(text)
    assert text.count("goto:") >= 6
