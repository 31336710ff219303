"""What `iisdoctor` tells the shell: one set of exit codes for every command."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1  # validation errors, an unknown code, nothing found
    USAGE = 2  # the command line itself is wrong: a bad option value, a missing file
    INTERRUPTED = 130  # Ctrl+C
