"""Finding codes from what a person has: a code or words (home search), or pasted text."""
