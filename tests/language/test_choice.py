"""Which language a run speaks: --lang, then the remembered choice, then the locale, then English."""

from __future__ import annotations

import pytest

from wizard.language import choice


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("nb", "nb"),
        ("nb_NO.UTF-8", "nb"),
        ("no_NO", "nb"),
        ("nn_NO.UTF-8@euro", "nb"),
        ("Norsk", "nb"),
        ("en_US.UTF-8", "en"),
        ("en-GB", "en"),
        ("de_DE.UTF-8", None),
        ("C", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize(value, expected):
    assert choice.normalize(value) == expected


def test_locale_variables_follow_posix_precedence():
    assert choice.from_environment({"LANG": "nb_NO.UTF-8"}) == "nb"
    assert choice.from_environment({"LANG": "nb_NO.UTF-8", "LC_ALL": "en_US.UTF-8"}) == "en"
    assert choice.from_environment({"LANG": "en_US.UTF-8", "LC_MESSAGES": "nb_NO.UTF-8"}) == "nb"
    # LANGUAGE is a preference list: the first language we speak wins ...
    assert choice.from_environment({"LANG": "en_US.UTF-8", "LANGUAGE": "sv:nb:en"}) == "nb"
    # ... but not when the locale is C, as gettext itself ignores it then
    assert choice.from_environment({"LC_ALL": "C", "LANGUAGE": "nb"}) is None
    assert choice.from_environment({}) is None


def test_the_most_deliberate_signal_wins(monkeypatch):
    monkeypatch.setattr(choice, "windows_ui_language", lambda: None)
    environ = {"LANG": "nb_NO.UTF-8"}
    assert choice.choose("en", "nb", environ) == "en"  # --lang
    assert choice.choose(None, "en", environ) == "en"  # chosen in the wizard
    assert choice.choose(None, None, environ) == "nb"  # the locale
    assert choice.choose(None, None, {}) == "en"  # nothing said
    assert choice.choose(None, "klingon", {"LANG": "C"}) == "en"  # a damaged setting is ignored


def test_windows_display_language_counts_when_the_locale_says_nothing(monkeypatch):
    monkeypatch.setattr(choice, "windows_ui_language", lambda: "nb")
    assert choice.choose(None, None, {}) == "nb"
    assert choice.choose(None, None, {"LANG": "en_US.UTF-8"}) == "en"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["explain", "403.1", "--lang", "nb"], "nb"),
        (["--lang=nb", "list"], "nb"),
        (["find", "--", "--lang", "nb"], None),  # after -- it is text, not an option
        (["list"], None),
    ],
)
def test_lang_is_read_before_the_parser_is_built(argv, expected):
    assert choice.asked_on_command_line(argv) == expected
