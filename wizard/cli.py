"""The `iisdoctor` command line.

The plain paths (`list`, `explain`, `validate`) never import Textual: they start fast and work
in pipes. Only the interactive branch imports `wizard.ui`, inside the function that needs it.
This module imports little at the top: `--code CODE` alone paints its first question from the
start-up index (wizard.startviews) before the library, the model or the engine are loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard import __version__, settings
from wizard import versions as V

if TYPE_CHECKING:
    from wizard.library import Library

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
        if args.command in ("validate", "list", "explain"):
            from wizard import cli_explain

            if args.command == "validate":
                return cli_explain.cmd_validate(args)
            if args.command == "list":
                return cli_explain.cmd_list(args)
            return cli_explain.cmd_explain(args, " ".join(args.code))
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
    from wizard.library import Library

    library = Library.load(args.trees, cache=True)
    broken = sorted({f.where.shown for f in library.findings if f.is_error})
    if broken:
        shown = ", ".join(broken[:3]) + (" ..." if len(broken) > 3 else "")
        print(f"iisdoctor: warning: skipped {len(broken)} tree file(s) with problems ({shown}); "
              f"run `iisdoctor validate` for details", file=sys.stderr)
    return library


def cmd_cases(args) -> int:
    from wizard.cli_cases import cmd_cases as run

    return run(args)


def cmd_wizard(args) -> int:
    interactive = sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER"))
    if args.code and not interactive:
        from wizard.cli_explain import cmd_explain

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
    version = args.iis or settings.iis_version()
    if args.iis:
        settings.remember_version(args.iis)
    quick = _quick_start(args, version)
    if quick is not None:
        return quick
    from wizard.cli_explain import evidence_from

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
    from wizard.ui.run import run_wizard

    return run_wizard(library, code=code, protocol=args.protocol, version=version,
                      evidence=evidence, case=case, pick_case=args.resume == "")


def _quick_start(args, version: str) -> int | None:
    """`--code CODE` alone: paint the first question from the start-up index, load the rest after.

    None when the index cannot stand in for the ordinary path (evidence, site trees, a code it
    does not hold, no index yet); the ordinary path then runs and writes the index.
    """
    if not args.code or args.trees or args.win32 or args.reason or args.resume is not None:
        return None
    from wizard import startviews

    view = startviews.find(args.code, args.protocol, version)
    if view is None:
        return None
    from wizard.ui.run import run_wizard

    return run_wizard(lambda: _library(args), code=args.code, protocol=args.protocol, version=version,
                      first=view)
