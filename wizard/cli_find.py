"""`iisdoctor find`: rank the codes that match pasted text, and say how to start the walk."""

from __future__ import annotations

import sys
import textwrap

from wizard import versions as V
from wizard.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from wizard.cli_explain import _width
from wizard.model import tr


def cmd_find(args, load_library) -> int:
    from wizard.findtext import find

    text = " ".join(args.text)
    if not text or text == "-":
        if sys.stdin.isatty():
            print("iisdoctor: paste the text, then press Ctrl+D (Ctrl+Z, Enter on Windows)", file=sys.stderr)
        text = sys.stdin.read()
    if not text.strip():
        print("iisdoctor: find needs some text: an error page, a log line or a sentence", file=sys.stderr)
        return EXIT_USAGE
    library = load_library(args)
    result = find(library, text, version=args.iis, protocol=args.protocol, limit=max(1, args.limit))
    if not result.candidates:
        print("No known code matches that text. Try fewer, more specific words, or paste the "
              "status line of the error page.")
        return EXIT_FINDINGS
    width = _width()
    for c in result.candidates:
        e = c.entry
        print(f"{c.score:>3}  {e.protocol.upper()} {e.code}  {tr(e.title)}  (IIS {V.describe(e.versions)})")
        print("\n".join(textwrap.wrap(tr(e.meaning), width, initial_indent="     ", subsequent_indent="     ")))
        print(f"     why: {c.why}")
    if result.evidence:
        print(f"\nAlso found: {result.evidence.describe()}")
    best = result.candidates[0].entry
    flags = ""
    if result.evidence.win32 is not None:
        flags += f" --win32 {result.evidence.win32}"
    if result.evidence.reason:
        flags += f" --reason {result.evidence.reason}"
    proto = " --ftp" if best.protocol == "ftp" else ""
    print(f"\nStart the walk: iisdoctor --code {best.code}{proto}{flags}")
    return EXIT_OK
