"""`iisdoctor explain CODE`: a code's whole tree as an outline; or what a Win32 code or reason means."""

from __future__ import annotations

import sys

from wizard.cli.code_args import evidence_from, report_lookup, resolve
from wizard.cli.exit_codes import Exit
from wizard.cli.output import load_library, say, width
from wizard.cli.request import Request
from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence
from wizard.knowledge.library import Library
from wizard.knowledge.model import CodeEntry, Tree
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _
from wizard.platform import settings
from wizard.views.outline import Outline, reason_text, win32_text


def run(request: Request) -> Exit:
    return explain(request, " ".join(request.words))


def explain(request: Request, text: str) -> Exit:
    """Also the wizard's answer when its output is a pipe: the outline of the code typed."""
    library = load_library(request)
    parsed = evidence_from(request, library, text or None)
    if isinstance(parsed, Exit):
        return parsed
    code_text, evidence = parsed
    if not code_text:
        if not evidence:
            say(_("explain needs a code, --win32 CODE or --reason REASON"))
            return Exit.USAGE
        if evidence.win32 is not None:
            sys.stdout.write(shown(win32_text(library.win32.get(evidence.win32), evidence.win32, width())))
        if evidence.reason:
            reason = library.reason_entry(evidence.reason)
            if reason is not None:
                sys.stdout.write(shown(reason_text(reason, width())))
        return Exit.OK
    if request.every_version:
        return _every_version(library, code_text, request.protocol, evidence)
    found = resolve(library, code_text, request.protocol, request.version)
    problem = report_lookup(found)
    if problem is not None or found.entry is None:
        return problem or Exit.FINDINGS
    entry = found.entry
    version = request.version
    if version is None:
        version = default_version(library, entry)
        say(_("explaining IIS {version} (the remembered version; choose another with --iis)").format(version=version))
    elif version not in entry.versions:
        say(
            _("{code} is not used by IIS {version} (it exists in IIS {versions})").format(
                code=f"{entry.protocol.upper()} {entry.code}", version=version, versions=V.describe(entry.versions)
            )
        )
    graph = library.tree(entry.protocol, entry.code, version)
    if request.json:
        from wizard.cli import json_shapes as as_json

        sys.stdout.write(as_json.dumps(as_json.explained(entry, graph, version, library)))
        return Exit.OK
    sys.stdout.write(shown(Outline(library, entry, graph, version, width(), evidence).render()))
    return Exit.OK


def _every_version(library: Library, text: str, protocol: str | None, evidence: Evidence) -> Exit:
    """`explain CODE --iis all`: each IIS generation's tree in turn, every item tagged with its versions."""
    found = resolve(library, text, protocol, None)
    problem = report_lookup(found)
    if problem is not None or found.entry is None:
        return problem or Exit.FINDINGS
    protocol, number = found.entry.protocol, found.entry.code
    trees = sorted(
        {id(t): t for v in V.KNOWN if (t := library.tree(protocol, number, v))}.values(),
        key=lambda t: V.sort_key(library.tree_versions(t)),
    )
    parts = []
    for entry in sorted(library.entries_for(protocol, number), key=lambda e: V.sort_key(e.versions)):
        graphs: list[Tree | None] = [t for t in trees if library.tree_versions(t) & entry.versions] or [None]
        for graph in graphs:
            parts.append(Outline(library, entry, graph, None, width(), evidence).render())
    sys.stdout.write(shown(("\n" + "=" * min(width(), 100) + "\n\n").join(parts)))
    return Exit.OK


def default_version(library: Library, entry: CodeEntry) -> str:
    """The remembered IIS version when the code exists there, else the newest version it exists in."""
    chosen = settings.iis_version()
    if chosen in entry.versions:
        return chosen
    walks = library.walk_versions(entry.protocol, entry.code) & entry.versions
    return V.newest(walks or entry.versions)
