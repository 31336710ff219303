"""Evidence: Win32 codes and HRESULTs fold together, trees answer questions from them, and the
person can still change an evidence answer."""

from __future__ import annotations

import json

import pytest

from wizard.engine import lookup as codes
from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence, EvidenceError, hresult_of, win32_key
from wizard.validation.validator import validate


@pytest.mark.parametrize(
    "value, expected",
    [
        (1326, 1326),
        ("1326", 1326),
        ("0x8007052E", 1326),
        ("0x8007052e", 1326),
        (2147943726, 1326),
        ("0x80070021", 33),
        (-2147024863, 33),
        ("0x8009030e", 0x8009030E),
        (2148074254, 0x8009030E),
        ("0", 0),
    ],
)
def test_win32_and_hresult_spellings_fold_together(value, expected):
    assert win32_key(value) == expected


@pytest.mark.parametrize("value", ["abc", "0xZZ", "0x1FFFFFFFF", True, ""])
def test_bad_win32_values_are_refused(value):
    with pytest.raises(EvidenceError):
        win32_key(value)


def test_hresult_spelling_round_trips():
    assert hresult_of(33) == "0x80070021"
    assert hresult_of(0x8009030E) == "0x8009030e"
    assert Evidence(1326).describe() == "Win32 1326 (0x8007052e)"


@pytest.mark.parametrize(
    "typed, code, extra",
    [
        ("401.1 1326", "401.1", "1326"),
        ("401 1 1326", "401.1", "1326"),
        ("404 0 2", "404.0", "2"),
        ("500.19 0x80070021", "500.19", "0x80070021"),
        ("503 QueueFull", "503", "QueueFull"),
        ("ftp 530", "ftp 530", None),
        ("403.14", "403.14", None),
    ],
)
def test_code_text_splits_from_its_evidence(typed, code, extra):
    assert codes.split_evidence(typed) == (code, extra)


def test_evidence_answers_the_question_by_itself(library):
    session = Session.start(library, "http", "500.19", "10.0", Evidence(win32_key("0x80070021")))
    assert session.finished and session.outcome.id == "locked"
    assert [v.auto for v in session.history] == [True]


def test_the_person_can_change_an_evidence_answer(library):
    session = Session.start(library, "http", "500.19", "10.0", Evidence(33))
    back = session.back()
    assert back.node.id == "hresult" and not back.history
    assert back.evidence_answer() == 0  # the answer the evidence picks stays visible
    changed = back.choose(2)
    assert changed.outcome.id == "other" and not changed.history[0].auto


def test_evidence_goes_on_through_later_questions_and_survives_restart(library):
    session = Session.start(library, "http", "500.19", "10.0", Evidence(13, "hostname"))
    assert session.outcome.id == "module-missing"
    assert [v.auto for v in session.history] == [True, True]
    assert session.restart().outcome.id == "module-missing"


def test_evidence_that_matches_nothing_asks_as_usual(library):
    session = Session.start(library, "http", "500.19", "10.0", Evidence(5))
    assert session.node.id == "hresult" and not session.moves


def test_saved_session_keeps_its_evidence(library):
    session = Session.start(library, "http", "500.19", "10.0", Evidence(33))
    data = json.loads(json.dumps(session.to_dict()))
    again = Session.from_dict(library, data)
    assert again.evidence == Evidence(33) and again.outcome.id == "locked" and again.history[0].auto


def test_same_code_has_version_correct_meaning_and_tree(library):
    old, new = library.entry("http", "500.19", "6.0"), library.entry("http", "500.19", "10.0")
    assert old.title["en"] == "Bad metabase data" and new.title["en"] == "Configuration data is invalid"
    assert library.tree("http", "500.19", "6.0") is None
    assert library.tree("http", "500.19", "10.0").start == "hresult"
    assert [e.title["en"] for e in library.other_meanings("http", "500.19", "10.0")] == ["Bad metabase data"]


def evidence_tree(write_tree, second_when: str, examples: str = "", catalog_extra: str = ""):
    """A one-question 7.0+ tree for 500.19 whose first answer is picked by Win32 33."""
    folder = write_tree(
        "http/1.yaml",
        f"""
        protocol: http
        code: "500.19"
        versions: ["7.0+"]
        start: q
        nodes:
          q:
            topic: T
            question: Which?
            answers:
              - {{label: A, next: a, when: {{win32: [33]}}}}
              - {{label: B, next: b{second_when}}}
          a: {{outcome: A., steps: [Do a.]}}
          b: {{outcome: B., steps: [Do b.]}}
        {examples}
        """,
    )
    write_tree(
        "catalog.yaml",
        f"""
        catalog:
          - {{protocol: http, code: "500.19", title: T, meaning: M., versions: ["7.0+"]}}
        {catalog_extra}
        """,
    )
    from wizard.knowledge.library import Library

    return [str(f) for f in validate(Library.load([folder], builtin=False))]


def test_validator_flags_two_answers_claiming_the_same_evidence(write_tree):
    findings = evidence_tree(
        write_tree,
        ', when: {win32: ["0x80070021"]}',
        catalog_extra="win32:\n          - {code: 13, name: ERROR_INVALID_DATA, meaning: Bad data.}",
    )
    assert any("1.yaml:11:9" in f and "both picked by the same evidence" in f for f in findings), findings
    assert any("Win32 code 33 (0x80070021) is not in the Win32 catalog" in f for f in findings), findings


def test_examples_with_evidence_are_replayed(write_tree):
    findings = evidence_tree(write_tree, "", examples="examples:\n          - {win32: 33, answers: [], expect: b}")
    assert any("expected to end on 'b' but the walk stops at 'a'" in f for f in findings), findings
