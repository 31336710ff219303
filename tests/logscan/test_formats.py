"""HTTPERR, FTP, IIS native and NCSA logs are recognised by content and grouped the way their walks need."""

from __future__ import annotations

from tests.logscan.conftest import FIXTURES, by_code
from wizard.logscan import scan, to_dict


def test_httperr_groups_by_reason_and_status():
    data = to_dict(scan([str(FIXTURES / "httperr1.log")]))
    assert data["files"][0]["format"] == "httperr"
    groups = {(g["reason"], g["status"]): g for g in data["groups"]}
    assert groups[("QueueFull", 503)]["count"] == 2
    assert groups[("QueueFull", 503)]["walk"] == ["--code", "503", "--reason", "QueueFull"]
    idle = groups[("Timer_ConnectionIdle", None)]
    assert idle["status"] is None and idle["failure"] is True
    assert idle["walk"] == ["--http", "--reason", "Timer_ConnectionIdle"]
    assert groups[("BadRequest", 400)]["urls"] == [["/%%%%", 1]]
    assert all(g["protocol"] == "http" and g["log"] == "httperr" for g in data["groups"])


def test_httperr_borrows_the_iis_version_of_the_web_logs_beside_it():
    data = to_dict(scan([str(FIXTURES / "httperr1.log"), str(FIXTURES / "u_ex240301.log")]))
    queue = next(g for g in data["groups"] if g["reason"] == "QueueFull")
    assert queue["walk"] == ["--code", "503", "--reason", "QueueFull", "--iis", "10"]


def test_ftp_log_makes_ftp_walks_in_status_win32_order():
    data = to_dict(scan([str(FIXTURES / "u_ex240302_ftp.log")]))
    assert data["files"][0]["format"] == "ftp"
    groups = by_code(data)
    assert groups["ftp 550 (5)"]["walk"] == ["--ftp", "--code", "550", "--win32", "5", "--iis", "10"]
    assert groups["ftp 550 (5)"]["substatus"] == 2
    assert groups["ftp 530 (1326)"]["walk"] == ["--ftp", "--code", "530", "--win32", "1326", "--iis", "10"]
    assert groups["ftp 550 (5)"]["urls"] == [["report.pdf", 1]]
    assert all(g["protocol"] == "ftp" for g in data["groups"])


def test_iis6_ftp_log_is_known_by_its_commands(tmp_path):
    path = tmp_path / "ex040115.log"
    path.write_text(
        "#Software: Microsoft Internet Information Services 6.0\n#Version: 1.0\n"
        "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-win32-status\n"
        "2004-01-15 08:00:00 192.0.2.4 [1]USER bob 331 0\n2004-01-15 08:00:01 192.0.2.4 PASS - 530 1326\n"
    )
    data = to_dict(scan([str(path)]))
    assert by_code(data)["ftp 530 (1326)"]["walk"] == ["--ftp", "--code", "530", "--win32", "1326", "--iis", "6.0"]


def test_native_format_is_read_at_fixed_positions():
    data = to_dict(scan([str(FIXTURES / "in980320.log")]))
    assert data["files"][0]["format"] == "iis-native"
    groups = by_code(data)
    assert groups["404 (2)"]["count"] == 2
    assert groups["404 (2)"]["substatus"] is None
    assert groups["404 (2)"]["first"] == "1998-03-20T07:57:20"
    assert groups["404 (2)"]["sites"] == [["W3SVC2", 2]]
    assert groups["404 (2)"]["walk"] == ["--code", "404", "--win32", "2"]


def test_ncsa_is_reported_as_not_w3c(tmp_path):
    path = tmp_path / "nc240301.log"
    path.write_text('192.0.2.1 - - [01/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512\n')
    data = to_dict(scan([str(path)]))
    assert data["files"][0]["format"] == "ncsa" and "not an IIS W3C log" in data["files"][0]["notes"][0]
