"""Start-up benchmark: `python scripts/benchmark.py [--runs N]`.

Measures, in fresh processes, the time from launch until the first question of
`iisdoctor --code 403.1` is on screen, beside a minimal Textual app's time to its first
screen, in the same run. Target: iisdoctor at most 1.15x the minimal app. Also reports the
plain `explain` path, the catalog load alone, and peak memory.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = tempfile.mkdtemp(prefix="iisdoctor-bench-")  # the walk saves a case; keep it out of the user's folder

MINIMAL = """
import sys, time, resource
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("ready")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        elapsed = time.perf_counter() - START
        self.set_timer(0.2, lambda: self.exit(elapsed))
print(Minimal().run(headless=True, size=(100, 30)), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

WIZARD = """
import sys, time, resource
sys.path.insert(0, {root!r})
from wizard.library import Library
from wizard.ui.app import IISDoctorApp
from wizard.ui.screens.walk import WalkScreen
class Timed(IISDoctorApp):
    def on_mount(self):  # runs after IISDoctorApp.on_mount (Textual calls each class's handler)
        self.call_after_refresh(self.check)
    def check(self):
        if isinstance(self.screen, WalkScreen) and self.screen.session is not None:
            self.call_after_refresh(self.done)
        else:
            self.call_after_refresh(self.check)
    def done(self):
        elapsed = time.perf_counter() - START
        self.set_timer(0.2, lambda: self.exit(elapsed))  # let pending mount work settle first
print(Timed(Library.load(cache=True), code="403.1", version="6.0").run(headless=True, size=(100, 30)),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

EXPLAIN = """
import sys, time, io, contextlib, resource
sys.path.insert(0, {root!r})
from wizard.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["explain", "403.1"])
print(time.perf_counter() - START, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str) -> tuple[float, int]:
    prelude = "import time\nSTART = time.perf_counter()\n"
    env = {**os.environ, "IISDOCTOR_DATA_DIR": SCRATCH, "IISDOCTOR_CONFIG_DIR": SCRATCH}
    out = subprocess.run([sys.executable, "-c", prelude + code.format(root=str(ROOT))],
                         capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    seconds, rss = out.stdout.split()[-2:]
    return float(seconds), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, int]]] = {"minimal Textual app": [], "iisdoctor --code 403.1": [],
                                                   "iisdoctor explain 403.1": []}
    run(MINIMAL), run(WIZARD)  # warm the file cache and bytecode
    for _ in range(args.runs):  # interleaved, so background noise hits both alike
        results["minimal Textual app"].append(run(MINIMAL))
        results["iisdoctor --code 403.1"].append(run(WIZARD))
        results["iisdoctor explain 403.1"].append(run(EXPLAIN))
    print(f"{'':28}{'median':>10}{'min':>10}{'peak RSS':>12}")
    medians = {}
    for name, rows in results.items():
        times = [t for t, _ in rows]
        medians[name] = statistics.median(times)
        rss = max(r for _, r in rows) / 1024
        print(f"{name:28}{medians[name] * 1000:>8.0f}ms{min(times) * 1000:>8.0f}ms{rss:>10.1f}MB")
    ratio = medians["iisdoctor --code 403.1"] / medians["minimal Textual app"]
    print(f"\nfirst question vs minimal app: {ratio:.2f}x (target <= 1.15x) -> {'OK' if ratio <= 1.15 else 'OVER'}")
    start = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from wizard.library import Library

    library = Library.load()
    print(f"in-process library load: {(time.perf_counter() - start) * 1000:.0f}ms "
          f"({library.loaded.files} files, {len(library.trees)} trees)")


if __name__ == "__main__":
    main()
