"""Benchmark `iisdoctor scan` against a plain line-by-line Python scanner on a generated IIS log.

Usage: python scripts/bench_scan.py [--lines 1000000] [--seed 7] [--runs 3]

Writes a seeded W3C log (the IIS default field set, with some header blocks switching to a larger
custom field set), times the scan and a straightforward `for line in f: line.split()` scanner that
counts the same combinations, top URLs and hours, checks the counts are equal, then measures the
.gz rate (and zlib's own decompression rate, its floor) and the peak memory of a scan in a fresh process.
Each timing is the median of --runs runs. The scan is timed as `scan` runs it (several processes for a big
file when the machine has the CPUs) and forced into one process; on a shared machine the CPU seconds of
this process are the steadier comparison of the two single-process scanners.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard.logscan import scan  # noqa: E402  (after the path insert, so the checkout is used)

SMALL = (
    "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) "
    "sc-status sc-substatus sc-win32-status time-taken"
)
LARGE = (
    "date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
    "cs-version cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes "
    "time-taken X-Forwarded-For"
)
CODES = (
    [("200", "0", "0")] * 70
    + [("304", "0", "0")] * 12
    + [("404", "0", "2")] * 6
    + [
        ("404", "3", "50"),
        ("401", "2", "5"),
        ("401", "1", "2148074254"),
        ("500", "19", "5"),
        ("500", "0", "64"),
        ("403", "14", "0"),
        ("503", "0", "1236"),
        ("302", "0", "0"),
        ("206", "0", "0"),
        ("400", "0", "0"),
    ]
)
AGENTS = ["Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)", "curl/8.4.0", "Mozilla/5.0+(iPhone;+CPU+iPhone+OS+17_0)"]


def generate(path: Path, lines: int, seed: int) -> None:
    """A day of traffic; every ~50,000 lines a new header block, every third one with the larger field set."""
    rnd = random.Random(seed)
    urls = [f"/app/section{i % 37}/page{i}.aspx" for i in range(300)] + ["/", "/api/order", "/data/prices.json"]
    clients = [f"198.51.{i // 250}.{i % 250}" for i in range(2000)] + ["2001:db8::7"]
    with open(path, "w", encoding="utf-8", newline="") as out:
        block: list[str] = []
        fields = SMALL
        for n in range(lines):
            if n % 50_000 == 0:
                fields = LARGE if (n // 50_000) % 3 == 2 else SMALL
                block.append(
                    f"#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
                    f"#Date: 2024-03-01 00:00:00\r\n#Fields: {fields}\r\n"
                )
            sec = n * 86_399 // lines
            when = f"2024-03-01 {sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}"
            status, sub, win = rnd.choice(CODES)
            url, client, taken = rnd.choice(urls), rnd.choice(clients), rnd.randint(0, 4000)
            if fields is SMALL:
                block.append(
                    f"{when} 10.0.0.5 GET {url} - 443 - {client} {rnd.choice(AGENTS)} - "
                    f"{status} {sub} {win} {taken}\r\n"
                )
            else:
                block.append(
                    f"{when} W3SVC2 WEB01 10.0.0.5 GET {url} id=4 443 - {client} HTTP/1.1 "
                    f"{rnd.choice(AGENTS)} - shop.example.com {status} {sub} {win} 5120 420 {taken} -\r\n"
                )
            if len(block) >= 20_000:
                out.write("".join(block))
                block.clear()
        out.write("".join(block))


def plain_scan(path: Path) -> tuple[Counter, dict, Counter]:
    """The obvious scanner: text mode, one split per line, columns from the current #Fields."""
    combos: Counter = Counter()
    urls: dict = {}
    hours: Counter = Counter()
    idx: dict[str, int] = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#"):
                if line.startswith("#Fields:"):
                    names = line[8:].split()
                    idx = {name: i for i, name in enumerate(names)}
                    width = len(names)
                    s, ss, w, u = idx["sc-status"], idx["sc-substatus"], idx["sc-win32-status"], idx["cs-uri-stem"]
                    d, t = idx["date"], idx["time"]
                continue
            parts = line.split()
            if len(parts) != width:
                continue
            key = (int(parts[s]), int(parts[ss]), int(parts[w]))
            combos[key] += 1
            urls.setdefault(key, Counter())[parts[u]] += 1
            hours[(key, f"{parts[d]}T{parts[t][:2]}")] += 1
    return combos, urls, hours


def ours(path: Path) -> tuple[Counter, dict, Counter]:
    result = scan([str(path)])
    combos = Counter({g.key[1:4]: g.count for g in result.groups.values()})
    urls = {g.key[1:4]: g.urls for g in result.groups.values()}
    hours = Counter({(g.key[1:4], h): n for g in result.groups.values() for h, n in g.hours.counts.items()})
    return combos, urls, hours


def top(counter: Counter | object, n: int = 10) -> list[tuple[str, int]]:
    items = counter.items() if isinstance(counter, Counter) else counter.counts.items()  # type: ignore[attr-defined]
    return sorted(items, key=lambda kv: (-kv[1], kv[0]))[:n]


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def runs(count: int, fn, *args):  # type: ignore[no-untyped-def]
    """The last value, the median wall seconds and the median CPU seconds (this process) of `count` runs."""
    walls, cpus, value = [], [], None
    for _ in range(count):
        cpu = time.process_time()
        value, wall = timed(fn, *args)
        walls.append(wall)
        cpus.append(time.process_time() - cpu)
    return value, statistics.median(walls), statistics.median(cpus)


def single(path: Path) -> tuple[Counter, dict, Counter]:
    """`ours` forced into one process."""
    from wizard.logscan import parallel

    keep = parallel.MIN_SIZE, parallel.MIN_GZ_SIZE
    parallel.MIN_SIZE = parallel.MIN_GZ_SIZE = 1 << 62
    try:
        return ours(path)
    finally:
        parallel.MIN_SIZE, parallel.MIN_GZ_SIZE = keep


def unzip_only(path: Path) -> int:
    """Decompress a .gz and throw the bytes away: the floor for any .gz scan in one process."""
    size = 0
    with gzip.open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            size += len(chunk)
    return size


PEAK = """
import argparse, io, resource, sys, time, contextlib
sys.path.insert(0, {root!r})
from wizard.cli.main import main
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    main(["scan", {path!r}, "--json"])
print(
    time.perf_counter() - start,
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
)
"""


def peak(path: Path) -> tuple[float, float, float]:
    """Seconds and peak RSS (MiB) of `scan --json` in its own fresh process, and of the largest worker it started."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK.format(root=str(ROOT), path=str(path))], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing; the median is shown")
    args = parser.parse_args()
    from wizard.logscan import parallel

    n = args.lines
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "u_ex240301.log"
        generate(path, n, args.seed)
        size = path.stat().st_size
        load = os.getloadavg()[0]
        print(f"log: {n:,} lines, {size / 2**20:.0f} MiB; {os.cpu_count()} CPUs, load average {load:.1f}")
        print(f"medians of {args.runs} runs (wall seconds; CPU seconds of this process in brackets)")
        plain, plain_s, plain_cpu = runs(args.runs, plain_scan, path)
        mine, mine_s, _ = runs(args.runs, ours, path)
        one, one_s, one_cpu = runs(args.runs, single, path)
        same = all(
            plain[0] == got[0] and plain[2] == got[2] and all(top(plain[1][k]) == top(got[1][k]) for k in plain[0])
            for got in (mine, one)
        )
        workers = parallel.workers() if size >= parallel.MIN_SIZE else 1
        print(f"plain scanner : {plain_s:6.2f} s  {n / plain_s:>12,.0f} lines/s  [{plain_cpu:.2f}]")
        print(f"iisdoctor scan: {mine_s:6.2f} s  {n / mine_s:>12,.0f} lines/s  ({workers} process(es))")
        print(f"  one process : {one_s:6.2f} s  {n / one_s:>12,.0f} lines/s  [{one_cpu:.2f}]")
        print(f"ratio         : {plain_s / mine_s:.2f}x faster ({plain_s / one_s:.2f}x in one process)")
        print(f"counts equal  : {same} ({len(mine[0])} combinations, {sum(mine[0].values()):,} requests)")
        zipped = path.with_suffix(".log.gz")
        with open(path, "rb") as src, gzip.open(zipped, "wb", compresslevel=6) as dst:
            while chunk := src.read(1 << 22):
                dst.write(chunk)
        _, gz_s, _ = runs(args.runs, ours, zipped)
        _, gz_one_s, _ = runs(args.runs, single, zipped)
        _, unzip_s, _ = runs(args.runs, unzip_only, zipped)
        gz_workers = parallel.workers() if zipped.stat().st_size >= parallel.MIN_GZ_SIZE else 1
        print(f".gz scan      : {gz_s:6.2f} s  {n / gz_s:>12,.0f} lines/s  ({gz_workers} process(es), each unzips all)")
        print(f"  one process : {gz_one_s:6.2f} s  {n / gz_one_s:>12,.0f} lines/s")
        print(
            f".gz unzip only: {unzip_s:6.2f} s  {n / unzip_s:>12,.0f} lines/s  {size / unzip_s / 2**20:,.0f} MiB/s "
            "(zlib alone, the floor)"
        )
        cli_s, rss, child = peak(path)
        print(
            f"scan --json in a fresh process: {cli_s:.2f} s, peak memory {rss:.1f} MiB"
            + (f" (largest worker {child:.1f} MiB)" if child else "")
        )
        load = os.getloadavg()[0]
        print(f"load average at the end: {load:.1f}")
        print(
            json.dumps(
                {
                    "lines": n,
                    "plain_s": round(plain_s, 3),
                    "scan_s": round(mine_s, 3),
                    "scan_one_process_s": round(one_s, 3),
                    "ratio": round(plain_s / mine_s, 2),
                    "ratio_one_process": round(plain_s / one_s, 2),
                    "cpu_ratio_one_process": round(plain_cpu / one_cpu, 2),
                    "gz_lines_per_s": round(n / gz_s),
                    "gz_one_process_lines_per_s": round(n / gz_one_s),
                    "unzip_only_lines_per_s": round(n / unzip_s),
                    "peak_mib": round(rss, 1),
                    "worker_peak_mib": round(child, 1),
                    "equal": same,
                }
            )
        )
        if not same:
            print("MISMATCH between the scanners", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
