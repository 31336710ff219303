"""The fast word wrapper gives exactly textwrap's lines, on the trees' own text and on awkward text."""

from __future__ import annotations

import random
import textwrap

import pytest

from wizard.knowledge.library import Library
from wizard.knowledge.model import Outcome, Question
from wizard.views.wrap import _textwrap, wrap


def expected(text: str, width: int, first: str, rest: str, inside_words: bool) -> list[str]:
    """textwrap itself, as the wrapper hands it what it does not wrap on its own."""
    return _textwrap(text, width, first, rest, inside_words)


def test_the_two_modes_are_textwraps_own():
    assert textwrap.wrap("Set-Web x", 5) == wrap("Set-Web x", 5, inside_words=True) == ["Set-", "Web x"]
    assert wrap("Set-Web x", 5) == ["Set-Web", "x"]  # no break inside a word, a long one on its own line


def tree_texts() -> list[str]:
    library = Library.load()
    texts = [text for e in library.entries for text in [*e.title.values(), *e.meaning.values()]]
    for tree in library.trees[:60]:
        for node in tree.nodes.values():
            if isinstance(node, Question):
                texts += [*node.question.values(), *(t for a in node.answers for t in a.label.values())]
            elif isinstance(node, Outcome):
                texts += [*node.cause.values(), *(t for s in node.steps for t in s.text.values())]
    return texts


@pytest.mark.parametrize("inside_words", [False, True])
def test_the_trees_text_wraps_as_textwrap_wraps_it(inside_words):
    texts = tree_texts()
    assert len(texts) > 2000
    for width, first, rest in (
        (100, "   ", "   "),
        (80, "      ⇒ ", "        "),
        (40, "Meaning:  ", " " * 10),
        (24, "", ""),
    ):
        for text in texts:
            assert wrap(text, width, first, rest, inside_words=inside_words) == expected(
                text, width, first, rest, inside_words
            ), (text, width)


@pytest.mark.parametrize("inside_words", [False, True])
def test_awkward_text_wraps_as_textwrap_wraps_it(inside_words):
    pieces = [
        "a",
        "word",
        "x" * 30,
        "Set-WebConfigurationProperty",
        "C:\\inetpub\\wwwroot",
        "  ",
        "\t",
        "\n",
        "\xa0",
        "ø",
        "[DenyExtensions]",
        "-",
        "--",
        "end.",
        " ",
    ]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice([" ", " ", "", "  "]) for _ in range(rnd.randint(0, 25)))
        first, rest = " " * rnd.randint(0, 6), " " * rnd.randint(0, 6)
        width = rnd.randint(max(len(first), len(rest)) + 1, 60)  # textwrap itself can loop forever on less
        assert wrap(text, width, first, rest, inside_words=inside_words) == expected(
            text, width, first, rest, inside_words
        ), (text, width, first, rest)


def test_a_width_narrower_than_the_indent_still_ends():
    """textwrap loops forever when an indent leaves no room; the wrapper gives each line a character at least."""
    assert (
        "".join(line.strip() for line in wrap("one two three", 3, "      ", "    ", inside_words=True)) == "onetwothree"
    )
    assert wrap("a b-c " * 2, 2, "    ", "    ") == ["    a", "    b-c", "    a", "    b-c"]
