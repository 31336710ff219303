"""The documented JSON shapes of `list --json`, `find --json` and `explain --json` (see README).

Plain dicts of plain values, built here so the commands only print them. Text from the trees is
given in English, as written, whatever `--lang` says; every KB reference carries its link.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from wizard.knowledge import versions as V
from wizard.knowledge.i18n import Text
from wizard.knowledge.model import Outcome, Question, Use, tr
from wizard.platform.links import kb_url

if TYPE_CHECKING:
    from wizard.find.text_match import FindResult
    from wizard.knowledge.library import Library
    from wizard.knowledge.model import CodeEntry, Graph

SCHEMA = 1


def _en(text: Text | None) -> str:
    """Tree and catalog text in English whatever the run's language: the JSON shapes are a contract for tools."""
    return tr(text, "en")


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _versions(versions: frozenset[str] | None) -> list[str] | None:
    return [v for v in V.KNOWN if v in versions] if versions else None


def code(entry: CodeEntry, library: Library) -> dict[str, Any]:
    return {
        "protocol": entry.protocol,
        "code": entry.code,
        "title": _en(entry.title),
        "meaning": _en(entry.meaning),
        "versions": _versions(entry.versions),
        "walk_versions": _versions(frozenset(library.walk_versions(entry.protocol, entry.code))) or [],
    }


def code_list(entries: list[CodeEntry], library: Library) -> dict[str, Any]:
    return {"schema": SCHEMA, "codes": [code(e, library) for e in entries]}


def found(result: FindResult, library: Library) -> dict[str, Any]:
    evidence = result.evidence
    return {
        "schema": SCHEMA,
        "candidates": [{**code(c.entry, library), "score": c.score, "why": c.why} for c in result.candidates],
        "evidence": {"win32": evidence.win32, "reason": evidence.reason or None},
    }


def node(item: Question | Outcome | Use) -> dict[str, Any]:
    if isinstance(item, Question):
        return {
            "kind": "question",
            "topic": _en(item.topic),
            "question": _en(item.question),
            "how": _en(item.how) or None,
            "commands": list(item.commands),
            "answers": [
                {"label": _en(a.label), "next": a.next, "versions": _versions(a.versions)} for a in item.answers
            ],
            "versions": _versions(item.versions),
        }
    if isinstance(item, Outcome):
        return {
            "kind": "outcome",
            "topic": _en(item.topic) or None,
            "cause": _en(item.cause),
            "steps": [
                {"text": _en(s.text), "command": s.command, "versions": _versions(s.versions)} for s in item.steps
            ],
            "kb": [{"id": k.id, "title": _en(k.title), "url": kb_url(k.id)} for k in item.kb],
            "next": item.next,
            "versions": _versions(item.versions),
        }
    return {
        "kind": "use",
        "subtree": item.subtree,
        "then": item.then,
        "topic": _en(item.topic) or None,
        "versions": _versions(item.versions),
    }


def explained(entry: CodeEntry, graph: Graph | None, version: str, library: Library) -> dict[str, Any]:
    """The code and its tree for one IIS version; `tree` is null when there is no guided walk."""
    tree = None
    if graph is not None:
        tree = {"start": graph.start, "nodes": {key: node(value) for key, value in graph.nodes.items()}}
    return {"schema": SCHEMA, "version": version, **code(entry, library), "tree": tree}
