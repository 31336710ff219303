"""Hand-over exports: the Markdown a ticket gets and the JSON tools get, field by field."""

from __future__ import annotations

import json

from wizard.cases.report import build, render, to_json, to_markdown
from wizard.cases.store import ESCALATED, RESOLVED, Case
from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.record import replace


def escalated_case(library) -> Case:
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session).with_note(session, "# only .asp fails, [DenyExtensions] untouched")
    session = session.choose(0)
    case = case.with_session(session).with_note(session, "set Scripts only; still 403.1")
    return case.closed(ESCALATED, "to the web team, ticket 4711")


def test_markdown_has_header_steps_notes_outcome_and_what_is_left(library):
    case = escalated_case(library)
    text = to_markdown(build(case, library))
    lines = text.splitlines()
    assert lines[0] == (
        "**HTTP 403.1 — Execute access forbidden** · IIS 6.0 · Escalated (to the web team, ticket 4711)"
    )
    assert lines[2].startswith(f"Case {case.id} · opened ")
    assert "1. What kind of file does the URL point to? → An ASP page" in lines
    noted = [line for line in lines if line.startswith("   - Note (")]  # each note with its time
    assert noted[0].endswith("): \\# only .asp fails, [DenyExtensions] untouched")  # literal, not a heading
    assert "Outcome: The folder's execute permission is None." in lines
    assert "   `cscript adsutil.vbs set w3svc/1/root/AccessScript true`" in lines
    assert "- [KB 248072](https://support.microsoft.com/kb/248072) — [DenyExtensions] and friends" in lines
    assert any(line.startswith("- Note (") and line.endswith("set Scripts only; still 403.1") for line in lines)
    assert lines[lines.index("Still to try:") + 1] == "- Answer: Does the script map allow the verb?"


def test_json_export_carries_the_same_record(library):
    case = escalated_case(library)
    data = json.loads(to_json(build(case, library)))
    assert data["case"] == case.id and data["code"] == "403.1" and data["protocol"] == "http"
    assert data["iis_version"] == "6.0" and data["result"] == "escalated"
    assert data["reason"] == "to the web team, ticket 4711"
    assert data["steps"] == [
        {
            "number": 1,
            "question": "What kind of file does the URL point to?",
            "answer": "An ASP page",
            "from_evidence": False,
            "notes": ["# only .asp fails, [DenyExtensions] untouched"],
        }
    ]
    assert data["outcome"]["cause"] == "The folder's execute permission is None."
    assert data["outcome"]["kb"] == [
        {"id": 248072, "title": "[DenyExtensions] and friends", "url": "https://support.microsoft.com/kb/248072"}
    ]
    assert Case.from_dict(data["case_file"]) == case  # what cases --import reads back
    assert data["outcome"]["notes"] == ["set Scripts only; still 403.1"]
    assert data["still_to_try"] == ["Answer: Does the script map allow the verb?"]
    assert data["evidence"] == {"win32": None, "reason": None}


def test_unfinished_walk_says_where_it_stopped(library):
    session = Session.start(library, "http", "403.1", "6.0")
    text = render(Case.new(session), library)
    assert "No outcome reached yet; the walk stopped at: What kind of file does the URL point to?" in text
    assert "1. What kind of file does the URL point to? → (not answered yet)" in text
    assert "· Open" in text.splitlines()[0]


def test_evidence_answers_are_marked_and_resolved_cases_list_nothing_left(library):
    session = Session.start(library, "http", "500.19", "10.0", Evidence(33))
    case = Case.new(session).closed(RESOLVED)
    text = render(case, library)
    assert "Evidence given: Win32 33 (0x80070021)" in text
    assert "→ 0x80070021, a locked section (answered from the evidence)" in text
    assert "Still to try" not in text
    data = json.loads(render(case, library, "json"))
    assert data["steps"][0]["from_evidence"] is True and data["evidence"] == {"win32": 33, "reason": None}


def test_paths_left_with_back_are_still_on_record(library):
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session)
    shown = session.choose(0)
    case = case.with_session(shown).with_note(shown, "tried this first")
    back = shown.back().choose(1)
    case = case.with_session(back)
    record = build(case, library)
    assert record.tried_elsewhere == ["The folder's execute permission is None."]
    assert [n.text for n in record.other_notes] == ["tried this first"]


def test_times_are_local_with_their_offset_and_notes_keep_their_lines(library, monkeypatch):
    import time

    from wizard.cases import report

    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        assert report._stamp("2026-11-26T09:30:00+00:00") == "2026-11-26 10:30 (UTC+01:00)"
        session = Session.start(library, "http", "403.1", "6.0")
        case = Case.new(session).with_note(session, "first line\nsecond line")
        case = replace(case, notes=tuple(replace(n, time="2026-11-26T09:31:00+00:00") for n in case.notes))
        lines = to_markdown(build(case, library)).splitlines()
        at = lines.index("   - Note (10:31): first line  ")
        assert lines[at + 1] == "     second line"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
