"""Word wrapping for plain output: what `textwrap.wrap` gives, found line by line rather than word by word.

`textwrap` weighs every word and space in Python and compiles its patterns when it is imported;
an outline wraps about a hundred paragraphs, which cost `explain` some milliseconds. For the text
trees hold (single spaces, nothing unprintable) the longest prefix of words that fits is found
with one `rfind` per line, giving exactly textwrap's lines (a test compares them); anything else
is handed to textwrap itself.
"""

from __future__ import annotations


def wrap(text: str, width: int, first: str = "", rest: str = "", *, inside_words: bool = False) -> list[str]:
    """The lines of `text` within `width`, the first indented by `first` and the others by `rest`. Words are
    not broken (a longer one gets a line of its own), unless `inside_words`: then, as textwrap's defaults,
    a line may also end after a hyphen, and a word longer than a line is cut. [] for empty text."""
    width = max(width, len(first) + 1, len(rest) + 1)  # at least a character of room (textwrap can hang on less)
    plain = text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
    if not plain or (inside_words and "-" in text):
        return _textwrap(text, width, first, rest, inside_words)
    lines: list[str] = []
    start, size, indent = 0, len(text), first
    while start < size:
        room = width - len(indent)
        if size - start <= room:
            cut = size
        else:
            cut = text.rfind(" ", start, start + room + 1)
            if cut <= start:  # the next word alone is longer than the room: it gets its own line
                if inside_words:
                    return _textwrap(text, width, first, rest, inside_words)
                cut = text.find(" ", start)
                cut = size if cut < 0 else cut
        lines.append(indent + text[start:cut])
        start, indent = cut + 1, rest
    return lines


def _textwrap(text: str, width: int, first: str, rest: str, inside_words: bool) -> list[str]:
    import textwrap

    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=inside_words,
        break_on_hyphens=inside_words,
    )
