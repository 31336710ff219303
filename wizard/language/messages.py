"""Interface strings through gettext: `_("Export")` is the English text and the catalog key.

The run's language is process-wide (one person, one console). English needs no catalog, so
the plain paths in English never open one. Strings in class bodies and constants are marked
with `N_()` and translated where shown.

Catalogs: `wizard/language/<lang>/*.po` are the sources (one per area of the interface, so
people can translate them in parallel); `scripts/messages.py compile` joins them into
`<lang>/LC_MESSAGES/iisdoctor.mo`, which is what runs. A test keeps the two in step.
"""

from __future__ import annotations

import os

from wizard.language.choice import DEFAULT, SUPPORTED

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "iisdoctor"
LOCALE_DIR = os.path.dirname(os.path.realpath(__file__))

_lang = DEFAULT
_catalog: NullTranslations | None = None


def catalog_for(lang: str) -> NullTranslations | None:
    """The compiled catalog of `lang`; None for English or when the catalog is missing."""
    if lang == DEFAULT or lang not in SUPPORTED:
        return None
    import gettext  # only a run in another language pays for it

    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    except OSError:
        return None


def use(lang: str) -> None:
    """Speak `lang` from now on (an unknown language falls back to English)."""
    global _lang, _catalog
    _lang = lang if lang in SUPPORTED else DEFAULT
    _catalog = catalog_for(_lang)
    _translate_argparse()


def current() -> str:
    return _lang


class speaking:
    """Speak `lang` for a while (a report in its case's language), then go back. A class, not
    contextlib's decorator, so a plain start need not import contextlib."""

    def __init__(self, lang: str) -> None:
        self.lang, self.before = lang, _lang

    def __enter__(self) -> None:
        self.before = _lang
        use(self.lang)

    def __exit__(self, *_exc: object) -> None:
        use(self.before)


def _(message: str) -> str:
    # "" is the key of the catalog's own header: an empty text stays empty
    return message if _catalog is None or not message else _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _catalog is None:
        return singular if n == 1 else plural
    return _catalog.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word means something else elsewhere ("Note": a catalog remark, a case note)."""
    return message if _catalog is None or not message else _catalog.pgettext(context, message)


def NC_(context: str, message: str) -> str:
    """Mark a string with its context where it is defined; `pgettext()` translates it where it is shown."""
    return message


def N_(message: str) -> str:
    """Mark a string for the catalog where it is defined; `_()` translates it where it is shown."""
    return message


def _translate_argparse() -> None:
    """argparse words its own usage lines and errors through gettext; give it our catalog."""
    import sys

    argparse = sys.modules.get("argparse")
    if argparse is not None:
        argparse._ = _  # type: ignore[attr-defined]
        argparse.ngettext = ngettext  # type: ignore[attr-defined]
