"""The Textual layer: the only package that imports Textual."""
