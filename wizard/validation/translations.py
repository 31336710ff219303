"""Which human text of the trees and catalogs has no translation in a language.

A missing translation is not an error for a walk (English stands in, field by field), so
`validate --lang nb` reports them as findings of their own kind, each with file:line, and
the content test over the built-in trees demands none.
"""

from __future__ import annotations

from collections.abc import Iterator

from wizard.knowledge.findings import Finding, Where
from wizard.knowledge.i18n import Text
from wizard.knowledge.loader import LoadResult
from wizard.knowledge.model import Graph, Outcome, Question, Subtree


def texts_of_graph(graph: Graph) -> Iterator[tuple[Where, str, Text | None]]:
    """(where, which field, text) of every human text in one tree or shared subtree."""
    if isinstance(graph, Subtree):
        yield graph.where, "title", graph.title
    for node_id, node in graph.nodes.items():
        yield node.where, f"{node_id}.topic", node.topic
        if isinstance(node, Question):
            yield node.where, f"{node_id}.question", node.question
            yield node.where, f"{node_id}.how", node.how
            for i, answer in enumerate(node.answers):
                yield answer.where, f"{node_id}.answers[{i}].label", answer.label
        elif isinstance(node, Outcome):
            yield node.where, f"{node_id}.outcome", node.cause
            for i, step in enumerate(node.steps):
                yield node.where, f"{node_id}.steps[{i}]", step.text
            for i, kb in enumerate(node.kb):
                yield node.where, f"{node_id}.kb[{i}].title", kb.title


def texts_of_catalogs(loaded: LoadResult) -> Iterator[tuple[Where, str, Text | None]]:
    for entry in loaded.entries:
        name = f"{entry.protocol} {entry.code}"
        yield entry.where, f"{name} title", entry.title
        yield entry.where, f"{name} meaning", entry.meaning
        yield entry.where, f"{name} notes", entry.notes
    for klass in loaded.classes:
        yield klass.where, f"{klass.protocol} {klass.klass} title", klass.title
        yield klass.where, f"{klass.protocol} {klass.klass} meaning", klass.meaning
        for i, text in enumerate(klass.guidance):
            yield klass.where, f"{klass.protocol} {klass.klass} guidance[{i}]", text
    for win32 in loaded.win32:
        yield win32.where, f"win32 {win32.code} meaning", win32.meaning
        yield win32.where, f"win32 {win32.code} in_iis", win32.in_iis
    for reason in loaded.reasons:
        yield reason.where, f"reason {reason.reason} meaning", reason.meaning
        yield reason.where, f"reason {reason.reason} fix", reason.fix


def missing(loaded: LoadResult, lang: str) -> list[Finding]:
    """One finding per text field that has English but nothing in `lang`, in file order."""
    if lang == "en":
        return []
    graphs: list[Graph] = [*loaded.trees, *loaded.subtrees]
    texts = [*texts_of_catalogs(loaded)]
    for graph in graphs:
        texts.extend(texts_of_graph(graph))
    found = [
        Finding(where, f"{field}: no '{lang}' text", "translation")
        for where, field, text in texts
        if text and text.get("en") and not (text.get(lang) or "").strip()
    ]
    return sorted(found, key=lambda f: f.where)
