"""Cases: autosave that survives a killed process, resume, damaged files, listing and deleting."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tests.helpers import FIXTURE_TREES, ROOT
from wizard.cases.store import ESCALATED, Case, CaseError, CaseStore, age
from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.record import replace


def test_case_survives_a_killed_process_and_resumes_exactly(tmp_path, library):
    """A child process walks, notes and saves as it goes, then is killed with SIGKILL."""
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from wizard.cases.store import Case, CaseStore
        from wizard.knowledge.library import Library
        from wizard.engine.session import Session

        store = CaseStore(Path({str(tmp_path / "cases")!r}))
        library = Library.load([Path({str(FIXTURE_TREES)!r})], builtin=False)
        session = Session.start(library, "http", "403.1", "6.0")
        case = Case.new(session)
        case = case.with_note(session, "customer: only .asp pages fail")
        store.save(case)
        session = session.choose(0)            # -> outcome exec-none
        case = case.with_session(session)
        store.save(case)
        session = session.not_fixed()          # -> question script-map
        case = case.with_session(session).with_note(session, "verbs list shows GET,HEAD")
        store.save(case)
        print(case.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    case_id = proc.stdout.strip()
    store = CaseStore(tmp_path / "cases")
    assert [c.id for c in store.all().cases] == [case_id]
    assert not [p for p in (tmp_path / "cases").iterdir() if p.suffix != ".json"]  # no temp files left
    case = store.load(case_id[:15])  # a unique start of the id is enough
    session, dropped = Session.restore(library, case.session)
    assert dropped == 0 and session.node.id == "script-map"
    assert [(v.node.id, v.answer is None) for v in session.history] == [("file-type", False), ("exec-none", True)]
    assert case.note_for(0, "http:403.1#file-type") == "customer: only .asp pages fail"
    assert case.note_for(2, "http:403.1#script-map") == "verbs list shows GET,HEAD"
    assert case.tried == ("http:403.1#exec-none",)
    assert session.choose(1).outcome.id == "add-verb"  # and the walk goes on from there


def test_a_failed_write_leaves_the_previous_case_intact(tmp_path, library, monkeypatch):
    store = CaseStore(tmp_path)
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session)
    store.save(case)
    before = store.path(case.id).read_bytes()

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        store.save(case.with_session(session.choose(0)))
    assert store.path(case.id).read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [f"{case.id}.json"]


def test_damaged_case_files_are_reported_and_skipped(tmp_path, library):
    store = CaseStore(tmp_path)
    good = Case.new(Session.start(library, "http", "403.1", "6.0"))
    store.save(good)
    text = store.path(good.id).read_text()
    (tmp_path / "truncated.json").write_text(text[: len(text) // 2])
    (tmp_path / "garbage.json").write_bytes(b"\x00\xff not json at all")
    (tmp_path / "other.json").write_text(json.dumps({"format": 1, "id": "x"}))
    listing = store.all()
    assert [c.id for c in listing.cases] == [good.id]
    problems = "\n".join(listing.problems)
    assert "truncated.json: line" in problems and "damaged or truncated" in problems
    assert "garbage.json" in problems and "other.json" in problems
    with pytest.raises(CaseError, match="truncated.json"):
        store.load("truncated")


def test_resume_after_the_tree_changed_keeps_what_still_fits(library):
    session = Session.start(library, "http", "403.1", "6.0").choose(0).not_fixed()
    data = session.to_dict()
    data["moves"][1]["at"] = "http:403.1#renamed-node"
    restored, dropped = Session.restore(library, data)
    assert dropped == 1 and restored.outcome.id == "exec-none"


def test_a_step_keeps_several_notes_each_editable_and_removable(library):
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session).with_note(session, "first")
    case = case.with_note(session, "  second\nline two  ")
    assert [n.text for n in case.notes] == ["first", "second\nline two"]  # a second note adds, never replaces
    assert all(n.time for n in case.notes)
    assert case.with_note(session, "  ").notes == case.notes  # empty adds nothing
    edited = case.with_note_edited(case.notes[0], "first, corrected")
    assert [n.text for n in edited.notes] == ["first, corrected", "second\nline two"]
    assert [n.text for n in edited.with_note_edited(edited.notes[1], "").notes] == ["first, corrected"]
    later = session.choose(0)
    assert case.notes_for(0, session.cursor.ref) == list(case.notes)
    assert case.notes_for(1, later.cursor.ref) == []


def test_old_case_files_still_read_and_ticket_round_trips(library):
    session = Session.start(library, "http", "403.1", "6.0")
    old = Case.new(session).to_dict()
    old.pop("ticket", None)
    old["notes"] = [{"step": 0, "at": session.cursor.ref, "text": "one line"}]  # format 1, no time
    case = Case.from_dict(old)
    assert case.ticket == "" and case.notes[0].text == "one line"
    with_ticket = Case.from_dict(case.with_ticket("  INC 42 ").to_dict())
    assert with_ticket.ticket == "INC 42"


def test_an_empty_case_is_not_worth_keeping(library):
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session)
    assert not case.worth_keeping
    assert case.with_session(session.choose(0)).worth_keeping
    assert case.with_note(session, "customer says it started today").worth_keeping
    assert case.with_ticket("INC1").worth_keeping


def test_closing_a_case_and_listing_newest_first(tmp_path, library):
    store = CaseStore(tmp_path)
    first = Case.new(Session.start(library, "http", "403.1", "6.0"))
    second = Case.new(Session.start(library, "http", "500.19", "10.0", Evidence(33)))
    store.save(replace(first.closed(ESCALATED, "to the web team"), updated="2026-11-26T08:00:00+00:00"))
    store.save(replace(second, updated="2026-11-26T09:00:00+00:00"))
    assert [c.id for c in store.all().cases] == [second.id, first.id]
    later = replace(
        store.load(first.id).closed(ESCALATED, "to the web team, ticket 4711"), updated="2026-11-26T10:00:00+00:00"
    )
    store.save(later)
    assert [c.id for c in store.all().cases] == [first.id, second.id]
    assert store.load(first.id).reason == "to the web team, ticket 4711"
    assert store.load(second.id).last == "The web.config sets a section that is locked at the server level."
    store.delete(first.id)
    assert [c.id for c in store.all().cases] == [second.id]
    with pytest.raises(CaseError, match="no saved case"):
        store.load(first.id)


def test_age_reads_like_a_person_would_say_it():
    from datetime import datetime, timezone

    at = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
    assert age("2026-11-26T11:59:30+00:00", at) == "just now"
    assert age("2026-11-26T11:55:00+00:00", at) == "5 min ago"
    assert age("2026-11-24T12:00:00+00:00", at) == "2 d ago"
    assert age("not a time", at) == "?"
