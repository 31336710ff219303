"""Log triples read in the order each log writes them, and codes read out of pasted log text."""

from __future__ import annotations

import pytest

from wizard.engine import lookup as codes
from wizard.engine.opening import open_query
from wizard.find.text_match import find


@pytest.mark.parametrize(
    "typed, protocol, code, extra",
    [
        ("550 5 2", "ftp", "ftp 550.2", "5"),  # FTP: status, Win32, sub-status
        ("530 1326 41", "ftp", "ftp 530.41", "1326"),
        ("ftp 550 5 2", None, "ftp 550.2", "5"),
        ("401 1 1326", None, "401.1", "1326"),  # HTTP: status, sub-status, Win32
        ("401 1 1326", "http", "401.1", "1326"),
    ],
)
def test_triples_follow_the_log_order_of_their_protocol(typed, protocol, code, extra):
    assert codes.split_evidence(typed, protocol) == (code, extra)


def test_an_ftp_triple_gives_the_win32_code_as_evidence(builtin):
    code, evidence = codes.read_evidence(builtin, "550 5 2", protocol="ftp")
    assert evidence.win32 == 5
    found = codes.lookup(builtin, code or "", "ftp", "10.0")
    assert found.entry is not None and found.entry.code == "550" and found.notice is None
    code, evidence = codes.read_evidence(builtin, "530 1326 41", protocol="ftp")
    assert evidence.win32 == 1326
    assert codes.lookup(builtin, code or "", "ftp", "10.0").entry.code == "530"


def test_a_503_from_the_sites_own_log_goes_to_the_running_worker_branch(builtin):
    for version in ("6.0", "10.0"):
        code, evidence = codes.read_evidence(builtin, "503 0 0")
        opened = open_query(builtin, code or "", None, version, evidence)
        assert opened.session is not None, version
        assert opened.session.outcome is not None and opened.session.outcome.id == "app-503", version


def test_find_reads_an_ftp_log_line_as_ftp(builtin):
    line = "2024-05-02 10:01:02 192.168.1.5 - 192.168.1.9 21 RETR /data/report.csv 550 2 2 a1b2c3 /data/report.csv"
    result = find(builtin, line)
    assert (result.candidates[0].entry.protocol, result.candidates[0].entry.code) == ("ftp", "550")
    assert all(c.entry.protocol == "ftp" for c in result.candidates)  # not HTTP 404 for Win32 2
    assert result.evidence.win32 == 2


def test_find_reads_log_lines_by_their_fields_header(builtin):
    ftp = (
        "#Software: Microsoft Internet Information Services 10.0\n"
        "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status "
        "sc-substatus x-session x-fullpath\n"
        "2024-05-02 10:01:02 10.0.0.9 bob 10.0.0.1 21 PASS *** 530 1326 41 abc -\n"
    )
    result = find(builtin, ftp)
    assert (result.candidates[0].entry.protocol, result.candidates[0].entry.code) == ("ftp", "530")
    assert result.evidence.win32 == 1326
    http = (
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
        "sc-status sc-substatus sc-win32-status time-taken\n"
        "2024-05-02 10:01:02 10.0.0.1 GET /a.aspx - 80 - 10.0.0.9 Mozilla 401 1 1326 15\n"
    )
    result = find(builtin, http)
    assert (result.candidates[0].entry.protocol, result.candidates[0].entry.code) == ("http", "401.1")
    assert result.evidence.win32 == 1326


def test_find_reads_the_dash_form_as_a_sub_status(builtin):
    result = find(builtin, "HTTP Error 500-12 Application restarting")
    assert result.candidates[0].entry.code == "500.12"
    assert "500" not in [c.entry.code for c in result.candidates[:1]]
