"""A case speaks the language it was last worked in, and can be reported in the other one."""

from __future__ import annotations

from wizard.cases.report import render
from wizard.cases.store import ESCALATED, Case
from wizard.engine.session import Session
from wizard.language import messages


def norwegian_case(builtin) -> Case:
    messages.use("nb")
    session = Session.start(builtin, "http", "403.1", "6.0")
    case = Case.new(session).with_note(session, "bare .asp feiler")
    session = session.choose(0)
    return case.with_session(session).closed(ESCALATED, "til webteamet")


def test_a_case_started_in_norwegian_reports_in_norwegian(builtin):
    case = norwegian_case(builtin)
    messages.use("en")  # the report does not depend on the language of the run that writes it
    assert case.lang == "nb"
    text = render(case, builtin)
    assert "Eskalert (til webteamet)" in text.splitlines()[0]
    assert "Kjøretilgang forbudt" in text.splitlines()[0]
    assert "Trinn:" in text
    assert "Hva kjører URL-en som mislykkes?" in text
    assert messages.current() == "en"


def test_report_in_the_other_language_on_request(builtin):
    case = norwegian_case(builtin)
    text = render(case, builtin, lang="en")
    assert "Escalated (to" not in text  # the remark is the person's own words, kept as typed
    assert "Escalated (til webteamet)" in text
    assert "Steps:" in text and "What does the failing URL run?" in text
    assert "bare .asp feiler" in text  # notes are never translated


def test_resumed_in_english_the_case_then_speaks_english(builtin):
    saved = Case.from_dict(norwegian_case(builtin).to_dict())
    assert saved.lang == "nb"
    messages.use("en")
    session, _dropped = Session.restore(builtin, saved.session)
    resumed = saved.with_session(session.back())
    assert resumed.lang == "en"
    assert "Steps:" in render(resumed, builtin)


def test_an_unknown_language_in_a_case_file_reads_as_english(builtin):
    data = norwegian_case(builtin).to_dict()
    data["lang"] = "../../etc"
    assert Case.from_dict(data).lang == "en"
