"""`iisdoctor find TEXT`: rank the codes that match pasted text, and say how to start the walk."""

from __future__ import annotations

import sys

from wizard.cli.exit_codes import Exit
from wizard.cli.output import load_library, say, width
from wizard.cli.request import Request
from wizard.find.text_match import find
from wizard.knowledge import versions as V
from wizard.knowledge.model import tr
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _
from wizard.views.wrap import wrap


def run(request: Request) -> Exit:
    text = " ".join(request.words)
    if not text or text == "-":
        if sys.stdin.isatty():
            say(_("paste the text, then press Ctrl+D (Ctrl+Z, Enter on Windows)"))
        text = sys.stdin.read()
    if not text.strip():
        say(_("find needs some text: an error page, a log line or a sentence"))
        return Exit.USAGE
    library = load_library(request)
    result = find(library, text, version=request.version, protocol=request.protocol, limit=request.limit)
    if request.json:
        from wizard.cli import json_shapes as as_json

        print(as_json.dumps(as_json.found(result, library)), end="")
        return Exit.OK if result.candidates else Exit.FINDINGS
    if not result.candidates:
        print(
            _(
                "No known code matches that text. Try fewer, more specific words, or paste the "
                "status line of the error page."
            )
        )
        return Exit.FINDINGS
    lines = []
    for c in result.candidates:
        e = c.entry
        lines.append(f"{c.score:>3}  {e.protocol.upper()} {e.code}  {tr(e.title)}  (IIS {V.describe(e.versions)})")
        lines += wrap(tr(e.meaning), width(), "     ", "     ", inside_words=True)
        lines.append("     " + _("why: {why}").format(why=c.shown_why or c.why))
    if result.evidence:
        lines.append("\n" + _("Also found: {evidence}").format(evidence=result.evidence.describe()))
    best = result.candidates[0].entry
    flags = ""
    if result.evidence.win32 is not None:
        flags += f" --win32 {result.evidence.win32}"
    if result.evidence.reason:
        flags += f" --reason {result.evidence.reason}"
    proto = " --ftp" if best.protocol == "ftp" else ""
    walk = f"iisdoctor --code {best.code}{proto}{flags}"
    lines.append("\n" + _("Start the walk: {command}").format(command=walk))
    print(shown("\n".join(lines)))
    return Exit.OK
