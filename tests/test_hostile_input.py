"""Files and text from colleagues we must not trust: each finding of the safety review, reproduced.

Case files that name paths, escape sequences in trees, notes and logs, YAML bombs, trees too
deep to walk, Windows code pages, and the small usage traps.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIX, FIXTURE_TREES, ROOT, write_chain
from tests.helpers import run_cli as run
from wizard.cases.report import build, to_markdown
from wizard.cases.store import Case, CaseError, CaseStore
from wizard.engine.session import Session
from wizard.knowledge.library import Library

RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = "\x1b[2J\x1b]52;c;cHduZWQ=\x07\x1b]8;;http://evil\x07link\x1b]8;;\x07"


def plant_case(case_id: str, *, file_name: str | None = None, note: str = "fine") -> Path:
    """A case file as a hostile colleague could leave it in the cases folder."""
    library = Library.load([FIXTURE_TREES], builtin=False)
    session = Session.start(library, "http", "403.1", "6.0").choose(0)
    case = Case.new(session).with_note(session, "x")
    data = case.to_dict()
    data["id"] = case_id
    data["notes"][0]["text"] = note
    folder = CaseStore().folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_name or case_id}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- 1. a case's id is never a path ------------------------------------------------------------


def test_an_id_inside_a_case_file_cannot_reach_outside_the_cases_folder(tmp_path):
    victim = tmp_path / "x" / "important.json"
    victim.parent.mkdir()
    victim.write_text("precious", encoding="utf-8")
    store = CaseStore()
    store.folder.mkdir(parents=True)
    climb = os.path.relpath(victim.with_suffix(""), store.folder)  # ../../x/important
    planted = plant_case(climb, file_name="20260101-000000-eeee")
    (case,) = store.all().cases
    assert case.id == planted.stem  # the file names the case, not its content
    store.save(case)  # as resuming does
    store.delete(case.id)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not planted.exists()


@pytest.mark.parametrize("bad", ["../../etc/passwd", "..", "a/b", "a\\b", "", "x" * 81, "-leading"])
def test_ids_that_could_name_other_files_are_refused(bad):
    with pytest.raises(CaseError):
        CaseStore().path(bad)


def test_a_renamed_or_copied_case_opens_under_its_file_name():
    plant_case("20260101-000000-aaaa", file_name="copy-for-anna")
    store = CaseStore()
    assert [c.id for c in store.all().cases] == ["copy-for-anna"]
    assert store.load("copy-for-anna").id == "copy-for-anna"


def test_cli_delete_with_a_path_like_id_is_refused(capsys, tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "cases", "--delete", str(tmp_path / "outside"), "--yes")
    assert code == 1 and "is not a case id" in err and outside.exists()


# -- 2. escape sequences never reach the terminal ------------------------------------------------


def test_a_note_with_escape_sequences_is_shown_inert_everywhere(capsys):
    plant_case("20260101-000000-bbbb", note=f"customer said {ESCAPES} ok")
    code, out, err = run(capsys, "report", "20260101-000000-bbbb", *FIX)
    assert code == 0 and not RAW_CONTROL.search(out + err)
    assert "␛[2J" in out  # made visible, not dropped: the reader sees something was there
    code, out, err = run(capsys, "report", "20260101-000000-bbbb", "--format", "json", *FIX)
    assert code == 0 and "\\u001b" not in out and not RAW_CONTROL.search(out)


def test_a_tree_with_control_characters_is_refused_at_its_line(write_tree, capsys):
    folder = write_tree(
        "catalog.yaml",
        'catalog:\n  - {protocol: http, code: "418", title: "Tea\\e[2Jpot", meaning: m, versions: ["10.0"]}\n',
    )
    code, out, err = run(capsys, "validate", "--no-builtin", str(folder))
    assert code == 1 and "catalog.yaml:2:" in out and "control character U+001B" in out
    assert not RAW_CONTROL.search(out + err)
    code, out, err = run(capsys, "list", "418", "--trees", str(folder))
    assert not RAW_CONTROL.search(out + err)


def test_markdown_export_keeps_user_text_from_becoming_markup():
    library = Library.load([FIXTURE_TREES], builtin=False)
    session = Session.start(library, "http", "403.1", "6.0")
    case = Case.new(session).with_note(session, "# Heading | a | b <img src=x onerror=alert(1)> [x](http://evil)")
    text = to_markdown(build(case, library))
    note = next(line for line in text.splitlines() if "Note (" in line).split("): ", 1)[1]  # after its time
    unescaped = re.compile(r"(?<!\\)[<>|*`]|\]\(")
    assert note.startswith("\\# Heading") and not unescaped.search(note), note


# -- 3. and 4. YAML bombs and deep trees ---------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused_quickly(write_tree, capsys):
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    folder = write_tree("http/418.yaml", 'protocol: http\ncode: "418"\nstart: q\n' + "\n".join(rows) + "\nnodes: {}\n")
    code, out, _ = run(capsys, "validate", "--no-builtin", str(folder))
    assert code == 1 and "anchors and aliases (&name, *name) are not supported" in out


def test_nesting_beyond_any_tree_is_a_finding(write_tree, capsys):
    folder = write_tree("http/418.yaml", "x: " + "[" * 5000 + "]" * 5000 + "\n")
    code, out, _ = run(capsys, "validate", "--no-builtin", str(folder))
    assert code == 1 and "418.yaml:1:" in out and "nesting" in out


def test_a_tree_too_deep_to_walk_is_refused_with_its_size(write_tree, capsys):
    folder = write_chain(write_tree, 600)
    code, out, _ = run(capsys, "validate", "--no-builtin", str(folder))
    assert code == 1 and "418.yaml:1:1" in out and "reaches 601 nodes" in out
    code, out, err = run(capsys, "explain", "418", "--iis", "10", "--trees", str(folder))
    assert code == 0 and "No guided walk" in out and "skipped 1 tree file(s)" in err


def test_the_largest_allowed_tree_walks_and_explains(write_tree, capsys):
    folder = write_chain(write_tree, 199)
    code, out, _ = run(capsys, "explain", "418", "--iis", "10", "--trees", str(folder))
    assert code == 0 and "Q198?" in out
    library = Library.load([folder], builtin=False)
    assert Session.start(library, "http", "418", "10.0").remaining() == 199


# -- 5. Windows code pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "cp1252"}, {"PYTHONIOENCODING": "cp437"}, {"PYTHONUTF8": "0", "LANG": "C", "LC_ALL": "C"}],
)
@pytest.mark.parametrize("argv", [["explain", "403.14", "--iis", "6.0"], ["list", "403"], ["find", "403.14"]])
def test_redirected_output_in_a_legacy_code_page_never_crashes(env, argv):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "PYTHONUTF8", "LC_"))}
    result = subprocess.run(
        [sys.executable, "-m", "wizard", *argv], cwd=ROOT, env={**base, **env}, capture_output=True, timeout=60
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    if argv[0] == "explain" and "PYTHONIOENCODING" in env:  # the outline's arrows, as the code page can show them
        assert b"->" in result.stdout and "→".encode() not in result.stdout


def test_files_written_with_o_are_utf8_and_dash_is_the_screen(capsys, tmp_path):
    plant_case("20260101-000000-cccc", note="arrow → and dash —")
    target = tmp_path / "ticket.md"
    code, _, _ = run(capsys, "report", "20260101-000000-cccc", "-o", str(target), *FIX)
    assert code == 0 and "arrow → and dash —" in target.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "report", "20260101-000000-cccc", "-o", "-", *FIX)
    assert code == 0 and out.startswith("**HTTP 403.1") and not Path("-").exists()


# -- 7. the smaller traps ----------------------------------------------------------------------------


def test_older_than_zero_and_negative_win32_are_usage_errors(capsys):
    with pytest.raises(SystemExit) as exc:
        run(capsys, "cases", "--older-than", "0")
    assert exc.value.code == 2 and "not a number of days" in capsys.readouterr().err
    code, _, err = run(capsys, "explain", "--win32", "-5")
    assert code == 2 and "'-5' is not a Win32 code" in err


def test_a_missing_trees_folder_is_named_as_missing(capsys, tmp_path):
    code, _, err = run(capsys, "list", "403.1", "--trees", str(tmp_path / "nonexistent"))
    assert code == 0 and "nonexistent: folder not found" in err and "skipped" not in err


def test_a_case_that_cannot_be_deleted_is_a_message_not_a_traceback(capsys, monkeypatch):
    plant_case("20260101-000000-dddd")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)  # a read-only folder, even for an administrator
    code, _, err = run(capsys, "cases", "--delete", "20260101-000000-dddd", "--yes")
    assert code == 1 and "cannot delete 20260101-000000-dddd: Permission denied" in err


def test_a_densely_branching_tree_is_counted_in_linear_time(write_tree):
    """Every question has two answers leading to the same next question: 2^150 paths, one count."""
    folder = write_chain(write_tree, 150, onward=("A", "B"))
    library = Library.load([folder], builtin=False)
    session = Session.start(library, "http", "418", "10.0")
    assert session.remaining() == 150 and session.longest_in_walk() == 150
