"""The plain-text commands `list`, `validate` and `explain`, and the code lookup they share."""

from __future__ import annotations

import shutil
import sys

from wizard import codes, settings
from wizard import versions as V
from wizard.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, _library
from wizard.evidence import Evidence, EvidenceError, win32_key
from wizard.library import Library
from wizard.model import tr


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def cmd_validate(args) -> int:
    from wizard.validator import validate

    library = Library.load(args.paths, builtin=not args.no_builtin)
    findings = validate(library)
    for finding in findings:
        print(finding)
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    summary = (f"{library.loaded.files} file(s): {len(library.trees)} tree(s), {len(library.subtrees)} shared "
               f"subtree(s), {len(library.entries)} catalog code(s); {errors} error(s), {warnings} warning(s)")
    print(summary, file=sys.stderr)
    return EXIT_FINDINGS if errors else EXIT_OK


def cmd_list(args) -> int:
    library = _library(args)
    entries = library.codes(args.protocol)
    for pattern in args.pattern:
        entries = [e for e in entries if codes.matches_pattern(e, pattern)]
    if args.iis:
        entries = [e for e in entries if args.iis in e.versions]
    if not entries:
        print(f"iisdoctor: no known code matches {' '.join(args.pattern)!r}", file=sys.stderr)
        return EXIT_FINDINGS
    from wizard.render import code_table

    print(code_table(entries, _width()))
    return EXIT_OK


def resolve(library: Library, text: str, protocol: str | None, version: str | None):
    """Look a code up, asking HTTP-or-FTP at a terminal; returns (Lookup, exit code or None)."""
    found = codes.lookup(library, text, protocol, version)
    if found.ambiguous and sys.stdin.isatty() and sys.stderr.isatty():
        options = [e for e in found.choices if e is not None]
        for i, entry in enumerate(options, 1):
            print(f"  {i}) {entry.protocol.upper()} {entry.code} — {tr(entry.title)}", file=sys.stderr)
        answer = input(f"{found.query} exists for HTTP and FTP. Which one? [1-{len(options)}] ").strip()
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            found = codes.lookup(library, text, options[int(answer) - 1].protocol, version)
    return found


def report_lookup(found) -> int | None:
    """Print what a lookup could not do; returns an exit code when there is nothing to show."""
    if found.ambiguous:
        print(f"iisdoctor: {found.notice}", file=sys.stderr)
        for entry in found.choices:
            if entry is not None:
                print(f"  {entry.protocol.upper()} {entry.code} — {tr(entry.title)}", file=sys.stderr)
        return EXIT_USAGE
    if found.notice:
        print(f"iisdoctor: {found.notice}", file=sys.stderr)
    if found.entry is None:
        if found.class_entry:
            c = found.class_entry
            print(f"{c.protocol.upper()} {c.klass} — {tr(c.title)}")
            print(tr(c.meaning))
            for line in c.guidance:
                print(f"  - {tr(line)}")
        for entry in found.nearest:
            print(f"  nearest: {entry.protocol.upper()} {entry.code} — {tr(entry.title)}")
        return EXIT_FINDINGS
    return None


def evidence_from(args, library: Library, code_text: str | None) -> tuple[str | None, Evidence] | int:
    """The code without its trailing evidence, and the evidence from it and --win32/--reason."""
    extra = None
    if code_text:
        code_text, extra = codes.split_evidence(code_text)
    win32, reason = args.win32, args.reason
    if extra is not None:
        if library.reason_entry(extra) is not None and not extra.isdigit() and not extra.lower().startswith("0x"):
            reason = reason or extra
        else:
            win32 = win32 or extra
    try:
        folded = None if win32 is None else win32_key(win32)
    except EvidenceError as exc:
        print(f"iisdoctor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if reason is not None and library.reason_entry(reason) is None:
        known = ", ".join(sorted(r.reason for r in library.reasons.values())[:12])
        print(f"iisdoctor: {reason!r} is not a known HTTPERR reason (known: {known} ...)", file=sys.stderr)
        return EXIT_USAGE
    if reason is not None:
        reason = library.reason_entry(reason).reason
    return code_text, Evidence(folded, reason)


def cmd_explain(args, text: str) -> int:
    from wizard.render import Outline, reason_text, win32_text

    library = _library(args)
    parsed = evidence_from(args, library, text or None)
    if isinstance(parsed, int):
        return parsed
    text, evidence = parsed
    if not text:
        if not evidence:
            print("iisdoctor: explain needs a code, --win32 CODE or --reason REASON", file=sys.stderr)
            return EXIT_USAGE
        if evidence.win32 is not None:
            sys.stdout.write(win32_text(library.win32.get(evidence.win32), evidence.win32, _width()))
        if evidence.reason:
            sys.stdout.write(reason_text(library.reason_entry(evidence.reason), _width()))
        return EXIT_OK
    if args.every_version:
        return _explain_every_version(library, text, args, evidence)
    version = args.iis
    found = resolve(library, text, args.protocol, version)
    code = report_lookup(found)
    if code is not None:
        return code
    entry = found.entry
    if version is None:
        version = _default_version(library, entry)
    elif version not in entry.versions:
        print(f"iisdoctor: {entry.protocol.upper()} {entry.code} is not used by IIS {version} "
              f"(it exists in IIS {V.describe(entry.versions)})", file=sys.stderr)
    graph = library.tree(entry.protocol, entry.code, version)
    sys.stdout.write(Outline(library, entry, graph, version, _width(), evidence).render())
    return EXIT_OK


def _explain_every_version(library: Library, text: str, args, evidence: Evidence) -> int:
    """`explain CODE --iis all`: each IIS generation's tree in turn, every item tagged with its versions."""
    from wizard.render import Outline

    found = resolve(library, text, args.protocol, None)
    code = report_lookup(found)
    if code is not None:
        return code
    protocol, number = found.entry.protocol, found.entry.code
    trees = sorted({id(t): t for v in V.KNOWN if (t := library.tree(protocol, number, v))}.values(),
                   key=lambda t: V.KNOWN.index(min(library.tree_versions(t), key=V.KNOWN.index)))
    parts = []
    for entry in sorted(library.entries_for(protocol, number), key=lambda e: V.KNOWN.index(min(e.versions, key=V.KNOWN.index))):
        graphs = [t for t in trees if library.tree_versions(t) & entry.versions] or [None]
        for graph in graphs:
            parts.append(Outline(library, entry, graph, None, _width(), evidence).render())
    sys.stdout.write(("\n" + "=" * min(_width(), 100) + "\n\n").join(parts))
    return EXIT_OK


def _default_version(library: Library, entry) -> str:
    """The remembered IIS version when the code exists there, else the newest version it exists in."""
    chosen = settings.iis_version()
    if chosen in entry.versions:
        return chosen
    walks = library.walk_versions(entry.protocol, entry.code) & entry.versions
    return V.newest(walks or entry.versions)
