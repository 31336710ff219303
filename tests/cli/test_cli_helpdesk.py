"""The helpdesk commands: find, cases, report, and evidence on explain and --code."""

from __future__ import annotations

import json

import pytest

from tests.helpers import FIX, FIXTURE_TREES
from tests.helpers import run_cli as run
from wizard.cases.store import ESCALATED, Case, CaseStore
from wizard.engine.session import Session
from wizard.knowledge.library import Library


def saved_case(status=None) -> Case:
    library = Library.load([FIXTURE_TREES], builtin=False)
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session).with_note(session, "only .asp")
    case = case.with_session(session.choose(0))
    if status:
        case = case.closed(status, "web team")
    CaseStore().save(case)
    return case


def test_report_markdown_to_screen_and_json_to_file(capsys, tmp_path):
    case = saved_case(ESCALATED)
    code, out, _ = run(capsys, "report", case.id[:15], *FIX)
    assert code == 0
    assert out.startswith("**HTTP 403.1 — Execute access forbidden** · IIS 6.0 · Escalated (web team)\n")
    assert "   - Note (" in out and "only .asp" in out
    target = tmp_path / "case.json"
    code, out, err = run(capsys, "report", case.id, "--format", "json", "-o", str(target), *FIX)
    assert code == 0 and out == "" and f"wrote {target}" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["case"] == case.id and data["result"] == "escalated" and data["steps"][0]["notes"] == ["only .asp"]


def test_report_of_an_unknown_case_says_so(capsys):
    code, out, err = run(capsys, "report", "nope")
    assert code == 1 and out == "" and "no saved case 'nope'" in err


def test_cases_lists_skips_damaged_and_deletes(capsys):
    case = saved_case()
    store = CaseStore()
    (store.folder / "half.json").write_text('{"format": 1, "id": "half", "sess')
    code, out, err = run(capsys, "cases")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == [
        "ID",
        "CODE",
        "TICKET",
        "NOTES",
        "VERSION",
        "RESULT",
        "AGE",
        "LAST",
        "STEP",
    ]
    assert lines[1].startswith(case.id) and "HTTP 403.1" in lines[1] and "Open" in lines[1]
    assert "The folder's execute permission is None." in lines[1]
    assert "skipped" in err and "half.json: line 1: not valid JSON" in err
    code, out, err = run(capsys, "cases", "--delete", case.id)  # without --yes: only what would go
    assert code == 0 and out.startswith(f"would delete {case.id} (HTTP 403.1") and "add --yes" in err
    assert len(store.all().cases) == 1
    code, out, _ = run(capsys, "cases", "--delete", case.id, "--yes")
    assert code == 0 and out.startswith(f"deleted {case.id} (HTTP 403.1") and store.all().cases == []


def test_cases_older_than_removes_only_old_ones(capsys):
    from wizard.knowledge.record import replace

    old = replace(saved_case(), id="20200101-000000-0000", updated="2020-01-01T00:00:00+00:00")
    CaseStore().save(old)
    code, out, _ = run(capsys, "cases", "--older-than", "30")
    assert code == 0 and out.startswith("would delete 20200101-000000-0000")
    assert len(CaseStore().all().cases) == 2
    code, out, _ = run(capsys, "cases", "--older-than", "30", "--yes")
    assert code == 0 and out.startswith("deleted 20200101-000000-0000")
    assert len(CaseStore().all().cases) == 1


def test_explain_win32_and_reason_on_their_own(capsys):
    code, out, _ = run(capsys, "explain", "--win32", "0x8007052e")
    assert code == 0 and out.startswith("Win32 1326 = HRESULT 0x8007052e — ERROR_LOGON_FAILURE\n")
    code, out, _ = run(capsys, "explain", "--reason", "queuefull")
    assert code == 0 and out.startswith("HTTPERR reason QueueFull (sent with HTTP 503)\n")
    code, _, err = run(capsys, "explain", "--reason", "NoSuchReason")
    assert code == 2 and "'NoSuchReason' is not a known HTTPERR reason" in err
    code, _, err = run(capsys, "explain", "--win32", "zz")
    assert code == 2 and "'zz' is not a Win32 code" in err


def test_explain_shows_the_branch_the_evidence_selects(capsys):
    code, out, _ = run(capsys, "explain", "500.19 0x80070021", "--iis", "10", *FIX)
    assert code == 0
    assert "Evidence: Win32 33 (0x80070021)" in out
    assert "⇒ Cause: The web.config sets a section that is locked at the server level." in out
    assert "a) 0x80070021, a locked section  ◀ your evidence" in out


def test_same_code_explains_per_version(capsys):
    code, out6, _ = run(capsys, "explain", "500.19", "--iis", "6.0", *FIX)
    code, out10, _ = run(capsys, "explain", "500.19", "--iis", "10", *FIX)
    assert out6.startswith("HTTP 500.19 — Bad metabase data") and "IIS:      6.0" in out6
    assert "Which error code does the detailed error page show?" not in out6
    assert out10.startswith("HTTP 500.19 — Configuration data is invalid")
    assert "Also:     on IIS 5.0, 6.0 500.19 means: Bad metabase data" in out10


def test_code_with_log_triad_in_a_pipe_prints_the_evidence_branch(capsys, monkeypatch):
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    code, out, err = run(capsys, "--code", "500 19 33", "--iis", "10", *FIX)
    assert code == 0 and "printing the outline" in err
    assert "Evidence: Win32 33 (0x80070021)" in out


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "HTTP Error 403.14 - Forbidden\nThe Web server is configured to not list the contents of this directory.",
            ("http", "403.14"),
        ),
        (
            'Server Error in Application "DEFAULT WEB SITE"\nHTTP Error 500.19 - Internal Server Error\n'
            "Error Code 0x80070021",
            ("http", "500.19"),
        ),
        (
            "2026-11-20 10:01:02 10.0.0.5 GET /app/default.aspx - 443 - 10.1.1.1 Mozilla/5.0 - 401 1 1326 15",
            ("http", "401.1"),
        ),
        ("Response: 530 User cannot log in.", ("ftp", "530")),
        ("The page says: HTTP 500.12 - Server error: Application restarting.", ("http", "500.12")),
        (
            "Customer gets 'Directory Listing Denied - This Virtual Directory does not allow contents to be listed.'",
            ("http", "403.14"),
        ),
        ("users get 'The page requires a client certificate' when opening the portal", ("http", "403.7")),
        ("The number of connections to the server exceeded: too many users", ("http", "403.9")),
    ],
)
def test_find_ranks_the_right_code_first(capsys, text, expected):
    code, out, _ = run(capsys, "find", text, "--iis", "6.0")
    first = out.splitlines()[0].split()
    assert code == 0 and (first[1].lower(), first[2]) == expected, out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("HTTP Error 503. The service is unavailable.", {"503"}),
        # a stopped pool answers 503 from HTTP.sys (reason AppOffline/Disabled) or 503.0 from IIS
        ("Since this morning the application pool is stopped again and again", {"503", "503.0"}),
        ("Directory Listing Denied", {"403.14"}),
        ("HTTP Error 500.0 - ANCM In-Process Handler Load Failure", {"500.0"}),
        ("Bad Request - Invalid Hostname. HTTP Error 400. The request hostname is invalid.", {"400"}),
        # IIS 10 logs this refusal as 413.1 or, on older builds, 404.13: either is right
        (
            "The request filtering module is configured to deny a request that exceeds the request content length.",
            {"404.13", "413.1"},
        ),
    ],
)
def test_find_on_iis_10(capsys, text, expected):
    code, out, _ = run(capsys, "find", text, "--iis", "10")
    first = out.splitlines()[0].split()
    assert code == 0 and first[1] == "HTTP" and first[2] in expected, out


def test_find_passes_on_the_evidence_and_says_how_to_start(capsys):
    code, out, _ = run(
        capsys, "find", "HTTP Error 500.19 - Internal Server Error  Error Code 0x80070021", "--iis", "10"
    )
    assert "Also found: Win32 33 (0x80070021)" in out
    assert " FTP " not in out  # the text names an HTTP code: FTP walks that know Win32 33 stay out
    assert out.rstrip().endswith("Start the walk: iisdoctor --code 500.19 --win32 33")


def test_find_says_so_when_nothing_matches(capsys):
    code, out, _ = run(capsys, "find", "zzzz qqqq")
    assert code == 1 and out.startswith("No known code matches that text.")


def test_find_reads_standard_input(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("HTTP Error 404.3 - Not Found\n"))
    code, out, _ = run(capsys, "find", "--iis", "6.0")
    assert code == 0 and out.split()[1:3] == ["HTTP", "404.3"]


def test_resume_in_a_pipe_prints_the_case_instead(capsys, monkeypatch):
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    case = saved_case()
    code, out, err = run(capsys, "--resume", case.id, *FIX)
    assert code == 0 and "printing the case" in err and out.startswith("**HTTP 403.1")
    code, out, _ = run(capsys, "--resume")
    assert code == 0 and out.splitlines()[1].startswith(case.id)


def test_report_of_a_case_whose_tree_is_gone_says_why(capsys):
    case = saved_case()
    data = case.to_dict()
    data["session"]["code"] = "418"
    (CaseStore().path(case.id)).write_text(json.dumps(data))
    code, out, err = run(capsys, "report", case.id, *FIX)
    assert code == 1 and out == "" and "cannot be shown with the trees installed now" in err


def test_explain_every_version_shows_each_generation_with_tags(capsys):
    code, out, _ = run(capsys, "explain", "500.19", "--iis", "all", *FIX)
    assert code == 0
    old, new = out.split("=" * 100)
    assert old.startswith("HTTP 500.19 — Bad metabase data") and "IIS:      5.0, 6.0" in old
    assert "HTTP 500.19 — Configuration data is invalid" in new and "IIS:      7.0+" in new
    code, out, _ = run(capsys, "explain", "403.1", "--iis", "all", *FIX)
    assert "c) An ISAPI extension [IIS 6.0 only]" in out
    with pytest.raises(SystemExit) as stop:
        run(capsys, "list", "--iis", "all")
    assert stop.value.code == 2 and "unknown IIS version 'all'" in capsys.readouterr().err
