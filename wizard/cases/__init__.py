"""Saved cases: the store on disk and the reports written from a case."""
