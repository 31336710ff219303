"""Hand-over records of a case: Markdown to paste into a ticket, JSON for tools.

Both are built from one `Record`, so they always say the same thing. Text from trees and
notes is written as typed; Markdown special characters in it are escaped only where they
would change the layout (a note starting with `#` must not become a heading).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from wizard.cases.store import ESCALATED, Case, Note, status_label
from wizard.engine.session import Session, SessionError
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.library import Library
from wizard.knowledge.model import Outcome, headline, tr
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _, ngettext, speaking
from wizard.platform.links import kb_url

_MAX_NEXT = 8


@dataclass
class StepRecord:
    number: int
    question: str
    answer: str
    auto: bool = False
    notes: list[Note] = field(default_factory=list)
    jump: str = ""  # "HTTP 401.1 — title" when this answer continued in another code's walk


@dataclass
class Record:
    case: Case
    code: str
    protocol: str
    meaning: str
    version: str
    evidence: str
    steps: list[StepRecord]
    outcome: dict | None  # cause, steps [{text, command}], kb [{id, title}]
    stopped_at: str | None  # the open question when the walk has no outcome yet
    still_to_try: list[str]
    other_notes: list[Note]  # notes from steps no longer on the path (after going back)
    tried_elsewhere: list[str]  # outcomes shown on a path later abandoned
    dropped: int = 0  # moves that no longer fit the current trees
    outcome_notes: list[Note] = field(default_factory=list)  # notes typed on the outcome
    walks: list[str] = field(default_factory=list)  # "HTTP 401 — title", then each code a jump led to


def build(case: Case, library: Library) -> Record:
    session, dropped = Session.restore(library, case.session)
    entry = library.entry(session.protocol, session.code, session.version)
    steps: list[StepRecord] = []
    placed: set[tuple[int, str]] = set()
    trees_after = [v.tree for v in session.history[1:]] + [session.current_tree.key]
    for i, visit in enumerate(session.history):
        question = tr(headline(visit.node))
        answer = tr(visit.answer.label) if visit.answer else _("Did not fix it; tried the next cause")
        step = StepRecord(i + 1, question, answer, visit.auto)
        step.notes = _notes(case, i, visit.cursor.ref, placed)
        if trees_after[i] != visit.tree:
            step.jump = _walk_title(library, session, trees_after[i])
        steps.append(step)
    here = len(session.history)
    outcome = stopped = None
    outcome_notes: list[Note] = []
    if session.finished:
        node = session.reached
        outcome = {
            "cause": tr(node.cause),
            "steps": [{"text": tr(s.text), "command": s.command} for s in session.steps()],
            "kb": [{"id": k.id, "title": tr(k.title), "url": kb_url(k.id)} for k in node.kb],
        }
        outcome_notes = _notes(case, here, session.cursor.ref, placed)
    else:
        stopped = tr(session.question.question)
        steps.append(
            StepRecord(here + 1, stopped, _("(not answered yet)"), notes=_notes(case, here, session.cursor.ref, placed))
        )
    on_path = {v.cursor.ref for v in session.history} | {session.cursor.ref}
    return Record(
        case=case,
        code=session.code,
        protocol=session.protocol,
        meaning=tr(entry.title) if entry else "",
        version=session.version,
        evidence=session.evidence.describe() if session.evidence else "",
        steps=steps,
        outcome=outcome,
        stopped_at=stopped,
        still_to_try=_still_to_try(session),
        other_notes=[n for n in case.notes if (n.step, n.at) not in placed],
        tried_elsewhere=[_cause(library, ref, session) for ref in case.tried if ref not in on_path],
        dropped=dropped,
        outcome_notes=outcome_notes,
        walks=[_walk_title(library, session, t.key) for t in session.walks()],
    )


def _walk_title(library: Library, session: Session, key: str) -> str:
    """`HTTP 401.1 — Logon failed` for a tree key."""
    protocol, _sep, code = key.partition(":")
    entry = library.entry(protocol, code, session.version)
    return f"{protocol.upper()} {code}" + (f" — {tr(entry.title)}" if entry else "")


def _notes(case: Case, step: int, at: str, placed: set) -> list[Note]:
    found = case.notes_for(step, at)
    if found:
        placed.add((step, at))
    return found


def _still_to_try(session: Session) -> list[str]:
    """The causes "Didn't fix it?" would lead to next, in order, until a question or the end."""
    out = []
    current = session
    for _hop in range(_MAX_NEXT):
        node = current.outcome
        if node is None or not node.goes_on:
            break
        try:
            current = current.not_fixed()
        except SessionError:
            break
        if current.finished:
            out.append(tr(current.reached.cause))
        else:
            out.append(_("Answer: {question}").format(question=tr(current.question.question)))
            break
    return out


def _cause(library: Library, ref: str, session: Session) -> str:
    graph_key, _sep, node_id = ref.partition("#")
    graph = session.graph(graph_key)
    node = graph.nodes.get(node_id) if graph else None
    return tr(node.cause) if isinstance(node, Outcome) else ref


# -- Markdown --------------------------------------------------------------------------------

_LEADING = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)])")


_INLINE = re.compile(r"([\\`*<>|~]|(?<=\])\()")  # emphasis, code, HTML, tables, strike-through, link targets


def _md(text: str) -> str:
    """Text from a tree, a note or a log as inert Markdown: one line that cannot become a heading,
    quote, list, table, link, emphasis or HTML when the ticket system renders it."""
    text = " ".join(shown(text).split())
    text = _INLINE.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: m[1] + "\\" + m[2], text)


def _code(command: str) -> str:
    fence = "`" * max(1, max((len(run) for run in re.findall(r"`+", command)), default=0) + 1)
    pad = " " if command.startswith("`") or command.endswith("`") else ""
    return f"{fence}{pad}{command}{pad}{fence}"


def _stamp(iso: str, *, clock: bool = False) -> str:
    """`2026-11-26 10:30 (UTC+01:00)`: the reader's local time, with its offset so nobody has to guess.

    With `clock`, only `10:30` (for notes: the day is the case's)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone()
    if clock:
        return moment.strftime("%H:%M")
    offset = moment.strftime("%z") or "+0000"
    return f"{moment:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _note(prefix: str, note: Note) -> list[str]:
    """A note as list item lines: its time, then every line of it (Markdown hard breaks)."""
    lines = [_md(line) for line in note.text.splitlines() if line.strip()] or [""]
    head = prefix + (_("Note ({time}): ").format(time=_stamp(note.time, clock=True)) if note.time else _("Note: "))
    pad = " " * len(prefix)
    return [head + lines[0] + ("  " if len(lines) > 1 else "")] + [
        f"{pad}{line}" + ("  " if i < len(lines) - 2 else "") for i, line in enumerate(lines[1:])
    ]


def to_markdown(record: Record) -> str:
    case = record.case
    result = status_label(case.status)
    if case.status == ESCALATED and case.reason:
        result += f" ({_md(case.reason)})"
    title = f"{record.protocol.upper()} {record.code}" + (f" — {_md(record.meaning)}" if record.meaning else "")
    lines = [f"**{title}** · IIS {record.version} · {result}", ""]
    lines.append(
        _("Case {id} · opened {opened} · updated {updated}").format(
            id=case.id, opened=_stamp(case.created), updated=_stamp(case.updated)
        )
    )
    if len(record.walks) > 1:
        lines.append(_("Walked: {walks}").format(walks=" ⇒ ".join(_md(w) for w in record.walks)))
    if record.evidence:
        lines.append(_("Evidence given: {evidence}").format(evidence=record.evidence))
    if case.reason and case.status != ESCALATED:
        lines.append(_("Remark: {remark}").format(remark=_md(case.reason)))
    if record.dropped:
        lines.append(
            ngettext(
                "Note: the trees changed since this case was saved; the last step no longer fits and is not shown.",
                "Note: the trees changed since this case was saved; "
                "the last {n} steps no longer fit and are not shown.",
                record.dropped,
            ).format(n=record.dropped)
        )
    lines += _log_lines(case.log)
    lines += ["", _("Steps:"), ""]
    for step in record.steps:
        auto = " " + _("(answered from the evidence)") if step.auto else ""
        lines.append(f"{step.number}. {_md(step.question)} → {_md(step.answer)}{auto}")
        for n in step.notes:
            lines += _note("   - ", n)
        if step.jump:
            lines.append("   ⇒ " + _("continued in {walk}").format(walk=_md(step.jump)))
    if record.outcome:
        out = record.outcome
        lines += ["", _("Outcome: {cause}").format(cause=_md(out["cause"])), ""]
        for i, fix in enumerate(out["steps"], 1):
            lines.append(f"{i}. {_md(fix['text'])}")
            if fix["command"]:
                lines.append(f"   {_code(fix['command'])}")
        if out["kb"]:
            lines += ["", _("References:")]
            lines += [f"- [KB {k['id']}]({kb_url(k['id'])}) — {_md(k['title'])}" for k in out["kb"]]
        for n in record.outcome_notes:
            lines += _note("- ", n)
    else:
        lines += [
            "",
            _("No outcome reached yet; the walk stopped at: {question}").format(question=_md(record.stopped_at or "")),
        ]
    if record.tried_elsewhere:
        lines += ["", _("Also looked at (on a path later left):")]
        lines += [f"- {_md(t)}" for t in record.tried_elsewhere]
    if record.other_notes:
        lines += ["", _("Other notes:")]
        for n in record.other_notes:
            lines += _note("- ", n)
    if case.status != "resolved" and record.still_to_try:
        lines += ["", _("Still to try:")] + [f"- {_md(t)}" for t in record.still_to_try]
    return "\n".join(lines) + "\n"


def _log_lines(log: dict[str, Any] | None) -> list[str]:
    """What the server's logs said, when the walk was opened from `iisdoctor scan`."""
    if not log:
        return []
    lines = ["", _("From the server's logs:"), ""]
    period = log.get("period") or [None, None]
    if log.get("count") is not None:
        lines.append(
            "- "
            + _("{count} matching requests, first {first}, last {last}").format(
                count=log["count"], first=period[0] or "?", last=period[1] or "?"
            )
        )
    urls = [f"{_md(str(u))} ({n})" for u, n in (log.get("urls") or [])[:5]]
    if urls:
        lines.append("- " + _("URLs: {urls}").format(urls=", ".join(urls)))
    if log.get("sample"):
        where = f"{log.get('file') or '?'}" + (f":{log['line']}" if log.get("line") else "")
        lines.append("- " + _("A line from {file}: {line}").format(file=_md(where), line=_code(str(log["sample"]))))
    return lines


def to_json(record: Record) -> str:
    case = record.case
    data = {
        "case": case.id,
        "created": case.created,
        "updated": case.updated,
        "protocol": record.protocol,
        "code": record.code,
        "meaning": record.meaning,
        "iis_version": record.version,
        "evidence": Evidence.from_dict(case.session.get("evidence")).to_dict(),
        "log": case.log,
        "result": case.status,
        "reason": case.reason,
        "steps": [
            {
                "number": s.number,
                "question": s.question,
                "answer": s.answer,
                "from_evidence": s.auto,
                "notes": [n.text for n in s.notes],
                **({"continued_in": s.jump} if s.jump else {}),
            }
            for s in record.steps
        ],
        "outcome": {**record.outcome, "notes": [n.text for n in record.outcome_notes]} if record.outcome else None,
        "stopped_at": record.stopped_at,
        "still_to_try": record.still_to_try,
        "also_looked_at": record.tried_elsewhere,
        "other_notes": [n.text for n in record.other_notes],
        "dropped_steps": record.dropped,
        "walks": record.walks,
        "ticket": case.ticket,
        "case_file": case.to_dict(),  # what `iisdoctor cases --import` reads back
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(case: Case, library: Library, fmt: str = "md", lang: str | None = None) -> str:
    """The case as Markdown or JSON, in `lang` (default: the language the case was last worked in)."""
    with speaking(lang or case.lang):
        record = build(case, library)
        return to_json(record) if fmt == "json" else to_markdown(record)
