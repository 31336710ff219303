"""Each validator rule, on a tiny tree that breaks exactly that rule."""

from __future__ import annotations

from tests.helpers import write_chain
from wizard.cli.main import main
from wizard.knowledge.library import Library
from wizard.validation.validator import validate

CATALOG = """
catalog:
  - {protocol: http, code: "403.1", title: Execute access forbidden, meaning: m, versions: ["5.0", "6.0"]}
"""

SHARED = """
subtree: perms
title: Permissions
start: ok
nodes:
  ok:
    topic: Perms
    question: Fine?
    answers:
      - {label: "Yes", next: return}
      - {label: "No", next: fix}
  fix: {outcome: Broken ACL., steps: [Fix the ACL.]}
"""


def errors(folder) -> list[str]:
    return [str(f) for f in validate(Library.load([folder], builtin=False)) if f.is_error]


def tree(body: str) -> str:
    return 'protocol: http\ncode: "403.1"\nstart: q\nnodes:\n' + body


def only_error(write_tree, tree_text: str) -> str:
    """The one error the validator finds in an HTTP 403.1 tree beside the standard catalog."""
    write_tree("catalog.yaml", CATALOG)
    [message] = errors(write_tree("http/403.1.yaml", tree_text))
    return message


GOOD_BODY = """
  q:
    topic: Kind
    question: Which?
    answers:
      - {label: A, next: a}
      - {label: B, next: b}
  a: {outcome: Cause A., steps: [Do A.]}
  b: {outcome: Cause B., steps: [Do B.]}
"""


def test_fixture_trees_are_clean(library):
    assert [str(f) for f in validate(library)] == []


def test_good_tree_passes(write_tree):
    write_tree("catalog.yaml", CATALOG)
    assert errors(write_tree("http/403.1.yaml", tree(GOOD_BODY))) == []


def test_unknown_node_reference(write_tree):
    message = only_error(write_tree, tree(GOOD_BODY.replace("next: b}", "next: bb}")))
    assert "403.1.yaml:11:9: q: answer 2 names unknown node 'bb'; did you mean 'b'?" in message


def test_unknown_subtree_and_return_outside_subtree(write_tree):
    write_tree("catalog.yaml", CATALOG)
    folder = write_tree(
        "http/403.1.yaml", tree(GOOD_BODY.replace("next: a}", "next: return}") + "  c: {use: nothing-here, then: a}\n")
    )
    messages = errors(folder)
    assert any("q: answer 1 is 'return', which only a shared subtree may use" in m for m in messages), messages
    assert any("c: unknown shared subtree 'nothing-here'" in m for m in messages), messages


def test_unreachable_node(write_tree):
    message = only_error(write_tree, tree(GOOD_BODY + "  lost: {outcome: Nobody comes here., steps: [x]}\n"))
    assert "lost: no path from 'q' reaches this node" in message


def test_loop_with_no_way_out(write_tree):
    write_tree("catalog.yaml", CATALOG)
    folder = write_tree(
        "http/403.1.yaml",
        tree("""
  q:
    topic: Kind
    question: Which?
    answers:
      - {label: A, next: a}
      - {label: B, next: r}
  a: {outcome: Cause A., steps: [Do A.]}
  r:
    topic: Round
    question: Again?
    answers:
      - {label: X, next: s}
      - {label: Y, next: s}
  s:
    topic: Round
    question: And again?
    answers:
      - {label: X, next: r}
      - {label: Y, next: r}
"""),
    )
    messages = errors(folder)
    assert len(messages) == 2 and all("caught in a loop with no way out" in m for m in messages), messages


def test_question_needs_two_answers_and_outcome_needs_steps(write_tree):
    write_tree("catalog.yaml", CATALOG)
    folder = write_tree(
        "http/403.1.yaml",
        tree("""
  q:
    topic: Kind
    question: Which?
    answers:
      - {label: A, next: a}
  a: {outcome: Cause A., steps: []}
"""),
    )
    messages = errors(folder)
    assert any("q: a question needs at least two answers" in m for m in messages), messages
    assert any("a: an outcome needs at least one fix step" in m for m in messages), messages


def test_answers_per_version(write_tree):
    message = only_error(write_tree, tree(GOOD_BODY.replace("next: b}", 'next: b, versions: ["6.0"]}')))
    assert "q: on IIS 5.0 only 1 answer(s) apply" in message


def test_duplicate_codes_and_code_missing_from_catalog(write_tree):
    write_tree(
        "catalog.yaml", CATALOG + '  - {protocol: http, code: "403.1", title: Again, meaning: m, versions: ["6.0"]}\n'
    )
    write_tree("http/403.1.yaml", tree(GOOD_BODY))
    write_tree("http/copy.yaml", tree(GOOD_BODY))
    folder = write_tree("http/999.yaml", tree(GOOD_BODY).replace('"403.1"', '"418"'))
    messages = errors(folder)
    assert any("duplicate catalog entry for HTTP 403.1" in m for m in messages), messages
    assert any("duplicate tree for HTTP 403.1" in m for m in messages), messages
    assert any("999.yaml:1:1: HTTP 418 is not in the code catalog" in m for m in messages), messages


def test_tree_versions_must_be_covered_by_catalog(write_tree):
    message = only_error(write_tree, tree(GOOD_BODY).replace("start: q", 'versions: ["10.0"]\nstart: q'))
    assert "the tree claims IIS 10.0, but the catalog entry for 403.1 covers only 5.0, 6.0" in message


def test_use_of_returning_subtree_needs_then(write_tree):
    write_tree("catalog.yaml", CATALOG)
    write_tree("shared/perms.yaml", SHARED)
    folder = write_tree("http/403.1.yaml", tree(GOOD_BODY.replace("next: b}", "next: c}") + "  c: {use: perms}\n"))
    [message] = errors(folder)
    assert "c: subtree 'perms' can return, so this node needs 'then'" in message


def test_examples_are_replayed(write_tree):
    write_tree("catalog.yaml", CATALOG)
    folder = write_tree(
        "http/403.1.yaml",
        tree(GOOD_BODY)
        + """
examples:
  - {answers: [A], expect: a}
  - {answers: [2], expect: a}
  - {answers: [C], expect: a}
  - {answers: [A, B], expect: a}
""",
    )
    messages = errors(folder)
    assert len(messages) == 3, messages
    assert "example: expected to end on 'a' but the walk stops at 'b'" in messages[0]
    assert "example: q has no answer 'C' (answers: A; B)" in messages[1]
    assert "example: answer 'B' given, but a is an outcome" in messages[2]


def test_cli_prints_file_line_column_and_exits_1(write_tree, capsys):
    write_tree("catalog.yaml", CATALOG)
    folder = write_tree("http/403.1.yaml", tree(GOOD_BODY.replace("next: b}", "next: bb}")))
    assert main(["validate", "--no-builtin", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.strip().endswith("403.1.yaml:11:9: q: answer 2 names unknown node 'bb'; did you mean 'b'?")
    assert "1 error(s)" in err


def test_cli_malformed_yaml_exits_1_without_traceback(write_tree, capsys):
    folder = write_tree("http/bad.yaml", "protocol: [http\n")
    assert main(["validate", "--no-builtin", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "bad.yaml:2:1: YAML syntax" in out and "Traceback" not in out + err


def test_one_kb_article_one_title(write_tree):
    write_tree("catalog.yaml", CATALOG)
    folder = write_tree(
        "http/403.1.yaml",
        """
        protocol: http
        code: "403.1"
        start: q
        nodes:
          q:
            topic: T
            question: Which?
            answers:
              - {label: A, next: a}
              - {label: B, next: b}
          a: {outcome: A., steps: [Do a.], kb: [{id: 248072, title: "Setting permissions"}]}
          b: {outcome: B., steps: [Do b.], kb: [{id: 248072, title: "Setting NTFS permissions"}]}
        """,
    )
    warnings = [str(f) for f in validate(Library.load([folder], builtin=False)) if not f.is_error]
    assert any(
        "403.1.yaml:12:" in w and "KB 248072 is titled 'Setting NTFS permissions' here but 'Setting permissions'" in w
        for w in warnings
    ), warnings


def test_a_walk_longer_than_the_ceiling_is_named(write_tree):
    folder = write_chain(write_tree, 9, to_end=("B",))
    warnings = [str(f) for f in validate(Library.load([folder], builtin=False)) if not f.is_error]
    assert any(
        "418.yaml:1:1" in w and "asks up to 9 questions before its first outcome on IIS 10.0" in w for w in warnings
    )
