"""Standard output and error that survive a legacy Windows code page.

Redirected on Windows (`iisdoctor report ID > ticket.md`, `explain 403.14 | more`), Python
writes in the ANSI or OEM code page, which has no `→` or `—`. Rather than fail half-way
through a report, characters the code page lacks become plain look-alikes, else `?`.
"""

from __future__ import annotations

import codecs
import io
import sys

_LOOKALIKE = {
    "→": "->",
    "←": "<-",
    "›": ">",
    "‹": "<",
    "—": "-",
    "–": "-",
    "…": "...",
    "·": "*",
    "•": "*",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "≤": "<=",
    "≥": ">=",
    "×": "x",
    "✓": "v",
    "␛": "^[",
    "\u00a0": " ",
}
_HANDLER = "iisdoctor-lookalike"


def _lookalike(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_stand_in(ch, error.encoding) for ch in bad), error.end


#: Norwegian letters a code page may lack (cp437 has æ and å but no ø): the nearest letter the
#: code page has, else the spelling Norwegians use without them (oe, ae, aa).
_NORDIC = {"ø": ("ö", "oe"), "Ø": ("Ö", "Oe"), "æ": ("ae",), "Æ": ("Ae",), "å": ("aa",), "Å": ("Aa",)}


def _stand_in(ch: str, encoding: str) -> str:
    for option in _NORDIC.get(ch, ()):
        try:
            option.encode(encoding)
        except UnicodeEncodeError:
            continue
        return option
    return _LOOKALIKE.get(ch, "?")


codecs.register_error(_HANDLER, _lookalike)


def plain(text: str, encoding: str) -> str:
    """`text` as it will appear in `encoding`: look-alikes for what the encoding lacks."""
    return text.encode(encoding, errors=_HANDLER).decode(encoding, errors="replace")


def make_streams_safe() -> None:
    """Let standard output and error fall back to look-alikes instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            try:
                stream.reconfigure(errors=_HANDLER)
            except (ValueError, io.UnsupportedOperation):
                pass
