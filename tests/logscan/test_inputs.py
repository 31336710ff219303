"""Where logs come from: folders, globs, gzip (by content), standard input; a missing path is a usage error."""

from __future__ import annotations

import gzip
import io
import shutil

from tests.logscan.conftest import FIXTURES, HEADER, cli, line
from wizard.logscan import scan, to_dict


def test_folder_is_walked_for_log_files(tmp_path):
    site = tmp_path / "W3SVC3"
    site.mkdir()
    shutil.copy(FIXTURES / "u_ex240301.log", site / "u_ex240301.log")
    (site / "readme.md").write_text("not a log")
    data = to_dict(scan([str(tmp_path)]))
    assert [f["path"] for f in data["files"]] == [str(site / "u_ex240301.log")]
    assert data["groups"][0]["sites"] == [["W3SVC3", 3]]  # the folder names the site


def test_glob_is_expanded_here(tmp_path):
    for name in ("u_ex1.log", "u_ex2.log"):
        (tmp_path / name).write_text(HEADER + line(status="404 0 2"))
    data = to_dict(scan([str(tmp_path / "u_ex*.log")]))
    assert data["requests"] == 2 and len(data["files"]) == 2


def test_gzip_is_found_by_content_not_name(tmp_path):
    path = tmp_path / "u_ex.log"  # no .gz suffix on purpose
    path.write_bytes(gzip.compress((HEADER + line(status="500 0 0") * 3).encode()))
    data = to_dict(scan([str(path)]))
    assert data["requests"] == 3 and data["groups"][0]["count"] == 3


def test_stdin_plain_and_gzip():
    text = (HEADER + line(status="404 0 2") * 2).encode()
    for payload in (text, gzip.compress(text)):
        data = to_dict(scan(["-"], stdin=io.BufferedReader(io.BytesIO(payload))))
        assert data["requests"] == 2 and data["files"][0]["path"] == "-"


def test_missing_path_is_a_usage_error_naming_it(tmp_path, capsys):
    code, out, err = cli([str(tmp_path / "nope.log")], capsys)
    assert code == 2 and "nope.log" in err and out == ""
    code, _, err = cli([str(tmp_path / "*.zzz")], capsys)
    assert code == 2 and "*.zzz" in err


def test_big_blocks_split_lines_cleanly(tmp_path):
    from wizard.logscan.blocks import blocks

    data = (HEADER + "".join(line(time=f"10:00:{i % 60:02d}", url=f"/p{i}") for i in range(500))).encode()
    pieces = list(blocks(io.BytesIO(data), size=97))
    assert b"\n".join(pieces) == data.rstrip(b"\n").replace(b"\r\n", b"\r\n")
    assert sum(p.count(b"\n") + 1 for p in pieces) == data.count(b"\n")
