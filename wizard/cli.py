"""The `iisdoctor` command line.

The plain paths (`list`, `explain`, `validate`) never import Textual: they start fast and work
in pipes. Only the interactive branch imports `wizard.ui`, inside the function that needs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from wizard import __version__, codes, settings
from wizard import versions as V
from wizard.evidence import Evidence, EvidenceError, win32_key
from wizard.library import Library
from wizard.model import tr

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

EPILOG = """\
examples:
  iisdoctor                         open the wizard on the home screen
  iisdoctor --code 403.1            open the wizard on HTTP 403.1
  iisdoctor --code 550 --ftp        FTP 550 (550 alone is an FTP code; 500-504 exist in both)
  iisdoctor list 4xx                every known 4xx code
  iisdoctor explain 500.19 --iis 6.0 | less
  iisdoctor validate ./site-trees   check the built-in trees plus a folder of your own
"""


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options every command takes; sub-commands repeat them so they work after the command too."""
    default = argparse.SUPPRESS if suppress else None
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--http", dest="protocol", action="store_const", const="http",
                       default=default, help="the code is an HTTP status")
    group.add_argument("--ftp", dest="protocol", action="store_const", const="ftp",
                       default=default, help="the code is an FTP reply")
    parser.add_argument("--iis", metavar="VERSION", default=default,
                        help=f"IIS version in use ({', '.join(V.KNOWN)}); the wizard remembers it "
                             f"(default {settings.DEFAULT_VERSION}); explain also takes `all`")
    parser.add_argument("--trees", metavar="DIR", action="append", type=Path,
                        default=argparse.SUPPRESS if suppress else [],
                        help="add a folder of site-specific trees (repeatable); they add or override codes")


def _evidence_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--win32", metavar="CODE", default=default,
                        help="the Win32 status (1326) or HRESULT (0x8007052e) from the log or error page")
    parser.add_argument("--reason", metavar="REASON", default=default,
                        help="the HTTP.sys reason from the HTTPERR log (QueueFull, AppOffline ...)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iisdoctor", description="Guided troubleshooting for IIS HTTP and FTP status codes.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"iisdoctor {__version__}")
    parser.add_argument("--code", metavar="CODE",
                        help="start the wizard on this code (403.1, 404-3, ftp 530, '401 1 1326')")
    parser.add_argument("--resume", metavar="ID", nargs="?", const="",
                        help="go on with a saved case (without ID: choose from the recent ones)")
    _common(parser, suppress=False)
    _evidence_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help="list every known code and its meaning")
    p.add_argument("pattern", nargs="*", help="narrow the list: 4xx, 40x, 403, 403.*, or words")
    _common(p, suppress=True)

    p = sub.add_parser("explain", help="print a code's whole tree as an outline, or what a Win32 code "
                                       "or HTTPERR reason means")
    p.add_argument("code", nargs="*", help="the code, e.g. 403.1, 'ftp 530', http/500.19, '401 1 1326'")
    _common(p, suppress=True)
    _evidence_options(p, suppress=True)

    p = sub.add_parser("find", help="rank the codes that match pasted text (error page, log line, ticket)")
    p.add_argument("text", nargs="*", help="the text; without it (or with -) it is read from standard input")
    p.add_argument("-n", "--limit", type=int, default=5, help="how many candidates to show (default 5)")
    _common(p, suppress=True)

    p = sub.add_parser("cases", help="list saved cases; delete old ones")
    p.add_argument("--delete", metavar="ID", nargs="+", default=[], help="delete these cases")
    p.add_argument("--older-than", metavar="DAYS", type=int, help="delete cases not touched for DAYS days")

    p = sub.add_parser("report", help="write a saved case as Markdown (for a ticket) or JSON")
    p.add_argument("id", help="the case id (or its unique start), as `iisdoctor cases` shows it")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    _common(p, suppress=True)

    p = sub.add_parser("validate", help="check the built-in trees and any extra folders")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="extra folders of trees to check")
    p.add_argument("--no-builtin", action="store_true", help="check only the folders given")
    _common(p, suppress=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    every_version = args.command == "explain" and (args.iis or "").lower() == "all"
    if args.iis is not None and not every_version:
        version = V.normalize(args.iis)
        if version is None:
            parser.error(f"unknown IIS version {args.iis!r}; choose one of {', '.join(V.KNOWN)}"
                         + (" (or all, with explain)" if args.command == "explain" else ""))
        args.iis = version
    args.every_version = every_version
    for name in ("win32", "reason", "code", "resume"):
        if not hasattr(args, name):
            setattr(args, name, None)
    try:
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "list":
            return cmd_list(args)
        if args.command == "explain":
            return cmd_explain(args, " ".join(args.code))
        if args.command == "find":
            from wizard.cli_find import cmd_find

            return cmd_find(args, _library)
        if args.command == "cases":
            return cmd_cases(args)
        if args.command == "report":
            from wizard.cli_cases import cmd_report

            return cmd_report(args, _library(args))
        return cmd_wizard(args)
    except BrokenPipeError:  # `iisdoctor explain 403 | head` is fine
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _library(args) -> Library:
    library = Library.load(args.trees, cache=True)
    broken = sorted({f.where.file for f in library.findings if f.is_error})
    if broken:
        shown = ", ".join(broken[:3]) + (" ..." if len(broken) > 3 else "")
        print(f"iisdoctor: warning: skipped {len(broken)} tree file(s) with problems ({shown}); "
              f"run `iisdoctor validate` for details", file=sys.stderr)
    return library


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


def cmd_cases(args) -> int:
    from wizard.cli_cases import cmd_cases as run

    return run(args)


def cmd_wizard(args) -> int:
    interactive = sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER"))
    if args.code and not interactive:
        print("iisdoctor: output is not a terminal; printing the outline instead of starting the wizard",
              file=sys.stderr)
        return cmd_explain(args, args.code)
    if args.resume is not None and not interactive:
        from wizard.cli_cases import cmd_report

        print("iisdoctor: output is not a terminal; printing the case instead of resuming it", file=sys.stderr)
        if not args.resume:
            return cmd_cases(argparse.Namespace(delete=[], older_than=None))
        return cmd_report(argparse.Namespace(id=args.resume, format="md", output=None), _library(args))
    if not interactive:
        print("iisdoctor: the wizard needs a terminal; try `iisdoctor list`, `iisdoctor explain CODE` "
              "or `iisdoctor find TEXT`", file=sys.stderr)
        return EXIT_USAGE
    library = _library(args)
    case = None
    if args.resume:
        from wizard.cli_cases import load_case

        case = load_case(args.resume)
        if case is None:
            return EXIT_FINDINGS
    parsed = evidence_from(args, library, args.code)
    if isinstance(parsed, int):
        return parsed
    code, evidence = parsed
    if args.iis:
        settings.remember_version(args.iis)
    from wizard.ui.run import run_wizard

    return run_wizard(library, code=code, protocol=args.protocol, version=args.iis or settings.iis_version(),
                      evidence=evidence, case=case, pick_case=args.resume == "")
