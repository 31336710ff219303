"""W3C extended logs: realistic IIS 10 and IIS 6 files, and the damage real log files carry."""

from __future__ import annotations

from tests.logscan.conftest import FIXTURES, HEADER, by_code, line
from wizard.logscan import scan, to_dict


def test_iis10_sample_counts_exactly():
    data = to_dict(scan([str(FIXTURES / "u_ex240301.log")]))
    assert data["requests"] == 10 and data["skipped"] == 0
    groups = by_code(data)
    assert {code: g["count"] for code, g in groups.items()} == {
        "404.3 (50)": 3,
        "500.19 (5)": 1,
        "401.2 (5)": 1,
        "404 (2)": 1,
        "500 (64)": 1,
        "200": 3,
    }
    g = groups["404.3 (50)"]
    assert g["first"] == "2024-03-01T00:01:10" and g["last"] == "2024-03-01T01:15:00"
    assert g["urls"] == [["/data/prices.json", 3]]
    assert g["clients"] == [["198.51.100.20", 2], ["2001:db8::1", 1]]
    assert g["busiest_hour"] == "2024-03-01T00"
    assert g["walk"] == ["--code", "404.3", "--win32", "50", "--iis", "10"]
    assert data["files"][0]["iis"] == "10"
    assert groups["500 (64)"]["slowest"][0]["time_taken"] == 30012
    # failures first, biggest first; successes last
    assert [g["failure"] for g in data["groups"]] == [True] * 5 + [False]
    assert data["groups"][0]["code"] == "404.3 (50)"


def test_iis6_sample_reads_version_and_site():
    data = to_dict(scan([str(FIXTURES / "ex040115.log")]))
    groups = by_code(data)
    assert groups["401.1 (1326)"]["count"] == 2
    assert groups["401.1 (1326)"]["sites"] == [["W3SVC1", 2]]
    assert groups["401.1 (1326)"]["walk"] == ["--code", "401.1", "--win32", "1326", "--iis", "6.0"]
    assert groups["401.1 (1326)"]["slowest"] == []  # IIS 6 default has no time-taken


def test_fields_change_mid_file_reads_each_block_by_its_own_columns(tmp_path):
    text = (
        HEADER
        + line(status="404 0 2")
        + "#Software: Microsoft Internet Information Services 10.0\r\n#Date: 2024-03-01 12:00:00\r\n"
        + "#Fields: time c-ip cs-uri-stem sc-status sc-win32-status X-Forwarded-For\r\n"
        + "12:30:00 192.0.2.9 /moved 404 2 198.51.100.1\r\n12:31:00 192.0.2.9 /moved 503 0 -\r\n"
    )
    path = tmp_path / "u_ex.log"
    path.write_text(text, newline="")
    data = to_dict(scan([str(path)]))
    groups = {(g["status"], g["substatus"], g["win32"]): g for g in data["groups"]}
    assert groups[(404, 0, 2)]["count"] == 1
    assert groups[(404, None, 2)]["count"] == 1  # the second block has no substatus: null, not 0
    assert groups[(404, None, 2)]["first"] == "2024-03-01T12:30:00"  # date taken from #Date
    assert groups[(503, None, 0)]["count"] == 1  # a logged 0 stays 0


def test_damage_bom_crlf_nul_bad_utf8_truncated(tmp_path):
    body = (
        b"\xef\xbb\xbf"
        + HEADER.encode()
        + line(url="/caf\xe9").encode("latin-1")
        + b"\r\n"
        + line(status="500 0 0").encode()
        + b"\x00" * 4096
        + line(status="500 0 0").encode()
        + b"2024-03-01 10:00:09 10.0.0.1 GET /cut"
    )
    path = tmp_path / "u_ex.log"
    path.write_bytes(body)
    data = to_dict(scan([str(path)]))
    assert data["requests"] == 3
    assert data["skipped"] == 1
    (skipped,) = data["files"][0]["skipped_lines"]
    assert skipped["line"] == 9 and "5 values" in skipped["why"]
    assert by_code(data)["200"]["urls"] == [["/caf\ufffd", 1]]
    assert by_code(data)["500"]["count"] == 2


def test_mismatched_value_counts_are_skipped_with_line_and_reason(tmp_path):
    path = tmp_path / "u_ex.log"
    path.write_text(
        HEADER
        + line()
        + "2024-03-01 10:00:01 10.0.0.1 GET /x - 80 - 1.2.3.4 ua - 404 0 2 5 extra\r\n"
        + "2024-03-01 10:00:02 10.0.0.1 GET /y - 80 404 0 2 5\r\n"
        + line(),
        newline="",
    )
    data = to_dict(scan([str(path)]))
    assert data["requests"] == 2 and data["skipped"] == 2
    assert [s["line"] for s in data["files"][0]["skipped_lines"]] == [6, 7]
    assert "16 values where #Fields names 15" in data["files"][0]["skipped_lines"][0]["why"]
    assert all(g["status"] != 404 for g in data["groups"])  # never read from the wrong column


def test_quoted_values_and_huge_win32(tmp_path):
    path = tmp_path / "ex.log"
    path.write_text(
        "#Fields: date time cs-uri-stem cs(User-Agent) sc-status sc-substatus sc-win32-status\n"
        '2024-03-01 10:00:00 "/a b" "Mozilla 5.0 (X)" 401 1 2148074254\n'
        '2024-03-01 10:00:01 "/a" "x" "401" "1" "2148074254"\n'
    )
    data = to_dict(scan([str(path)]))
    (group,) = data["groups"]
    assert group["win32"] == 2148074254 and group["count"] == 2
    assert group["urls"] == [["/a", 1], ["/a b", 1]]


def test_headerless_file_that_fits_the_default(tmp_path):
    path = tmp_path / "u_ex.log"
    path.write_text(line(status="403 14 0") * 3 + line())
    data = to_dict(scan([str(path)]))
    assert data["requests"] == 4
    assert "default field set" in data["files"][0]["notes"][0]
    assert by_code(data)["403.14"]["count"] == 3


def test_headerless_file_that_does_not_fit(tmp_path):
    path = tmp_path / "u_ex.log"
    path.write_text("2024-03-01 10:00:00 /a 404\n2024-03-01 10:00:01 /b 404\n")
    data = to_dict(scan([str(path)]))
    assert data["requests"] == 0 and data["skipped"] == 2
    assert data["files"][0]["notes"] == ["no #Fields header, 2 lines not read"]


def test_not_a_log(tmp_path):
    path = tmp_path / "notes.log"
    path.write_text("hello\nthis is not a log\n")
    data = to_dict(scan([str(path)]))
    assert data["files"][0]["format"] == "unknown" and data["groups"] == []
