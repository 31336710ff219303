"""`validate --lang nb` names every text field of a tree that lacks bokmål, with its place."""

from __future__ import annotations

import textwrap

from tests.helpers import run_cli

TREE = """\
protocol: http
code: "418"
versions: ["7.0+"]
start: q
nodes:
  q:
    topic: {en: Teapot, nb: Tekanne}
    question: Is it a teapot?
    answers:
      - label: {en: "Yes", nb: "Ja"}
        next: o
      - label: "No"
        next: o
  o:
    outcome: {en: It is a teapot., nb: Det er en tekanne.}
    steps:
      - {en: Use a coffee pot., nb: Bruk en kaffekanne.}
"""


def test_validate_lists_untranslated_fields_with_file_and_line(tmp_path, capsys):
    folder = tmp_path / "trees" / "http" / "iis7"
    folder.mkdir(parents=True)
    (folder / "418.yaml").write_text(textwrap.dedent(TREE), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--no-builtin", "--lang", "nb", str(tmp_path / "trees"))
    lines = [line for line in out.splitlines() if "translation:" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "translation: q.question: no 'nb' text",
        "translation: q.answers[1].label: no 'nb' text",
    ]
    assert [line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in lines] == ["418.yaml:7:5", "418.yaml:12:9"]
    assert "2 tekstfelt uten oversettelse til nb" in err


def test_validate_in_english_does_not_ask_for_translations(tmp_path, capsys):
    folder = tmp_path / "trees" / "http" / "iis7"
    folder.mkdir(parents=True)
    (folder / "418.yaml").write_text(textwrap.dedent(TREE), encoding="utf-8")
    _code, out, err = run_cli(capsys, "validate", "--no-builtin", str(tmp_path / "trees"))
    assert "translation:" not in out
    assert "without a translation" not in err
