"""One module per command; each takes the typed request and returns an exit code."""
