"""Which language a run speaks: `--lang`, else the choice remembered from the wizard, else the
locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, then the Windows UI language), else English.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

SUPPORTED = ("en", "nb")
DEFAULT = "en"
NAMES = {"en": "English", "nb": "Norsk (bokmål)"}

#: Written forms of a language that name one we speak. Nynorsk and plain "Norwegian"
#: readers get bokmål: far closer for them than English.
_ALIASES = {
    "en": "en",
    "english": "en",
    "nb": "nb",
    "no": "nb",
    "nn": "nb",
    "nob": "nb",
    "nor": "nb",
    "nno": "nb",
    "norsk": "nb",
    "bokmal": "nb",
    "bokmål": "nb",
    "norwegian": "nb",
}

#: Windows primary language id of Norwegian (LANGID & 0x3FF), both bokmål and nynorsk.
_WINDOWS_NORWEGIAN = 0x14
_WINDOWS_ENGLISH = 0x09


def normalize(value: str | None) -> str | None:
    """ "nb_NO.UTF-8", "no", "Norsk" -> "nb"; "en_US" -> "en"; anything else -> None."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    return _ALIASES.get(head)


def from_environment(environ: Mapping[str, str]) -> str | None:
    """The language the locale variables ask for, by POSIX precedence; None when they say nothing we speak.

    LANGUAGE is a colon-separated preference list (GNU); it counts only when the locale is not
    "C"/"POSIX", as gettext does.
    """
    locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    if environ.get("LANGUAGE") and locale not in ("C", "POSIX"):
        for item in environ["LANGUAGE"].split(":"):
            if normalize(item):
                return normalize(item)
    return normalize(locale)


def windows_ui_language() -> str | None:
    """The display language of Windows, when running there and it is one we speak."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        langid = int(getattr(ctypes, "windll").kernel32.GetUserDefaultUILanguage())  # noqa: B009 (absent off Windows)
    except (AttributeError, OSError, ValueError):
        return None
    primary = langid & 0x3FF
    return {_WINDOWS_NORWEGIAN: "nb", _WINDOWS_ENGLISH: "en"}.get(primary)


def choose(asked: str | None, remembered: str | None, environ: Mapping[str, str]) -> str:
    """The run's language, from the most to the least deliberate signal."""
    return normalize(asked) or normalize(remembered) or from_environment(environ) or windows_ui_language() or DEFAULT


def asked_on_command_line(argv: list[str]) -> str | None:
    """The value of `--lang X` / `--lang=X`, read before the parser is built so `--help` is translated."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
