"""The interface language: which one this run speaks, and its translated strings.

The lowest floor of the package: any layer may ask for `_()` without importing anything
heavier than the standard library's gettext (and only when a language other than English is
in use).
"""
