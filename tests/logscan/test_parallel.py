"""Splitting a big file across processes gives exactly the result of reading it in one go."""

from __future__ import annotations

import gzip

from tests.logscan.conftest import HEADER, line
from wizard.logscan import Filters, parallel, scan, to_dict


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


def test_gzip_shared_by_stripes_equals_single_scan(tmp_path, monkeypatch):
    plain = _log(tmp_path)
    path = tmp_path / "u_ex.log.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    single = to_dict(scan([str(path)]))
    narrow = Filters(url="/late*", since="2024-03-02T11:40")  # read line by line, under the second field list
    single_narrow = to_dict(scan([str(path)], narrow))
    monkeypatch.setattr(parallel, "MIN_GZ_SIZE", 1)
    monkeypatch.setattr(parallel, "STRIPE", 4096)  # ~50 stripes: the #Fields change lands in one of them
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    jobs = []
    real = parallel._share
    monkeypatch.setattr(parallel, "_share", lambda pool, todo: jobs.append(todo) or real(pool, todo))
    done = []
    striped = to_dict(scan([str(path)], progress=done.append))
    assert [[(job.func.__name__, job.args[1:4]) for job in todo] for todo in jobs] == [
        [("scan_stripes", (0, 2, 4096)), ("scan_stripes", (1, 2, 4096))]
    ]
    assert striped == single
    assert striped["requests"] == 2999 and striped["files"][0]["skipped_lines"][0]["line"] == 905
    assert sum(done) == path.stat().st_size  # progress in bytes of the .gz, so a bar ends at its size
    assert to_dict(scan([str(path)], narrow)) == single_narrow
    assert 0 < single_narrow["requests"] < 1300


def test_stripes_skip_blocks_but_follow_their_directives(tmp_path):
    """A part that counts only odd blocks still reads the later blocks with the field list of an even one."""
    path = tmp_path / "u_ex.log.gz"
    path.write_bytes(gzip.compress(_log(tmp_path).read_bytes()))
    whole = to_dict(scan([str(path)]))
    parts = [to_dict(parallel.scan_stripes(str(path), part, 3, 4096, None, None)) for part in range(3)]
    assert sum(p["requests"] for p in parts) == whole["requests"]
    late = [g for g in whole["groups"] if g["substatus"] is None]  # the second field list has no sc-substatus
    assert len(late) == 2
    for want in late:
        key = (want["status"], None, want["win32"])
        assert (
            sum(g["count"] for p in parts for g in p["groups"] if (g["status"], g["substatus"], g["win32"]) == key)
            == want["count"]
        )


def test_workers_use_every_cpu_unless_the_machine_is_saturated(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    for load, expected in ((0.1, 2), (0.9, 2), (1.5, 2), (2.0, 1), (6.0, 1)):
        monkeypatch.setattr(parallel.os, "getloadavg", lambda load=load: (load, load, load))
        assert parallel.workers() == expected, load
