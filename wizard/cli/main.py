"""`iisdoctor`'s entry point: parse once into a Request, then run one command.

Commands are imported only when run, so `--help` and the plain paths (`list`, `explain`,
`validate`) never import Textual and start fast in a pipe.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from wizard.cli.exit_codes import Exit
from wizard.cli.parser import build_parser, to_request
from wizard.language import choice, messages
from wizard.language.messages import _
from wizard.platform import memory, settings
from wizard.platform.console import make_streams_safe

#: command name -> the module under wizard.cli.commands that runs it
REGISTRY: dict[str, str] = {
    "wizard": "start_wizard",
    "list": "list_codes",
    "explain": "explain",
    "find": "find",
    "cases": "cases",
    "report": "report",
    "scan": "scan",
    "validate": "validate",
}


def main(argv: Sequence[str] | None = None) -> int:
    collector_was_on = memory.starting()
    try:
        return _main(argv)
    finally:
        memory.finished(collector_was_on)


def _main(argv: Sequence[str] | None) -> int:
    make_streams_safe()
    argv = list(sys.argv[1:] if argv is None else argv)
    messages.use(choice.choose(choice.asked_on_command_line(argv), settings.language(), os.environ))
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command == "find":
        # Pasted text may start with a dash ("-: not found"): for find it is text, not an option.
        args.text = [*args.text, *unknown]
    elif unknown:
        parser.error(_("unrecognized arguments: %s") % " ".join(unknown))  # argparse's own words
    request = to_request(parser, args)
    module = importlib.import_module(f"wizard.cli.commands.{REGISTRY[request.command]}")
    try:
        return int(module.run(request))
    except BrokenPipeError:  # `iisdoctor explain 403 | head` is fine
        sys.stderr.close()
        return Exit.OK
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
