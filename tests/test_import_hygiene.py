"""The plain paths never import Textual: they must start fast and work in pipes.

A static import graph cannot tell a module-level import from one deferred into the function
that needs it, so each path runs in a fresh interpreter and we look at sys.modules.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import io, sys, contextlib
from wizard.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main({argv!r})
heavy = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich")))
print(code, heavy)
"""


@pytest.mark.parametrize("argv", [
    ["list"],
    ["list", "4xx"],
    ["explain", "403.1"],
    ["explain", "ftp", "530"],
    ["validate"],
    ["--code", "403.1"],  # stdout is a pipe here: prints the outline
    ["--code", "500.19 0x80070021", "--iis", "10"],
    ["explain", "--win32", "1326"],
    ["find", "HTTP Error 403.14 - Forbidden"],
    ["cases"],
    ["--resume"],  # a pipe again: prints the case list
])
def test_plain_paths_do_not_import_textual(argv):
    result = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    code, heavy = result.stdout.strip().split(" ", 1)
    assert heavy == "[]", f"{argv} imported {heavy}"


def test_core_modules_do_not_import_textual():
    modules = ["wizard", "wizard.cli", "wizard.library", "wizard.session", "wizard.validator",
               "wizard.render", "wizard.codes", "wizard.loader", "wizard.cases", "wizard.report",
               "wizard.findtext", "wizard.evidence", "wizard.settings", "wizard.cli_cases", "wizard.cli_find",
               "wizard.cli_explain", "wizard.walkview", "wizard.walkplan", "wizard.startviews", "wizard.codetext",
               "wizard.treecache", "wizard.i18n"]
    probe = f"import sys\nfor m in {modules!r}: __import__(m)\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
