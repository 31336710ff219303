"""Splitting a big file across processes gives exactly the result of reading it in one go."""

from __future__ import annotations

from tests.logscan.conftest import HEADER, line
from wizard.logscan import parallel, scan, to_dict


def _log(tmp_path):
    parts = [HEADER]
    for i in range(3000):
        if i == 1700:
            parts.append("#Date: 2024-03-02 00:00:00\r\n#Fields: time cs-uri-stem sc-status sc-win32-status\r\n")
        if i >= 1700:
            parts.append(f"11:{i // 60:02d}:{i % 60:02d} /late{i % 7} {404 if i % 3 else 500} 2\r\n")
        elif i == 900:
            parts.append("2024-03-01 10:00:00 broken line\r\n")
        else:
            parts.append(
                line(time=f"10:{i // 60:02d}:{i % 60:02d}", url=f"/p{i % 11}", status="404 0 2" if i % 4 else "200 0 0")
            )
    path = tmp_path / "u_ex.log"
    path.write_text("".join(parts), newline="")
    return path


def test_split_scan_equals_single_scan(tmp_path, monkeypatch):
    path = _log(tmp_path)
    single = to_dict(scan([str(path)]))
    monkeypatch.setattr(parallel, "MIN_SIZE", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    assert len(parallel.plan(str(path), 4) or []) == 4
    split = to_dict(scan([str(path)]))
    assert split == single
    assert single["files"][0]["skipped_lines"][0]["line"] == 905


def test_workers_use_every_cpu_unless_the_machine_is_saturated(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    for load, expected in ((0.1, 2), (0.9, 2), (1.5, 2), (2.0, 1), (6.0, 1)):
        monkeypatch.setattr(parallel.os, "getloadavg", lambda load=load: (load, load, load))
        assert parallel.workers() == expected, load
