"""The command line in Norwegian bokmål (`--lang nb`): labels, headings, argparse's own words and tree text.

JSON, CSV and validator findings are contracts for tools and tree authors and stay English; those
tests compare the two languages directly.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIX, FIXTURE_TREES, ROOT, write_chain
from tests.helpers import run_cli as run
from tests.logscan.conftest import HEADER as LOGSCAN_HEADER
from wizard.language import messages

TEAPOT = """\
catalog:
  - protocol: http
    code: "418"
    title: {en: Teapot, nb: Tekanne}
    meaning:
      en: >-
        The server is a teapot and will not brew coffee, however politely the client asks for it, and
        says so with a status code that nobody has ever seen in the log of a real web server.
      nb: >-
        Serveren er en tekanne og brygger ikke kaffe, uansett hvor høflig klienten spør om det, og sier
        fra med en statuskode som ingen noensinne har sett i loggen til en ekte webserver.
    versions: ["10.0"]
"""

TEAPOT_TREE = """\
protocol: http
code: "418"
start: kettle
nodes:
  kettle:
    topic: {en: Kettle, nb: Kjele}
    question: {en: Is the kettle on?, nb: Står kjelen på?}
    how: {en: Feel the kettle., nb: Kjenn på kjelen.}
    answers:
      - {label: {en: "Yes", nb: "Ja"}, next: hot}
      - {label: {en: "No", nb: "Nei"}, next: cold}
  hot:
    outcome: {en: The water is hot., nb: Vannet er varmt.}
    steps: [{en: Pour the tea., nb: Hell opp teen.}]
  cold:
    outcome: {en: The kettle is off., nb: Kjelen er av.}
    steps: [{en: Switch it on., nb: Slå den på.}]
examples:
  - {answers: ["Yes"], expect: hot}
  - {answers: ["No"], expect: cold}
"""


@pytest.fixture(autouse=True)
def english_afterwards():
    """The language is process-wide: leave every later test in this worker speaking English."""
    yield
    messages.use("en")


@pytest.fixture
def teapot(write_tree):
    write_tree("catalog.yaml", TEAPOT)
    return write_tree("http/418.yaml", TEAPOT_TREE)


def test_list_headings(capsys):
    code, out, _ = run(capsys, "list", "403.*", "--iis", "6.0", "--lang", "nb")
    assert code == 0 and out.splitlines()[0].split() == ["PROTO", "KODE", "IIS", "BETYDNING"]


def test_list_nothing_matches(capsys):
    code, out, err = run(capsys, "--lang", "nb", "list", "zzzz-nothing")
    assert code == 1 and out == "" and "ingen kjent kode passer med 'zzzz-nothing'" in err


def test_explain_labels_and_tree_text(capsys, teapot):
    code, out, err = run(capsys, "explain", "418", "--trees", str(teapot), "--iis", "10", "--lang", "nb")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "HTTP 418 — Tekanne"
    # "Betydning:" is the longest label, so every value starts in column 11 instead of English's 10
    assert "IIS:       10.0" in lines
    meaning = lines.index(next(line for line in lines if line.startswith("Betydning: ")))
    assert lines[meaning].startswith("Betydning: Serveren er en tekanne")
    assert re.match(r" {11}\S", lines[meaning + 1]), "the wrapped meaning lines up under its first line"
    for expected in [
        "[1] Kjele",
        "  Spørsmål: Står kjelen på?",
        "  Slik sjekker du: Kjenn på kjelen.",
        "  a) Ja",
        "    [2] ÅRSAK",
        "      Årsak: Vannet er varmt.",
        "      Løsning:",
        "        1. Hell opp teen.",
        "  b) Nei",
        "      Årsak: Kjelen er av.",
    ]:
        assert expected in lines, expected


def test_explain_in_english_is_unchanged(capsys, teapot):
    code, out, _ = run(capsys, "explain", "418", "--trees", str(teapot), "--iis", "10", "--lang", "en")
    assert code == 0 and out.startswith("HTTP 418 — Teapot\nClass:    4xx")
    assert "Meaning:  The server is a teapot" in out and "  Q: Is the kettle on?" in out
    assert "How to check: Feel the kettle." in out and "OUTCOME" in out and "Cause: The water is hot." in out


def test_explain_json_stays_english(capsys, teapot):
    argv = ["explain", "418", "--trees", str(teapot), "--iis", "10", "--json"]
    _, english, _ = run(capsys, *argv, "--lang", "en")
    _, bokmal, _ = run(capsys, *argv, "--lang", "nb")
    assert bokmal == english and json.loads(bokmal)["title"] == "Teapot"


def test_explain_remarks_and_reason(capsys):
    code, _, err = run(capsys, "--lang", "nb", "explain", "403.1", *FIX)
    assert code == 0 and "forklarer IIS" in err and "velg en annen med --iis" in err
    code, out, _ = run(capsys, "--lang", "nb", "explain", "--win32", "70000")
    assert code == 0 and out.endswith("Ikke i katalogen.\n")


def test_find(capsys):
    code, out, _ = run(capsys, "find", "HTTP Error 403.14 - Forbidden", "--lang", "nb")
    assert code == 0
    assert "     hvorfor: teksten nevner 403.14" in out
    assert "Start gjennomgangen: iisdoctor --code 403.14" in out


def test_find_log_line_and_json_reasons_stay_english(capsys):
    text = "2024-03-01 10:00:00 GET /x - 80 - 192.0.2.1 - 404 3 50"
    code, out, _ = run(capsys, "find", "--lang", "nb", text)
    assert code == 0 and "hvorfor: en logglinje viser status 404, understatus 3, Win32 50" in out
    _, english, _ = run(capsys, "find", "--json", "--lang", "en", text)
    _, bokmal, _ = run(capsys, "find", "--json", "--lang", "nb", text)
    assert bokmal == english
    assert json.loads(bokmal)["candidates"][0]["why"] == "a log line shows status 404, sub-status 3, Win32 50"


def test_find_without_text(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "find", "--lang", "nb")
    assert code == 2 and "find trenger litt tekst" in err


HEADERLESS = "2024-03-01 10:00:00 10.0.0.1 GET /app/x.json - 80 - 192.0.2.1 Mozilla/5.0 - 404 3 50 15\r\n"


def test_scan_table(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short path: the table is 80 columns wide
    log = tmp_path / "u_ex240301.log"
    log.write_text(HEADERLESS * 3, encoding="utf-8")
    code, out, err = run(capsys, "scan", log.name, "--table", "--lang", "nb")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0] == "3 forespørsler i 1 fil, 0 linjer hoppet over"
    assert lines[2].split() == ["Kode", "Antall", "Andel", "Først", "sett", "Sist", "sett"]
    assert lines[3].startswith("404.3 (50)") and lines[3].split()[2:4] == ["3", "100.0%"]
    assert "    gjennomgang: iisdoctor --code 404.3 --win32 50" in lines
    assert "u_ex240301.log: w3c, 3 lest, 0 hoppet over" in lines
    assert any(line.startswith("  merknad: ingen #Fields-linje: lest med standardfeltene for IIS 7+") for line in lines)


def test_scan_json_and_csv_stay_english(capsys, tmp_path):
    headerless = tmp_path / "u_ex240301.log"
    headerless.write_text(HEADERLESS, encoding="utf-8")
    short = tmp_path / "u_ex240302.log"
    short.write_text(LOGSCAN_HEADER + HEADERLESS + "2024-03-01 10:00:01 10.0.0.1 GET /\r\n", encoding="utf-8")
    for form in ("--json", "--csv"):
        _, english, _ = run(capsys, "scan", str(headerless), str(short), form, "--lang", "en")
        _, bokmal, _ = run(capsys, "scan", str(headerless), str(short), form, "--lang", "nb")
        assert bokmal == english, form
        if form == "--json":
            files = json.loads(bokmal)["files"]
            assert files[0]["notes"] == [
                "no #Fields header: read with the IIS 7+ default field set, which the lines fit"
            ]
            assert files[1]["skipped_lines"] == [{"line": 6, "why": "5 values where #Fields names 15"}]
    _, out, _ = run(capsys, "scan", str(short), "--table", "--lang", "nb")
    assert "  linje 6: 5 verdier der #Fields angir 15" in out.splitlines()


def test_scan_notes_read_back_from_json(capsys, tmp_path):
    log = tmp_path / "u_ex240301.log"
    log.write_text(HEADERLESS + "not a log line at all\r\n", encoding="utf-8")
    _, report, _ = run(capsys, "scan", str(log), "--json")
    saved = tmp_path / "scan.json"
    saved.write_text(report, encoding="utf-8")
    _, out, _ = run(capsys, "scan", "--merge", str(saved), "--lang", "nb")
    # text read back from JSON has lost its values: a sentence without any is translated, the rest stays English
    lines = out.splitlines()
    assert "  merknad: no #Fields header, 2 lines not read" in lines
    assert "  linje 1: ingen #Fields-linje før denne linjen" in lines


def test_scan_usage_errors(capsys, tmp_path):
    code, _, err = run(capsys, "scan", str(tmp_path / "missing.log"), "--lang", "nb")
    assert code == 2 and "filen eller mappen finnes ikke" in err
    code, _, err = run(capsys, "scan", str(tmp_path), "--since", "yesterday", "--table", "--lang", "nb")
    assert code == 2 and "ikke en ISO-dato eller et ISO-tidspunkt: 'yesterday'" in err


def test_said_notes_survive_pickling_for_parallel_workers():
    from wizard.logscan.model import Said, in_language

    note = Said("no #Fields header, {lines} lines not read", lines=7)
    back = pickle.loads(pickle.dumps(note))
    assert back == "no #Fields header, 7 lines not read" and back.values == {"lines": 7}
    with messages.speaking("nb"):
        assert in_language(back) == "ingen #Fields-linje, linjer som ikke er lest: 7"
        assert in_language("empty file") == "tom fil"  # read back from JSON, no values
        assert in_language("anything else") == "anything else"


def test_validate_summary_in_bokmal(capsys, write_tree):
    folder = write_chain(write_tree, 2, to_end=("B",))
    code, out, err = run(capsys, "validate", "--no-builtin", str(folder), "--lang", "nb")
    # the tree is English only: --lang nb lists each field without bokmål, which is not an error
    assert code == 0 and out and all(": translation: " in line for line in out.splitlines())
    assert "lengste gjennomganger, i spørsmål før første årsak (tak 8): HTTP 418 2" in err
    assert "2 filer: 1 tre, 0 delte deltrær, 1 kode i katalogen; 0 feil, 0 advarsler" in err


def test_validate_summary_in_english_keeps_its_wording(capsys, write_tree):
    folder = write_chain(write_tree, 2, to_end=("B",))
    code, _, err = run(capsys, "validate", "--no-builtin", str(folder), "--lang", "en")
    assert code == 0
    assert "2 file(s): 1 tree(s), 0 shared subtree(s), 1 catalog code(s); 0 error(s), 0 warning(s)" in err


def test_validate_findings_stay_english_and_examples_use_english_labels(capsys, teapot, write_tree):
    # the examples name answers by their English labels: they must replay in any language
    code, out, err = run(capsys, "validate", "--no-builtin", str(teapot), "--lang", "nb")
    assert code == 0 and "error" not in out, out
    assert "0 feil, 0 advarsler" in err
    write_tree("http/418.yaml", TEAPOT_TREE.replace("expect: cold", "expect: hot"))
    code, out, err = run(capsys, "validate", "--no-builtin", str(teapot), "--lang", "nb")
    assert code == 1 and "example: expected to end on 'hot' but the walk stops at 'cold'" in out
    assert "1 feil, 0 advarsler" in err


def test_help(capsys):
    with pytest.raises(SystemExit) as done:
        run(capsys, "--help", "--lang", "nb")
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert out.startswith("bruk: iisdoctor [-h]")
    assert "\nalternativer:\n" in out and "\nposisjonsargumenter:\n" in out
    assert "  -h, --help            vis denne hjelpeteksten og avslutt" in out
    assert "vis programmets versjonsnummer og avslutt" in out
    assert "Veiledet feilsøking av statuskoder fra IIS HTTP og FTP." in out
    assert "    list                vis alle kjente koder og hva de betyr" in out
    assert "\neksempler:\n  iisdoctor                         åpne veiviseren på startsiden\n" in out
    assert "  iisdoctor explain 500.19 --iis 6.0 | less\n" in out


def test_help_of_a_command(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "scan", "--help", "--lang", "nb")
    out = capsys.readouterr().out
    assert out.startswith("bruk: iisdoctor scan [-h]")
    assert "les IIS-logger (W3C, HTTPERR, FTP)" in out and "skriv én CSV-rad per kombinasjon" in out


def test_help_in_english_is_unchanged(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--help", "--lang", "en")
    out = capsys.readouterr().out
    assert out.startswith("usage: iisdoctor [-h]") and "\noptions:\n" in out
    assert "\nexamples:\n  iisdoctor                         open the wizard on the home screen\n" in out
    assert "  iisdoctor validate ./site-trees   check the built-in trees plus a folder of your own\n" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--iis", "99", "list"], "iisdoctor: feil: ukjent IIS-versjon '99'; velg en av 5.0, 6.0"),
        (["--iis", "99", "explain", "403"], "(eller all, med explain)"),
        (["lisst"], "iisdoctor: feil: argument COMMAND: ugyldig valg: 'lisst' (velg blant "),
        (["report"], "iisdoctor report: feil: disse argumentene er påkrevd: id"),
        (["list", "--bogus"], "iisdoctor: feil: ukjente argumenter: --bogus"),
        (["find", "-n", "0", "x"], "feil: argument -n/--limit: '0' er ikke et positivt tall"),
        (["cases", "--older-than", "x"], "'x' er ikke et antall dager (1 eller flere)"),
        (["--http", "--ftp"], "argument --ftp: ikke tillatt sammen med argumentet --http"),
        (["--iis"], "argument --iis: forventet ett argument"),
    ],
)
def test_usage_errors(capsys, argv, expected):
    with pytest.raises(SystemExit) as done:
        run(capsys, "--lang", "nb", *argv)
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.startswith("bruk: iisdoctor") and expected in err, err


def test_cases_table_headings(capsys, library):
    from wizard.cases.store import Case, CaseStore
    from wizard.engine.session import Session

    CaseStore().save(Case.new(Session.start(library, "http", "403.1", "6.0").choose(0)).with_ticket("INC-1"))
    code, out, _ = run(capsys, "cases", "--lang", "nb")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "KODE", "SAKSNUMMER", "NOTATER", "VERSJON", "RESULTAT", "ALDER"] + [
        "SISTE",
        "TRINN",
    ]
    code, _, err = run(capsys, "cases", "--lang", "nb", "zzzz")
    assert code == 1 and "ingen lagret sak passer med 'zzzz'" in err


def test_plain_wizard_fallback(capsys):
    code, _, err = run(capsys, "--lang", "nb")
    assert code == 2 and "veiviseren trenger en terminal" in err
    code, out, err = run(capsys, "--lang", "nb", "--code", "403.1", *FIX)
    assert code == 0 and "skriver oversikten i stedet for å starte veiviseren" in err and "Klasse:" in out


def test_skipped_tree_files_warning(capsys, tmp_path):
    broken = tmp_path / "trees"
    (broken / "http").mkdir(parents=True)
    (broken / "http" / "999.yaml").write_text("protocol: http\ncode: [\n", encoding="utf-8")
    code, _, err = run(capsys, "--lang", "nb", "list", "403", "--trees", str(broken))
    assert code == 0 and "advarsel: hoppet over 1 trefil med feil" in err and "iisdoctor validate" in err


def test_question_view_in_bokmal(library):
    from wizard.engine.session import Session
    from wizard.views.question import question_view

    with messages.speaking("nb"):
        view = question_view(Session.start(library, "http", "403.1", "6.0"), library, "6.0")
    assert re.fullmatch(r"Spørsmål 1 · (dette er det siste spørsmålet|høyst \d+ til etter dette)", view.progress)


def test_cp1252_console(tmp_path):
    """A Windows console or redirect in cp1252 gets æ, ø and å as they are, and look-alikes for the rest."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wizard",
            "explain",
            "403.1",
            "--lang",
            "nb",
            "--iis",
            "6.0",
            "--trees",
            str(FIXTURE_TREES),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("cp1252", "replace")
    out = result.stdout.decode("cp1252")
    for label in ("Klasse:", "Betydning:", "Spørsmål:", "Slik sjekker du:", "ÅRSAK", "Årsak:", "Løsning:"):
        assert label in out, label
    assert "Løste ikke dette problemet?" in out and "->" in out and "→" not in out


def test_argparse_words_are_the_running_pythons():
    """The argparse strings listed for the catalog are the ones this Python's argparse asks gettext for."""
    import argparse
    import ast

    from wizard.cli.parser import ARGPARSE_WORDS

    source = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    asked = {
        node.args[0].value
        for node in ast.walk(source)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("_", "ngettext")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    newer = {"%(heading)s:"} if sys.version_info < (3, 13) else set()
    assert set(ARGPARSE_WORDS) - newer <= asked, sorted(set(ARGPARSE_WORDS) - newer - asked)
    assert {"usage: ", "options", "positional arguments", "show this help message and exit"} <= asked


def test_catalog_is_complete_for_these_areas(monkeypatch):
    """Every string of cli, views, logscan, find and validation has a bokmål translation with the same
    {placeholders}, and the compiled catalog is up to date."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("catalog_script", ROOT / "scripts" / "messages.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "catalog_script", script)  # its dataclasses look themselves up there
    spec.loader.exec_module(script)
    areas = tuple(f"wizard/{area}/" for area in ("cli", "views", "logscan", "find", "validation"))
    problems = [p for p in script.problems("nb") if p.startswith(areas) or "LC_MESSAGES" in p]
    assert problems == []
