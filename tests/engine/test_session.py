"""The session engine: walking, back, restart, shared subtrees, versions, saving and resuming."""

from __future__ import annotations

import json

import pytest

from tests.helpers import walk_all
from wizard.engine.session import Session, SessionError, transcript
from wizard.knowledge.model import Question, tr


def labels(session):
    return [tr(a.label) for a in session.answers()]


def test_start_defaults_to_newest_version(library):
    session = Session.start(library, "http", "403.1")
    assert session.version == "6.0"
    assert isinstance(session.node, Question) and session.node.id == "file-type"
    assert labels(session) == ["An ASP page", "A CGI program", "An ISAPI extension"]


def test_version_hides_answers_and_steps(library):
    session = Session.start(library, "http", "403.1", "5.0")
    assert labels(session) == ["An ASP page", "A CGI program"]
    done = session.choose(0)
    assert [tr(s.text) for s in done.steps()][-1] == "On IIS 5.0 also restart IIS"
    assert len(Session.start(library, "http", "403.1", "6.0").choose(0).steps()) == 3


def test_walk_to_outcome_then_next_cause(library):
    session = Session.start(library, "http", "403.1").choose(0)
    assert session.finished and session.outcome.id == "exec-none"
    assert session.remaining() == 0
    session = session.not_fixed()
    assert session.node.id == "script-map" and not session.finished
    session = session.choose(1)
    assert session.outcome.id == "add-verb"
    assert session.breadcrumb() == ["HTTP 403.1", "Execute permissions", "Script mapping"]
    assert transcript(session) == [
        ("What kind of file does the URL point to?", "An ASP page"),
        ("The folder's execute permission is None.", "Did not fix it"),
        ("Does the script map allow the verb?", "No"),
    ]


def test_subtree_is_entered_and_returns(library):
    session = Session.start(library, "http", "403.1").choose(1).not_fixed()
    assert session.cursor.graph == "ntfs" and session.node.id == "can-read"
    assert session.breadcrumb()[-1] == "NTFS"
    assert session.choose(0).outcome.id == "last-resort"  # Yes: return to the tree's `then`
    assert session.choose(1).cursor.qualified == "ntfs:grant-read"


def test_same_subtree_serves_another_protocol(library):
    session = Session.start(library, "ftp", "550").choose(0)
    assert session.cursor.graph == "ntfs"
    assert session.choose(0).outcome.id == "ftp-perms"


def test_back_and_restart(library):
    start = Session.start(library, "http", "403.1")
    walked = start.choose(0).not_fixed().choose(0)
    assert walked.back().node.id == "script-map"
    assert walked.back().back().node.id == "exec-none"
    assert walked.restart().node.id == "file-type" and walked.restart().moves == ()
    assert start.back() is start


def test_remaining_counts_questions_at_most(library):
    session = Session.start(library, "http", "403.1")
    assert session.remaining() == 1
    assert Session.start(library, "ftp", "550").remaining() == 2  # exists? then the subtree's question


def test_bad_moves_are_refused(library):
    session = Session.start(library, "http", "403.1")
    with pytest.raises(SessionError):
        session.choose(7)
    with pytest.raises(SessionError):
        session.not_fixed()
    with pytest.raises(SessionError):
        Session.start(library, "http", "999")


def test_save_and_resume_round_trip(library):
    walked = Session.start(library, "http", "403.1", "5.0").choose(0).not_fixed()
    data = json.loads(json.dumps(walked.to_dict()))
    assert data["version"] == "5.0" and len(data["moves"]) == 2
    resumed = Session.from_dict(library, data)
    assert resumed == walked and resumed.node.id == "script-map"
    assert resumed.history == walked.history


def test_resume_refuses_a_walk_that_no_longer_fits(library):
    data = Session.start(library, "http", "403.1").choose(0).to_dict()
    data["moves"][0]["at"] = "http:403.1#gone"
    with pytest.raises(SessionError, match="expected http:403.1#gone"):
        Session.from_dict(library, data)
    with pytest.raises(SessionError, match="not a saved session"):
        Session.from_dict(library, {"protocol": "http"})


def test_every_fixture_outcome_is_reachable(library):
    """Every answer and every next followed: each outcome of 403.1 is reached, per version."""
    reached, _ = walk_all(library, library.tree("http", "403.1"))
    assert set(reached) == {"exec-none", "scripts-only", "add-verb", "ntfs:grant-read", "last-resort", "wse"}
    assert reached["wse"] == {"6.0"} and reached["exec-none"] == {"5.0", "6.0"}


def test_outcome_for_another_version_is_skipped_through_next(write_tree):
    from wizard.knowledge.library import Library

    write_tree(
        "catalog.yaml",
        """
        catalog:
          - {protocol: http, code: "500", title: T, meaning: m, versions: ["5.0", "6.0"]}
        """,
    )
    folder = write_tree(
        "http/500.yaml",
        """
        protocol: http
        code: "500"
        start: q
        nodes:
          q:
            topic: T
            question: Q?
            answers:
              - {label: A, next: only-six}
              - {label: B, next: last}
          only-six: {outcome: A 6.0 cause., steps: [s], versions: ["6.0"], next: last}
          last: {outcome: Any version., steps: [s]}
        """,
    )
    library = Library.load([folder], builtin=False)
    assert Session.start(library, "http", "500", "6.0").choose(0).outcome.id == "only-six"
    assert Session.start(library, "http", "500", "5.0").choose(0).outcome.id == "last"
