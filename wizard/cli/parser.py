"""The command line's grammar: every option of every command, turned into one Request.

The options live here, apart from the commands, so `--help` and parsing never import a
command's dependencies.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

from wizard import __version__
from wizard.cli.output import terminal_columns
from wizard.cli.request import Request
from wizard.knowledge import versions as V
from wizard.language.choice import SUPPORTED
from wizard.language.messages import N_, _
from wizard.platform.settings import DEFAULT_VERSION

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

#: The examples at the end of `--help`: a command and what it does (translated when shown).
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("iisdoctor", N_("open the wizard on the home screen")),
    ("iisdoctor --code 403.1", N_("open the wizard on HTTP 403.1")),
    ("iisdoctor --code 550 --ftp", N_("FTP 550 (550 alone is an FTP code; 500-504 exist in both)")),
    ("iisdoctor list 4xx", N_("every known 4xx code")),
    ("iisdoctor explain 500.19 --iis 6.0 | less", ""),
    ("iisdoctor validate ./site-trees", N_("check the built-in trees plus a folder of your own")),
)

#: Each command and its one-line help, in the order `--help` lists them (translated when shown).
COMMANDS: dict[str, str] = {
    "list": N_("list every known code and its meaning"),
    "explain": N_("print a code's whole tree as an outline, or what a Win32 code or HTTPERR reason means"),
    "find": N_("rank the codes that match pasted text (error page, log line, ticket)"),
    "cases": N_("list saved cases; delete old ones"),
    "report": N_("write a saved case as Markdown (for a ticket) or JSON"),
    "validate": N_("check the built-in trees and any extra folders"),
    "scan": N_("read IIS logs (W3C, HTTPERR, FTP): rank what fails and name the walk to open for each"),
}

#: argparse words its usage lines, headings and errors through gettext (wizard.language.messages
#: hands it our catalog). Listed here so extraction puts them in cli.po; these are the exact
#: strings of Python 3.10-3.13 that an iisdoctor command line can show.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("%(heading)s:"),  # 3.13: section headings go through gettext too
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
)


def epilog() -> str:
    """The examples block of `--help`, commands in one column and what they do in the next."""
    lines = [_("examples:")]
    for command, text in EXAMPLES:
        lines.append(f"  {command:<34}{_(text)}" if text else f"  {command}")
    return "\n".join(lines) + "\n"


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options every command takes; sub-commands repeat them so they work after the command too."""
    default = argparse.SUPPRESS if suppress else None
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--http",
        dest="protocol",
        action="store_const",
        const="http",
        default=default,
        help=_("the code is an HTTP status"),
    )
    group.add_argument(
        "--ftp", dest="protocol", action="store_const", const="ftp", default=default, help=_("the code is an FTP reply")
    )
    parser.add_argument(
        "--iis",
        metavar="VERSION",
        default=default,
        help=_(
            "IIS version in use ({versions}); the wizard remembers it (default {default}); explain also takes `all`"
        ).format(versions=", ".join(V.KNOWN), default=DEFAULT_VERSION),
    )
    parser.add_argument(
        "--trees",
        metavar="DIR",
        action="append",
        type=_folder,
        default=argparse.SUPPRESS if suppress else [],
        help=_("add a folder of site-specific trees (repeatable); they add or override codes"),
    )
    _language(parser, suppress=suppress)


def _language(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--lang",
        choices=SUPPORTED,
        default=argparse.SUPPRESS if suppress else None,
        help=_("language of this run: en or nb (default: the one chosen in the wizard, else the locale)"),
    )


def _evidence(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--win32",
        metavar="CODE",
        default=default,
        help=_("the Win32 status (1326) or HRESULT (0x8007052e) from the log or error page"),
    )
    parser.add_argument(
        "--reason",
        metavar="REASON",
        default=default,
        help=_("the HTTP.sys reason from the HTTPERR log (QueueFull, AppOffline ...)"),
    )


def _days(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("{value} is not a number of days (1 or more)").format(value=repr(text)))
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("{value} is not a positive number").format(value=repr(text)))
    return int(text)


def _scan_options(parser: argparse.ArgumentParser) -> None:
    """scan's own options; its paths are strings, as `-` and globs are not files yet."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=_(
            "log files, folders, globs (u_ex*.log), .gz files, or - for standard input; "
            "with --merge, JSON files written by scan --json"
        ),
    )
    parser.add_argument("--since", metavar="WHEN", help=_("only lines at or after this ISO date or date-time (UTC)"))
    parser.add_argument("--until", metavar="WHEN", help=_("only lines up to this ISO date or date-time (UTC)"))
    parser.add_argument("--site", metavar="SITE", help=_("only this site (s-sitename or site id, e.g. W3SVC2 or 2)"))
    parser.add_argument(
        "--status",
        metavar="CODE",
        action="append",
        default=[],
        help=_("only these codes: 5xx, 403, 500.19 (repeat or comma-separate)"),
    )
    parser.add_argument("--url", metavar="PATTERN", help=_("only URLs containing this text or matching this glob"))
    parser.add_argument("--min-count", metavar="N", type=int, default=1, help=_("hide combinations seen fewer times"))
    parser.add_argument("--merge", action="store_true", help=_("combine JSON results of separate scans (a web farm)"))
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=_("write the JSON report (a documented contract)"))
    out.add_argument("--csv", action="store_true", help=_("write one CSV row per combination"))
    out.add_argument(
        "--table",
        action="store_true",
        help=_("print the table even on a terminal (where scan otherwise opens the scan screen)"),
    )


def _configure(name: str, p: argparse.ArgumentParser) -> None:
    if name == "list":
        p.add_argument(
            "pattern", nargs="*", help=_("narrow the list: 4xx, 40x, 403, 403.*, or words (several: any of them)")
        )
        p.add_argument("--json", action="store_true", help=_("write JSON (shape in the README)"))
        _common(p, suppress=True)
    elif name == "explain":
        p.add_argument("code", nargs="*", help=_("the code, e.g. 403.1, 'ftp 530', http/500.19, '401 1 1326'"))
        p.add_argument("--json", action="store_true", help=_("write the tree as JSON (shape in the README)"))
        _common(p, suppress=True)
        _evidence(p, suppress=True)
    elif name == "find":
        p.add_argument("text", nargs="*", help=_("the text; without it (or with -) it is read from standard input"))
        p.add_argument("-n", "--limit", type=_positive, default=5, help=_("how many candidates to show (default 5)"))
        p.add_argument("--json", action="store_true", help=_("write the candidates as JSON (shape in the README)"))
        _common(p, suppress=True)
    elif name == "cases":
        p.add_argument(
            "filter", nargs="*", help=_("only cases whose code, ticket, id, notes or last step contain this")
        )
        p.add_argument(
            "--import",
            dest="import_file",
            metavar="FILE",
            help=_("add a case from a colleague's JSON (a case file, or the .json that export writes)"),
        )
        p.add_argument("--delete", metavar="ID", nargs="+", default=[], help=_("delete these cases"))
        p.add_argument(
            "--older-than",
            metavar="DAYS",
            type=_days,
            help=_("delete cases not touched for DAYS days (shows what it would delete without --yes)"),
        )
        p.add_argument("--yes", action="store_true", help=_("really delete: without it, only list what would go"))
        _language(p, suppress=True)
    elif name == "report":
        p.add_argument("id", help=_("the case id (or its unique start), as `iisdoctor cases` shows it"))
        p.add_argument("--format", choices=("md", "json"), default="md")
        p.add_argument(
            "-o", "--output", metavar="FILE", help=_("write to FILE (UTF-8) instead of the screen; - is the screen")
        )
        _common(p, suppress=True)
    elif name == "validate":
        p.add_argument("paths", nargs="*", metavar="PATH", help=_("extra folders of trees to check"))
        p.add_argument("--no-builtin", action="store_true", help=_("check only the folders given"))
        p.add_argument(
            "-v", "--verbose", action="store_true", help=_("also print every tree's longest path to a first outcome")
        )
        _common(p, suppress=True)
    elif name == "scan":
        _scan_options(p)
        _language(p, suppress=True)


def _folder(text: str) -> Path:
    """A --trees folder (pathlib is imported only when one is given: see `platform.folders`)."""
    from pathlib import Path

    return Path(text)


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, told the width up front: left to itself it imports shutil (and bz2 and lzma
    with it) to ask, about 3 ms of every `explain`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)


class _RawFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    """The same, keeping the top-level epilog's lines as written."""


class _Command(argparse.ArgumentParser):
    """A command's parser that adds its options only when it is used (to parse, or to show its help): a run
    uses one command, and adding every command's options cost about a millisecond of each start."""

    def __init__(self, *args: Any, configure: Callable[[argparse.ArgumentParser], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending: Callable[[argparse.ArgumentParser], None] | None = configure

    def _ready(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending(self)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._ready()
        return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        self._ready()
        return super().format_usage()

    def format_help(self) -> str:
        self._ready()
        return super().format_help()


def build_parser(
    extra: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] | None = None,
) -> argparse.ArgumentParser:
    """The whole grammar; `extra` adds commands that define their own options (name: help, configure)."""
    parser = argparse.ArgumentParser(
        prog="iisdoctor",
        description=_("Guided troubleshooting for IIS HTTP and FTP status codes."),
        epilog=epilog(),
        formatter_class=_RawFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"iisdoctor {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--code", metavar="CODE", nargs="+", help=_("start the wizard on this code (403.1, 404-3, ftp 530, 401 1 1326)")
    )
    parser.add_argument(
        "--ticket",
        metavar="TEXT",
        help=_("the ticket or customer of the case this run opens (shown in the resume list; cases filters by it)"),
    )
    parser.add_argument(
        "--resume",
        metavar="ID",
        nargs="?",
        const="",
        help=_("go on with a saved case (without ID: choose from the recent ones)"),
    )
    _common(parser, suppress=False)
    _evidence(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Command)
    commands = {name: (_(text), partial(_configure, name)) for name, text in COMMANDS.items()} | (extra or {})
    for name, (help_text, configure) in commands.items():
        sub.add_parser(name, help=help_text, description=help_text, formatter_class=_Formatter, configure=configure)
    return parser


def to_request(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Request:
    """Check what argparse cannot and build the Request; usage errors exit with status 2."""
    command = args.command or "wizard"
    every_version = command == "explain" and (args.iis or "").lower() == "all"
    version = None
    if args.iis is not None and not every_version:
        version = V.normalize(args.iis)
        if version is None:
            if command == "explain":
                message = _("unknown IIS version {version}; choose one of {known} (or all, with explain)")
            else:
                message = _("unknown IIS version {version}; choose one of {known}")
            parser.error(message.format(version=repr(args.iis), known=", ".join(V.KNOWN)))
    words = tuple(
        getattr(args, "pattern", None)
        or getattr(args, "text", None)
        or getattr(args, "filter", None)
        or (getattr(args, "code", None) if command == "explain" else None)
        or ()
    )
    code = getattr(args, "code", None) if command == "wizard" else None
    reason = getattr(args, "reason", None)
    protocol = args.protocol or ("http" if reason else None)  # HTTP.sys reasons are HTTP only
    known = {
        "command",
        "protocol",
        "iis",
        "trees",
        "win32",
        "reason",
        "code",
        "resume",
        "pattern",
        "text",
        "limit",
        "delete",
        "older_than",
        "yes",
        "id",
        "format",
        "output",
        "paths",
        "no_builtin",
        "ticket",
        "filter",
        "import_file",
        "lang",
    }
    return Request(
        command=command,
        code=" ".join(code) if code else None,
        protocol=protocol,
        version=version,
        every_version=every_version,
        win32=getattr(args, "win32", None),
        reason=reason,
        trees=tuple(args.trees),
        resume=getattr(args, "resume", None),
        words=words,
        limit=getattr(args, "limit", 5),
        delete=tuple(getattr(args, "delete", ())),
        older_than=getattr(args, "older_than", None),
        yes=getattr(args, "yes", False),
        case_id=getattr(args, "id", None),
        format=getattr(args, "format", "md"),
        output=getattr(args, "output", None),
        paths=tuple(getattr(args, "paths", ())),
        no_builtin=getattr(args, "no_builtin", False),
        ticket=getattr(args, "ticket", None) or "",
        json=bool(getattr(args, "json", False)),
        import_file=getattr(args, "import_file", None),
        lang=getattr(args, "lang", None),
        extra={k: v for k, v in vars(args).items() if k not in known},
    )
