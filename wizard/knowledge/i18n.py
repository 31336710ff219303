"""Human text in the trees: a mapping of language to string, with English always present.

Kept apart from the model so light modules (the start-up index, the walk's view) can pick a
language without importing every model class.
"""

from __future__ import annotations

from wizard.language.messages import current

Text = dict  # {"en": "...", "nb": "..."}; `en` is always present


def tr(text: Text | None, lang: str | None = None) -> str:
    """Pick the text in `lang` (default: the run's language), falling back to English per field."""
    if not text:
        return ""
    return text.get(lang or current()) or text["en"]
