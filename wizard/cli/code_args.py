"""Turning the code and evidence a person typed into a catalog entry, for explain and the wizard."""

from __future__ import annotations

import sys

from wizard.cli.exit_codes import Exit
from wizard.cli.output import say
from wizard.cli.request import Request
from wizard.engine import lookup as codes
from wizard.knowledge.evidence import Evidence, EvidenceError
from wizard.knowledge.library import Library
from wizard.knowledge.model import tr
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _


def evidence_from(request: Request, library: Library, code_text: str | None) -> tuple[str | None, Evidence] | Exit:
    """The code and its evidence, or Exit.USAGE after saying what is wrong with the evidence."""
    try:
        return codes.read_evidence(library, code_text, request.win32, request.reason, request.protocol)
    except EvidenceError as exc:
        say(str(exc))
        return Exit.USAGE


def resolve(library: Library, text: str, protocol: str | None, version: str | None) -> codes.Lookup:
    """Look a code up, asking HTTP-or-FTP when both exist and someone is at the terminal."""
    found = codes.lookup(library, text, protocol, version)
    if found.ambiguous and sys.stdin.isatty() and sys.stderr.isatty():
        options = [e for e in found.choices if e is not None]
        for i, entry in enumerate(options, 1):
            print(f"  {i}) {entry.protocol.upper()} {entry.code} — {shown(tr(entry.title))}", file=sys.stderr)
        question = _("{code} exists for HTTP and FTP. Which one? [1-{count}] ")
        answer = input(question.format(code=shown(found.query), count=len(options))).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            found = codes.lookup(library, text, options[int(answer) - 1].protocol, version)
    return found


def report_lookup(found: codes.Lookup) -> Exit | None:
    """Print what a lookup could not do; an exit code when there is nothing to show."""
    if found.ambiguous:
        say(_("{notice} (ambiguous)").format(notice=found.notice))
        for entry in found.choices:
            if entry is not None:
                print(f"  {entry.protocol.upper()} {entry.code} — {shown(tr(entry.title))}", file=sys.stderr)
        return Exit.USAGE
    if found.notice:
        say(found.notice)
    if found.entry is None:
        if found.class_entry:
            c = found.class_entry
            print(f"{c.protocol.upper()} {c.klass} — {shown(tr(c.title))}")
            print(shown(tr(c.meaning)))
            for line in c.guidance:
                print(f"  - {shown(tr(line))}")
        for entry in found.nearest:
            nearest = _("nearest: {code} — {title}")
            print("  " + nearest.format(code=f"{entry.protocol.upper()} {entry.code}", title=shown(tr(entry.title))))
        return Exit.FINDINGS
    return None
