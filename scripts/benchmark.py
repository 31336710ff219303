"""Start-up benchmark: `python scripts/benchmark.py [--runs N]`.

Measures in fresh processes, paired and interleaved so background load hits both sides alike:
the plain path `iisdoctor explain 403.1` beside a bare `python -c pass` (target at most 4x), and
the time until the first question of `iisdoctor --code 403.1` is painted, and until the walk is
ready for keys (header and key bar in), beside a minimal Textual app's first screen (targets
1.15x and 1.25x). Reports the median of the paired ratios, and peak memory.
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
import gc, os, sys, time, resource
gc.disable()  # as main() does first thing (platform.memory), before the run imports Textual; imported here to patch it
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


def wall(argv: list[str]) -> float:
    """Seconds from launching a process to its exit, measured from outside (interpreter start-up included)."""
    env = {**os.environ, "IISDOCTOR_DATA_DIR": SCRATCH, "IISDOCTOR_CONFIG_DIR": SCRATCH}
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    # An installed package ships compiled bytecode; compile ours too, so a checkout run with
    # PYTHONDONTWRITEBYTECODE set does not measure the compiler.
    compileall.compile_dir(str(ROOT / "wizard"), quiet=1)
    run(MINIMAL), run(WIZARD), run(EXPLAIN)  # warm the file cache, the tree cache and bytecode
    pairs: dict[str, list[float]] = {"explain": [], "question": [], "ready": []}
    seen: dict[str, list[float]] = {
        "python -c pass": [],
        "explain 403.1": [],
        "minimal Textual app": [],
        QUESTION: [],
        FULL: [],
    }
    peak: dict[str, int] = {"minimal Textual app": 0, "wizard": 0, "explain 403.1": 0}
    for _ in range(args.runs):  # paired and interleaved, so background noise hits both sides alike
        bare = wall([sys.executable, "-c", "pass"])
        plain = wall([sys.executable, "-m", "wizard", "explain", "403.1"])
        seen["python -c pass"].append(bare)
        seen["explain 403.1"].append(plain)
        pairs["explain"].append(plain / bare)
        (minimal,), rss = run(MINIMAL)
        peak["minimal Textual app"] = max(peak["minimal Textual app"], rss)
        (ready, question), rss = run(WIZARD)
        peak["wizard"] = max(peak["wizard"], rss)
        seen["minimal Textual app"].append(minimal)
        seen[QUESTION].append(question)
        seen[FULL].append(ready)
        pairs["question"].append(question / minimal)
        pairs["ready"].append(ready / minimal)
        _, rss = run(EXPLAIN)
        peak["explain 403.1"] = max(peak["explain 403.1"], rss)
    print(f"{'':36}{'median':>9}{'min':>9}")
    for name, values in seen.items():
        print(f"{name:36}{statistics.median(values) * 1000:>7.0f}ms{min(values) * 1000:>7.0f}ms")
    print("\npeak memory: " + ", ".join(f"{name} {rss / 1024:.1f} MB" for name, rss in peak.items()))
    print("\nratios, median of paired runs:")
    for label, key, target in (
        ("explain 403.1 vs python -c pass", "explain", 4.0),
        ("first question vs minimal Textual app", "question", 1.15),
        ("ready for keys vs minimal Textual app", "ready", 1.25),
    ):
        ratio = statistics.median(pairs[key])
        print(f"  {label:40}{ratio:6.2f}x  (target <= {target}x) -> {'OK' if ratio <= target else 'OVER'}")
    (_ready, question), _ = run(WIZARD, IISDOCTOR_CACHE_DIR=tempfile.mkdtemp(prefix="iisdoctor-bench-cache-"))
    print(
        f"\nfirst run with an empty cache (after an upgrade or a tree edit): question painted after "
        f"{question * 1000:.0f}ms, having parsed every tree and written the cache"
    )
    sys.path.insert(0, str(ROOT))
    from wizard.knowledge.library import Library
    from wizard.platform.tree_cache import TreeCache

    start = time.perf_counter()
    library = Library.load(cache=TreeCache())
    cached = time.perf_counter() - start
    start = time.perf_counter()
    Library.load()
    parsed = time.perf_counter() - start
    print(
        f"in-process library load: {cached * 1000:.0f}ms from the cache, {parsed * 1000:.0f}ms parsing every file "
        f"({library.loaded.files} files, {len(library.trees)} trees)"
    )


if __name__ == "__main__":
    main()
