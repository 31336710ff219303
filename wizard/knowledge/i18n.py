"""Human text in the trees: a mapping of language to string, with English always present.

Kept apart from the model so light modules (the start-up index, the walk's view) can pick a
language without importing every model class.
"""

from __future__ import annotations

Text = dict  # {"en": "...", "nb": "..."}; `en` is always present


def tr(text: Text | None, lang: str = "en") -> str:
    """Pick the text in `lang`, falling back to English."""
    if not text:
        return ""
    return text.get(lang) or text["en"]
