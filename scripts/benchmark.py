"""Start-up benchmark: `python scripts/benchmark.py [--runs N]`.

Measures, in fresh processes, the time from launch until the first question of
`iisdoctor --code 403.1` is on screen, beside a minimal Textual app's time to its first
screen, in the same run. Target: iisdoctor at most 1.15x the minimal app. The wizard runs
through the command line's own entry point, as `iisdoctor --code 403.1` does. "Ready for keys"
is when the engine is loaded and the header and key bar are in (a key pressed before then
waits for it). Also reports the plain `explain` path, the catalog load alone, and peak memory.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
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
import os, sys, time, resource
sys.path.insert(0, {root!r})
os.environ["TEXTUAL_DRIVER"] = "textual.drivers.headless_driver:HeadlessDriver"  # as textual-serve would
from textual.app import App
from wizard.cli.main import main
marks = {{}}
run = App.run
def headless(app, **kw):  # the same size as the minimal app; then time the first walk screen's paint
    from wizard.ui.screens.walk import WalkScreen
    mounted = WalkScreen.on_mount
    def on_mount(screen):  # callbacks run in order after the next refresh: this one first
        screen.call_after_refresh(lambda: marks.setdefault("question", time.perf_counter() - START))
        mounted(screen)
        screen.call_after_refresh(check, screen)
    def check(screen):  # ready: the engine answers keys, and the header and key bar are in
        if screen.session is not None and len(screen.children) > 4:
            marks["ready"] = time.perf_counter() - START
            screen.set_timer(0.2, app.exit)  # let pending mount work settle first
        else:
            screen.call_after_refresh(check, screen)
    WalkScreen.on_mount = on_mount
    return run(app, headless=True, size=(100, 30))
App.run = headless
main(["--code", "403.1", "--iis", "6.0"])
print(marks["ready"], marks["question"], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

EXPLAIN = """
import sys, time, io, contextlib, resource
sys.path.insert(0, {root!r})
from wizard.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["explain", "403.1"])
print(time.perf_counter() - START, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, **extra_env: str) -> tuple[list[float], int]:
    """Run a snippet in a fresh process; it prints one or more times in seconds, then peak RSS (KB)."""
    prelude = "import time\nSTART = time.perf_counter()\n"
    env = {**os.environ, "IISDOCTOR_DATA_DIR": SCRATCH, "IISDOCTOR_CONFIG_DIR": SCRATCH, **extra_env}
    out = subprocess.run(
        [sys.executable, "-c", prelude + code.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    *seconds, rss = out.stdout.split()
    return [float(x) for x in seconds], int(rss)


QUESTION = "--code 403.1: question painted"
FULL = "--code 403.1: ready for keys"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    names = ["minimal Textual app", QUESTION, FULL, "explain 403.1"]
    times: dict[str, list[float]] = {n: [] for n in names}
    peak: dict[str, int] = {n: 0 for n in names}

    def note(name: str, seconds: float, rss: int) -> None:
        times[name].append(seconds)
        peak[name] = max(peak[name], rss)

    # An installed package ships compiled bytecode; compile ours too, so a checkout run with
    # PYTHONDONTWRITEBYTECODE set does not measure the compiler.
    compileall.compile_dir(str(ROOT / "wizard"), quiet=1)
    run(MINIMAL), run(WIZARD)  # warm the file cache, the tree cache and bytecode
    for _ in range(args.runs):  # interleaved, so background noise hits all alike
        (seconds,), rss = run(MINIMAL)
        note(names[0], seconds, rss)
        (full, question), rss = run(WIZARD)
        note(QUESTION, question, rss)
        note(FULL, full, rss)
        (seconds,), rss = run(EXPLAIN)
        note(names[3], seconds, rss)
    print(f"{'':34}{'median':>9}{'min':>9}{'peak RSS':>11}")
    medians = {n: statistics.median(t) for n, t in times.items()}
    for name in names:
        print(f"{name:34}{medians[name] * 1000:>7.0f}ms{min(times[name]) * 1000:>7.0f}ms{peak[name] / 1024:>9.1f}MB")
    ratio = medians[QUESTION] / medians[names[0]]
    best = min(times[QUESTION]) / min(times[names[0]])
    print(
        f"\nfirst question vs minimal app: {ratio:.2f}x by median, {best:.2f}x by best run "
        f"(target <= 1.15x) -> {'OK' if max(ratio, best) <= 1.15 else 'OVER'}"
    )
    (ready, question), _ = run(WIZARD, IISDOCTOR_CACHE_DIR=tempfile.mkdtemp(prefix="iisdoctor-bench-cache-"))
    print(
        f"first run with an empty cache (after an upgrade or a tree edit): question painted after "
        f"{question * 1000:.0f}ms, having parsed every tree and written the cache and the start-up index"
    )
    sys.path.insert(0, str(ROOT))
    from wizard.knowledge.library import Library

    start = time.perf_counter()
    library = Library.load(cache=True)
    cached = time.perf_counter() - start
    start = time.perf_counter()
    Library.load()
    print(
        f"in-process library load: {cached * 1000:.0f}ms from the cache, {(time.perf_counter() - start) * 1000:.0f}ms "
        f"parsing every file ({library.loaded.files} files, {len(library.trees)} trees)"
    )


if __name__ == "__main__":
    main()
