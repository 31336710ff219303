"""The scan core stays plain: no Textual, and no other iisdoctor module, so it can move or ship on its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import wizard.logscan, wizard.logscan_cli
mods = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich"))
              or (m.startswith("wizard.") and not m.startswith(("wizard.logscan",))))
print(mods)
"""


def test_logscan_imports_nothing_heavy_or_foreign():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
