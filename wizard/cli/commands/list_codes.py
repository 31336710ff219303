"""`iisdoctor list [PATTERN...]`: every known code and its meaning, narrowed by patterns."""

from __future__ import annotations

from wizard.cli.exit_codes import Exit
from wizard.cli.output import load_library, say, width
from wizard.cli.request import Request
from wizard.engine.lookup import matches_pattern
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _
from wizard.views.tables import code_table


def run(request: Request) -> Exit:
    library = load_library(request)
    entries = library.codes(request.protocol)
    if request.words:  # several patterns: a code matching any of them
        entries = [e for e in entries if any(matches_pattern(e, p) for p in request.words)]
    if request.version:
        entries = [e for e in entries if request.version in e.versions]
    if request.json:
        from wizard.cli import json_shapes as as_json

        print(as_json.dumps(as_json.code_list(entries, library)), end="")
        return Exit.OK if entries else Exit.FINDINGS
    if not entries:
        say(_("no known code matches {patterns}").format(patterns=repr(" ".join(request.words))))
        return Exit.FINDINGS
    print(shown(code_table(entries, width())))
    return Exit.OK
