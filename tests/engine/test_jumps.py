"""Jumps (`goto`): an answer or an outcome that carries on in another code's walk, in one case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.cases.report import build, to_json, to_markdown
from wizard.cases.store import Case
from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.library import Library
from wizard.validation.validator import validate
from wizard.views.outline import Outline

JUMPS = Path(__file__).parent.parent / "fixtures" / "jumps"


@pytest.fixture(scope="module")
def jumps() -> Library:
    return Library.load([JUMPS], builtin=False)


def test_the_fixture_validates_and_its_examples_cross_the_jump(jumps):
    assert [str(f) for f in validate(jumps)] == []


def test_an_answer_jumps_into_the_other_walk(jumps):
    session = Session.start(jumps, "http", "401", "6.0").choose(0)
    assert (session.code, session.current_code) == ("401", "401.1")
    assert session.position == "http:401.1#account"
    assert session.breadcrumb() == ["HTTP 401", "Sub-status ⇒ HTTP 401.1", "Account"]
    assert [t.code for t in session.walks()] == ["401", "401.1"]


def test_back_comes_back_across_the_jump(jumps):
    session = Session.start(jumps, "http", "401", "6.0").choose(0).back()
    assert session.current_code == "401" and session.position == "substatus"
    assert session.breadcrumb() == ["HTTP 401", "Sub-status"]


def test_evidence_given_and_evidence_the_jump_carries_answer_the_new_walk(jumps):
    given = Session.start(jumps, "http", "401", "6.0", Evidence(win32=1326)).choose(0)
    assert given.position == "http:401.1#wrong-password"
    assert given.history[-1].auto
    carried = Session.start(jumps, "http", "401", "6.0").choose(1)
    assert carried.position == "http:401.3#acl-missing"
    assert carried.active_evidence.win32 == 5 and carried.evidence.win32 is None
    assert carried.back().position == "http:401.3#acl"  # the evidence's answer, to change it
    assert carried.back().back().position == "substatus"


def test_an_outcome_continues_in_another_walk(jumps):
    outcome = Session.start(jumps, "http", "401", "6.0").choose(2).choose(0)
    assert outcome.can_go_on and outcome.current_code == "401"
    after = outcome.not_fixed()
    assert after.position == "http:401.1#account"
    assert after.breadcrumb() == ["HTTP 401", "Sub-status", "Anonymous access ⇒ HTTP 401.1", "Account"]
    assert after.remaining() == 1


def test_a_saved_case_resumes_after_the_jump(jumps):
    session = Session.start(jumps, "http", "401", "6.0").choose(0)
    data = json.loads(json.dumps(session.to_dict()))
    again = Session.from_dict(jumps, data)
    assert again.position == "http:401.1#account" and again.current_code == "401.1"
    restored, dropped = Session.restore(jumps, data)
    assert dropped == 0 and restored.choose(0).position == "http:401.1#wrong-password"


def test_the_export_shows_both_codes(jumps):
    session = Session.start(jumps, "http", "401", "6.0").choose(0).choose(0)
    record = build(Case.new(session), jumps)
    text = to_markdown(record)
    assert "Walked: HTTP 401 — Access denied ⇒ HTTP 401.1 — Logon failed" in text
    assert "   ⇒ continued in HTTP 401.1 — Logon failed" in text
    assert "Outcome: The user name or password is wrong." in text
    data = json.loads(to_json(record))
    assert data["walks"] == ["HTTP 401 — Access denied", "HTTP 401.1 — Logon failed"]
    assert data["steps"][0]["continued_in"] == "HTTP 401.1 — Logon failed"


def test_explain_prints_a_jump_as_a_reference(jumps):
    entry = jumps.entry("http", "401", "6.0")
    assert entry is not None
    text = Outline(jumps, entry, jumps.tree("http", "401", "6.0"), "6.0").render()
    assert "→ continues in HTTP 401.1 — Logon failed (iisdoctor explain 401.1 --iis 6.0)" in text
    assert "with Win32 5" in text
    assert "What does the Win32 status say?" not in text  # the other tree is not inlined


def _folder(tmp_path: Path, trees: dict[str, str]) -> Library:
    (tmp_path / "http").mkdir()
    (tmp_path / "catalog.yaml").write_text((JUMPS / "catalog.yaml").read_text())
    for name, text in trees.items():
        (tmp_path / "http" / name).write_text(text)
    return Library.load([tmp_path], builtin=False)


def test_the_validator_checks_the_target_and_its_versions(tmp_path):
    library = _folder(
        tmp_path,
        {
            "401.yaml": (JUMPS / "http" / "401.yaml").read_text().replace('"401.3", win32: 5', '"401.7"'),
            "401.1.yaml": (JUMPS / "http" / "401.1.yaml")
            .read_text()
            .replace('code: "401.1"', 'code: "401.1"\nversions: ["6.0"]'),
        },
    )
    messages = [f.message for f in validate(library)]
    assert any("jump to HTTP 401.7, which is not in the code catalog" in m for m in messages)
    assert any("jump to HTTP 401.1, which has no walk for IIS 5.0" in m for m in messages)


def test_the_validator_refuses_jumps_that_loop_without_a_question(tmp_path):
    loop = """protocol: http
code: "{code}"
start: first
nodes:
  first:
    outcome: A cause.
    steps: [A fix.]
    goto: {{code: "{other}"}}
"""
    library = _folder(
        tmp_path,
        {
            "401.1.yaml": loop.format(code="401.1", other="401.3"),
            "401.3.yaml": loop.format(code="401.3", other="401.1"),
        },
    )
    messages = [f.message for f in validate(library)]
    assert any("its jumps come back round without a question between" in m for m in messages)


def test_an_answer_needs_next_or_goto(tmp_path):
    tree = (
        (JUMPS / "http" / "401.1.yaml").read_text().replace("next: other", 'next: other\n        goto: {code: "401.3"}')
    )
    library = _folder(tmp_path, {"401.1.yaml": tree})
    assert any("needs either 'next' or 'goto'" in f.message for f in validate(library))
