"""Issue 14 on the command line: --json shapes, the unquoted triad, ambiguity, --reason, ORed
list patterns, and cases with tickets, filters and import."""

from __future__ import annotations

import json

import pytest

from tests.helpers import run_cli as run
from wizard.cases.store import Case, CaseStore
from wizard.engine.session import Session
from wizard.knowledge.library import Library


def test_list_json_ors_its_patterns(capsys):
    code, out, _ = run(capsys, "list", "403.14", "404.3", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == 1
    assert {(c["protocol"], c["code"]) for c in data["codes"]} >= {("http", "403.14"), ("http", "404.3")}
    first = data["codes"][0]
    assert set(first) == {"protocol", "code", "title", "meaning", "versions", "walk_versions"}


def test_find_json_ranks_a_pasted_page(capsys):
    page = "HTTP Error 500.19 - Internal Server Error\nError Code 0x8007000d\nConfig File \\\\?\\C:\\web.config"
    code, out, _ = run(capsys, "find", page, "--json", "--iis", "10")
    data = json.loads(out)
    assert code == 0 and data["candidates"][0]["code"] == "500.19"
    assert {"score", "why"} <= set(data["candidates"][0]) and data["evidence"]["win32"] == 13


def test_explain_json_gives_the_tree_with_kb_links(capsys):
    code, out, _ = run(capsys, "explain", "500.19", "--iis", "10", "--json")
    data = json.loads(out)
    assert code == 0 and data["version"] == "10.0" and data["code"] == "500.19"
    nodes = data["tree"]["nodes"]
    assert nodes[data["tree"]["start"]]["kind"] == "question"
    kb = [k for n in nodes.values() if n["kind"] == "outcome" for k in n["kb"]]
    assert kb and all(k["url"] == f"https://support.microsoft.com/kb/{k['id']}" for k in kb)


def test_explain_text_links_kb_articles(capsys):
    _, out, _ = run(capsys, "explain", "500.19", "--iis", "10")
    assert "<https://support.microsoft.com/kb/942055>" in out


def test_code_takes_the_log_triad_unquoted(capsys, monkeypatch):
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    code, out, _ = run(capsys, "--code", "401", "2", "5", "--iis", "10")
    assert code == 0 and "HTTP 401.2" in out


def test_an_ambiguous_code_is_called_ambiguous(capsys):
    code, _, err = run(capsys, "explain", "500")
    assert code != 0 and "ambiguous" in err and "HTTP 500" in err and "FTP 500" in err


def test_reason_implies_http(capsys):
    from wizard.cli.parser import build_parser, to_request

    parser = build_parser()
    request = to_request(parser, parser.parse_args(["--code", "503", "--reason", "QueueFull"]))
    assert request.protocol == "http"


def cases_with_tickets() -> list[Case]:
    library = Library.load()
    store = CaseStore()
    first = Session.start(library, "http", "500.19", "10.0").choose(0)
    second = Session.start(library, "http", "403.14", "10.0").choose(0)
    made = [
        Case.new(first).with_ticket("INC4711").with_note(first, "Contoso web farm"),
        Case.new(second).with_ticket("INC0815"),
    ]
    for case in made:
        store.save(case)
    return made


def test_cases_show_ticket_and_notes_and_filter_by_code_ticket_or_text(capsys):
    first, second = cases_with_tickets()
    _, out, _ = run(capsys, "cases")
    assert "TICKET" in out and "NOTES" in out and "INC4711" in out and "INC0815" in out
    assert "just now" in out and "just now ago" not in out
    for words in (["500.19"], ["inc4711"], ["contoso"]):
        _, out, _ = run(capsys, "cases", *words)
        assert first.id in out and second.id not in out
    code, _, err = run(capsys, "cases", "nothing-like-this")
    assert code != 0 and "no saved case matches" in err


def test_cases_import_takes_an_export_and_refuses_a_path_as_id(capsys, tmp_path):
    from wizard.cases.report import build, to_json

    first, _ = cases_with_tickets()
    exported = tmp_path / "from-colleague.json"
    exported.write_text(to_json(build(first, Library.load())), encoding="utf-8")
    code, out, _ = run(capsys, "cases", "--import", str(exported))
    assert code == 0 and "imported HTTP 500.19" in out
    cases = CaseStore().all().cases
    assert len(cases) == 3 and len({c.id for c in cases}) == 3  # same id already here: a new one
    sneaky = first.to_dict() | {"id": "../../outside"}
    (tmp_path / "sneaky.json").write_text(json.dumps(sneaky), encoding="utf-8")
    code, out, _ = run(capsys, "cases", "--import", str(tmp_path / "sneaky.json"))
    assert code == 0 and "../" not in out
    assert all(p.parent == CaseStore().folder for p in CaseStore().folder.glob("*.json"))
    (tmp_path / "junk.json").write_text('{"format": 1, "id": "x"}', encoding="utf-8")
    code, _, err = run(capsys, "cases", "--import", str(tmp_path / "junk.json"))
    assert code != 0 and "is not a case" in err


def test_find_takes_text_that_starts_with_a_dash(capsys):
    code, _, err = run(capsys, "find", "-: HTTP Error 500.19 - Internal Server Error")
    assert code == 0 and "unrecognized" not in err
    with pytest.raises(SystemExit):  # other commands still refuse unknown options
        run(capsys, "list", "--no-such-option")
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err
