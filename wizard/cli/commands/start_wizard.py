"""`iisdoctor [--code CODE] [--resume [ID]]`: the wizard, or its plain-text stand-in in a pipe."""

from __future__ import annotations

import os
import sys

from wizard.cli.code_args import evidence_from
from wizard.cli.exit_codes import Exit
from wizard.cli.output import load_library, say
from wizard.cli.request import Request
from wizard.knowledge.record import replace
from wizard.language.messages import _
from wizard.platform import settings


def run(request: Request) -> Exit:
    interactive = sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER"))
    if not interactive:
        return _plain(request)
    version = request.version or settings.iis_version()
    library = load_library(request)
    case = None
    if request.resume:
        from wizard.cli.commands.report import load_case

        case = load_case(request.resume)
        if case is None:
            return Exit.FINDINGS
    parsed = evidence_from(request, library, request.code)
    if isinstance(parsed, Exit):
        return parsed
    code, evidence = parsed
    from wizard.ui.run import run_wizard

    return Exit(
        run_wizard(
            library,
            code=code,
            protocol=request.protocol,
            version=version,
            evidence=evidence,
            case=case,
            pick_case=request.resume == "",
            ticket=request.ticket,
        )
    )


def _plain(request: Request) -> Exit:
    """Standard output is a pipe or a file: print what the wizard would show."""
    if request.code:
        from wizard.cli.commands.explain import explain

        say(_("output is not a terminal; printing the outline instead of starting the wizard"))
        return explain(request, request.code)
    if request.resume is not None:
        from wizard.cli.commands import cases, report

        say(_("output is not a terminal; printing the case instead of resuming it"))
        if not request.resume:
            return cases.run(replace(request, command="cases"))
        return report.run(replace(request, command="report", case_id=request.resume))
    say(_("the wizard needs a terminal; try `iisdoctor list`, `iisdoctor explain CODE` or `iisdoctor find TEXT`"))
    return Exit.USAGE
