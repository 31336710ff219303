"""Tests of the log scan: formats, edge cases, report contract, CLI adapter and TUI screen."""
