"""The report contract: JSON shape and nulls, walks, filters, merging farm scans, and safe terminal text."""

from __future__ import annotations

import json

from tests.logscan.conftest import FIXTURES, HEADER, by_code, cli, cli_json, line

IIS10 = str(FIXTURES / "u_ex240301.log")


def test_json_shape_is_the_documented_contract(capsys):
    data = cli_json([IIS10, str(FIXTURES / "httperr1.log")], capsys)
    assert isinstance(data["requests"], int) and isinstance(data["skipped"], int)
    for f in data["files"]:
        assert {"path", "format", "iis", "requests", "skipped", "skipped_lines"} <= f.keys()
    for g in data["groups"]:
        assert {
            "protocol",
            "status",
            "substatus",
            "win32",
            "reason",
            "count",
            "failure",
            "first",
            "last",
            "urls",
            "walk",
        } <= g.keys()
        assert g["protocol"] in ("http", "ftp")
    queue = next(g for g in data["groups"] if g["reason"] == "QueueFull")
    assert queue["substatus"] is None and queue["win32"] is None  # HTTPERR has neither field: null, not 0


def test_exit_codes_and_table(capsys):
    code, out, _ = cli([IIS10], capsys)
    assert code == 1
    assert "404.3 (50)" in out and "iisdoctor --code 404.3 --win32 50 --iis 10" in out
    assert all(len(row) <= 80 for row in out.splitlines())


def test_nothing_failing_exits_zero(tmp_path, capsys):
    path = tmp_path / "ok.log"
    path.write_text(HEADER + line() * 2)
    code, out, _ = cli([str(path)], capsys)
    assert code == 0 and "No failing requests" in out


def test_control_characters_and_long_urls_are_made_safe(tmp_path, capsys):
    path = tmp_path / "u_ex.log"
    path.write_bytes(
        HEADER.encode()
        + line(url="/x\x1b[31mred", status="404 0 2").encode()
        + line(url="/" + "a" * 200, status="404 0 2").encode()
    )
    _code, out, _ = cli([str(path)], capsys)
    assert "\x1b" not in out and "/x\u241b[31mred" in out
    assert "\u2026" in out and all(len(row) <= 80 for row in out.splitlines())


def test_filters(capsys):
    assert [g["code"] for g in cli_json([IIS10, "--status", "5xx"], capsys)["groups"]] == ["500 (64)", "500.19 (5)"]
    assert [g["code"] for g in cli_json([IIS10, "--status", "500.19"], capsys)["groups"]] == ["500.19 (5)"]
    later = cli_json([IIS10, "--since", "2024-03-01T01:00"], capsys)
    assert later["requests"] == 5 and by_code(later)["404.3 (50)"]["count"] == 1
    early = cli_json([IIS10, "--until", "2024-03-01T00:01:10"], capsys)
    assert early["requests"] == 3
    assert cli_json([IIS10, "--url", "*.json"], capsys)["requests"] == 3
    assert cli_json([IIS10, "--url", "admin"], capsys)["requests"] == 2
    assert [g["code"] for g in cli_json([IIS10, "--min-count", "3"], capsys)["groups"]] == ["404.3 (50)", "200"]
    sited = cli_json([str(FIXTURES / "ex040115.log"), "--site", "W3SVC1"], capsys)
    assert sited["requests"] == 4
    assert cli_json([str(FIXTURES / "ex040115.log"), "--site", "2"], capsys)["requests"] == 0


def test_bad_filter_is_a_usage_error(capsys):
    code, _, err = cli([IIS10, "--status", "50x5"], capsys)
    assert code == 2 and "50x5" in err


def test_merge_sums_counts_and_spans_times(tmp_path, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    (tmp_path / "b.log").write_text(HEADER + line(time="23:59:00", url="/data/prices.json", status="404 3 50"))
    first.write_text(json.dumps(cli_json([IIS10], capsys)))
    second.write_text(json.dumps(cli_json([str(tmp_path / "b.log")], capsys)))
    merged = cli_json(["--merge", str(first), str(second)], capsys)
    group = by_code(merged)["404.3 (50)"]
    assert group["count"] == 4 and group["urls"] == [["/data/prices.json", 4]]
    assert group["first"] == "2024-03-01T00:01:10" and group["last"] == "2024-03-01T23:59:00"
    assert merged["requests"] == 11 and len(merged["files"]) == 2
    assert group["walk"] == ["--code", "404.3", "--win32", "50", "--iis", "10"]


def test_csv_has_one_row_per_combination(capsys):
    _code, out, _ = cli([IIS10, "--csv"], capsys)
    rows = out.strip().splitlines()
    assert rows[0].startswith("protocol,log,status,substatus,win32,reason,count")
    assert len(rows) == 1 + 6 and rows[1].startswith("http,w3c,404,3,50,,3,")
