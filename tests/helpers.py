"""Helpers shared by the test modules: the fixture trees, walking every path, running the CLI."""

from __future__ import annotations

from pathlib import Path

from wizard.cli.main import main
from wizard.engine.session import Session
from wizard.knowledge.library import Library
from wizard.knowledge.model import Outcome, Tree

ROOT = Path(__file__).resolve().parent.parent  # the repository
FIXTURE_TREES = Path(__file__).parent / "fixtures" / "trees"
FIX = ["--trees", str(FIXTURE_TREES)]


TEAPOT_CATALOG = 'catalog:\n  - {protocol: http, code: "418", title: Tea, meaning: m, versions: ["10.0"]}\n'


def write_chain(write_tree, length: int, onward: tuple[str, ...] = ("A",), to_end: tuple[str, ...] = ()) -> Path:
    """HTTP 418 (IIS 10) as a chain of `length` questions, written with the `write_tree` fixture.

    At each question the answers labelled `onward` lead to the next one and those labelled
    `to_end` straight to the single outcome. Returns the folder.
    """
    rows = ["protocol: http", 'code: "418"', "start: q0", "nodes:"]
    for i in range(length):
        target = f"q{i + 1}" if i + 1 < length else "end"
        rows += [f"  q{i}:", "    topic: T", f"    question: Q{i}?", "    answers:"]
        rows += [f"      - {{label: {label}, next: {target}}}" for label in onward]
        rows += [f"      - {{label: {label}, next: end}}" for label in to_end]
    rows += ["  end:", "    outcome: done", "    steps: [fix it]"]
    write_tree("catalog.yaml", TEAPOT_CATALOG)
    return write_tree("http/418.yaml", "\n".join(rows) + "\n")


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `iisdoctor ARGV` in-process: (exit code, standard output, standard error)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def walk_all(library: Library, tree: Tree) -> tuple[dict[str, set[str]], set[int]]:
    """Follow every answer and every "didn't fix it" under every version the tree applies to.

    Returns each outcome reached (qualified id, `http:401.1#node` past a jump -> versions) and the KB ids
    shown on the way. A jump ends the path: the walk it leads to is walked on its own.
    """
    reached: dict[str, set[str]] = {}
    kbs: set[int] = set()
    for version in sorted(library.tree_versions(tree)):
        todo, seen = [Session.start(library, tree.protocol, tree.code, version)], set()
        while todo:
            session = todo.pop()
            if session.cursor in seen:
                continue
            seen.add(session.cursor)
            if isinstance(session.node, Outcome):
                reached.setdefault(session.position, set()).add(version)
                kbs.update(ref.id for ref in session.node.kb)
                if session.can_go_on and not session.node.goto:
                    todo.append(session.not_fixed())
                continue
            todo.extend(session.choose(i) for i, a in enumerate(session.answers()) if not a.goto)
    return reached, kbs
