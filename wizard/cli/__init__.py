"""The `iisdoctor` command line: one parser, a typed request, one module per command."""

from wizard.cli.main import main

__all__ = ["main"]
