"""Random and mutated input at every door that takes text from outside.

Each property: no exception but the documented ones, and nothing printed with a raw control
character. Examples are bounded so the suite stays fast; hypothesis keeps failing examples in
its database, so a failure found once is tried first the next time.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import FIXTURE_TREES
from tests.helpers import run_cli as run
from wizard.cases.store import CaseError, CaseStore
from wizard.engine import lookup as codes
from wizard.engine.code_text import parse
from wizard.find.text_match import find
from wizard.knowledge.evidence import EvidenceError
from wizard.knowledge.library import Library
from wizard.knowledge.loader import load_folders

RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TREE = (FIXTURE_TREES / "http" / "403.1.yaml").read_text(encoding="utf-8")
NASTY = st.sampled_from(["\x1b[2J", "\x1b]52;c;eA==\x07", "[bold]", "[/]", "\x00", "\x9b", "&a", "*a", "<<:", "{", "'"])
TEXT = st.text(st.characters(codec="utf-8"), max_size=200) | st.lists(NASTY | st.text(max_size=5)).map("".join)

LIBRARY = Library.load([FIXTURE_TREES], builtin=False)


def load_text(text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "tree.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        return [str(f) for f in load_folders([Path(folder)]).findings]


@FAST
@given(TEXT)
def test_any_text_as_a_tree_file_gives_findings_not_exceptions(text):
    load_text(text)


@FAST
@given(st.data())
def test_mutated_trees_give_findings_not_exceptions(data):
    lines = TREE.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "cut", "insert"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            lines.insert(i, data.draw(TEXT))
        if not lines:
            break
    for finding in load_text("\n".join(lines)):
        assert re.match(r".*tree\.yaml(:\d+:\d+)?: ", finding), finding  # every finding names its place


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@FAST
@given(JSON)
def test_any_json_as_a_case_file_is_refused_or_read(data):
    with tempfile.TemporaryDirectory() as folder:
        store = CaseStore(Path(folder))
        Path(folder, "20260101-000000-abcd.json").write_text(json.dumps(data), encoding="utf-8")
        listing = store.all()
        assert len(listing.cases) + len(listing.problems) == 1


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_as_a_case_file_are_refused_with_a_reason(blob):
    with tempfile.TemporaryDirectory() as folder:
        store = CaseStore(Path(folder))
        Path(folder, "20260101-000000-abcd.json").write_bytes(blob)
        try:
            store.load("20260101-000000-abcd")
        except CaseError as exc:
            assert "20260101-000000-abcd.json" in str(exc)


@FAST
@given(TEXT, TEXT, TEXT)
def test_code_and_evidence_parsing_raise_only_evidence_errors(code, win32, reason):
    parse(code)
    codes.split_evidence(code)
    codes.lookup(LIBRARY, code)
    try:
        codes.read_evidence(LIBRARY, code, win32 or None, reason or None)
    except EvidenceError:
        pass


@FAST
@given(TEXT)
def test_find_on_any_text_prints_nothing_raw(capsys, monkeypatch, text):
    monkeypatch.setattr("wizard.cli.commands.find.load_library", lambda request: LIBRARY)
    find(LIBRARY, text)
    if text.strip() and text.strip() != "-":
        code, out, err = run(capsys, "find", text)
        assert code in (0, 1) and not RAW_CONTROL.search(out + err)
