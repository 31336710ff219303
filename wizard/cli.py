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

from wizard import __version__, codes
from wizard import versions as V
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
                        help=f"IIS version in use ({', '.join(V.KNOWN)})")
    parser.add_argument("--trees", metavar="DIR", action="append", type=Path,
                        default=argparse.SUPPRESS if suppress else [],
                        help="add a folder of site-specific trees (repeatable); they add or override codes")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iisdoctor", description="Guided troubleshooting for IIS HTTP and FTP status codes.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"iisdoctor {__version__}")
    parser.add_argument("--code", metavar="CODE", help="start the wizard on this code (403.1, 404-3, ftp 530)")
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help="list every known code and its meaning")
    p.add_argument("pattern", nargs="*", help="narrow the list: 4xx, 40x, 403, 403.*, or words")
    _common(p, suppress=True)

    p = sub.add_parser("explain", help="print a code's whole tree as an outline")
    p.add_argument("code", nargs="+", help="the code, e.g. 403.1, 'ftp 530', http/500.19")
    _common(p, suppress=True)

    p = sub.add_parser("validate", help="check the built-in trees and any extra folders")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="extra folders of trees to check")
    p.add_argument("--no-builtin", action="store_true", help="check only the folders given")
    _common(p, suppress=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.iis is not None:
        version = V.normalize(args.iis)
        if version is None:
            parser.error(f"unknown IIS version {args.iis!r}; choose one of {', '.join(V.KNOWN)}")
        args.iis = version
    try:
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "list":
            return cmd_list(args)
        if args.command == "explain":
            return cmd_explain(args, " ".join(args.code))
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


def cmd_explain(args, text: str) -> int:
    from wizard.render import Outline

    library = _library(args)
    found = resolve(library, text, args.protocol, args.iis)
    code = report_lookup(found)
    if code is not None:
        return code
    entry = found.entry
    if args.iis and args.iis not in entry.versions:
        print(f"iisdoctor: {entry.protocol.upper()} {entry.code} is not used by IIS {args.iis} "
              f"(it exists in IIS {V.describe(entry.versions)})", file=sys.stderr)
    graph = library.tree(entry.protocol, entry.code, args.iis)
    sys.stdout.write(Outline(library, entry, graph, args.iis, _width()).render())
    return EXIT_OK


def cmd_wizard(args) -> int:
    interactive = sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER"))
    if args.code and not interactive:
        print("iisdoctor: output is not a terminal; printing the outline instead of starting the wizard",
              file=sys.stderr)
        return cmd_explain(args, args.code)
    if not interactive:
        print("iisdoctor: the wizard needs a terminal; try `iisdoctor list` or `iisdoctor explain CODE`",
              file=sys.stderr)
        return EXIT_USAGE
    from wizard.ui.run import run_wizard

    return run_wizard(_library(args), code=args.code, protocol=args.protocol, version=args.iis)
