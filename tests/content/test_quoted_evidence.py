"""An answer that quotes a log or error-page value is picked by that value as evidence.

A label that names an HRESULT (`0x80070005`) or a log's status triad (`401 1 1326`) tells the
person which answer their value means; the same value given with `--win32` (or found by `scan`)
must pick it without asking. Values that cannot decide alone are listed with the reason.
"""

from __future__ import annotations

import re

from wizard.knowledge.evidence import win32_key
from wizard.knowledge.model import Question

HRESULT = re.compile(r"\b0x[89a-fA-F][0-9a-fA-F]{7}\b")
TRIAD = re.compile(r"\b[1-5]\d\d \d{1,3} (\d{1,10})\b")

#: (graph, question): why the quoted value does not pick the answer by itself
UNDECIDED = {
    ("http:500.50", "error-text"): "names another code's page (500.19), reached by a jump, not by this walk's evidence",
    ("http:403.11", "password-story"): "the values belong to the 401.1 lines of other requests, not to this 403.11",
    ("http:500", "what-shows"): "193 is one example of 'any non-zero Error Code'; one value cannot stand for them all",
    ("iis7-error-detail", "log-fields"): "33 is an example of 'any non-zero Win32 status', not a value that decides",
}


def quoted(label: str) -> set[int]:
    values = {win32_key(v) for v in HRESULT.findall(label)}
    values |= {int(v) for v in TRIAD.findall(label) if int(v)}
    return values


def test_every_quoted_value_picks_its_answer(builtin):
    missing = []
    for graph in [*builtin.trees, *builtin.subtrees.values()]:
        for node in graph.nodes.values():
            if not isinstance(node, Question) or (graph.key, node.id) in UNDECIDED:
                continue
            for answer in node.answers:
                values = quoted(answer.label.get("en", ""))
                hooked = answer.when.win32 if answer.when else frozenset()
                if values and not values & hooked:
                    missing.append(f"{graph.key}#{node.id}: {answer.label['en'][:70]} {sorted(values)}")
    assert missing == []


def test_the_check_reads_hresults_and_triads():
    assert quoted("Access denied (0x80070005) or 401 1 1326 in the log") == {5, 1326}
    assert quoted("Nothing quoted, port 8172") == set()
