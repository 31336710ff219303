"""`iisdoctor report ID`: a saved case as Markdown for a ticket, or JSON for tools."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cases.report import render
from wizard.cases.store import Case, CaseError, CaseStore
from wizard.cli.exit_codes import Exit
from wizard.cli.output import load_library, say
from wizard.cli.request import Request
from wizard.engine.session import SessionError
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _


def load_case(case_id: str) -> Case | None:
    """A saved case by id or unique id start; None (after saying why) when it cannot be read."""
    try:
        return CaseStore().load(case_id)
    except CaseError as exc:
        say(str(exc))
        return None


def run(request: Request) -> Exit:
    case = load_case(request.case_id or "")
    if case is None:
        return Exit.FINDINGS
    try:
        text = render(case, load_library(request), request.format, request.lang)
    except SessionError as exc:
        say(_("case {id} cannot be shown with the trees installed now: {error}").format(id=case.id, error=exc))
        return Exit.FINDINGS
    if request.output in (None, "-"):
        sys.stdout.write(shown(text))
        return Exit.OK
    target = Path(request.output)
    try:
        target.write_text(shown(text), encoding="utf-8")
    except OSError as exc:
        say(_("cannot write {path}: {error}").format(path=target, error=exc.strerror or exc))
        return Exit.FINDINGS
    say(_("wrote {path}").format(path=target))
    return Exit.OK
