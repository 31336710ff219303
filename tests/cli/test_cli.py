"""The plain command line: list, explain, the non-terminal fallback of --code, and errors."""

from __future__ import annotations

import pytest

from tests.helpers import FIX
from tests.helpers import run_cli as run
from wizard.cli.main import main


def test_list_pattern_narrows_to_a_family(capsys):
    code, out, err = run(capsys, "list", "403.*", "--iis", "6.0")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["PROTO", "CODE", "IIS", "MEANING"]
    assert [line.split()[1] for line in lines[1:]] == [f"403.{n}" for n in range(1, 21)]


def test_list_protocol_filter(capsys):
    code, out, _ = run(capsys, "list", "--ftp", "5xx", "--iis", "6.0")
    rows = [line.split()[:2] for line in out.splitlines()[1:]]
    assert code == 0 and rows and all(proto == "FTP" for proto, _ in rows)
    assert [c for _, c in rows] == ["500", "501", "502", "503", "504", "530", "532", "550", "551", "552", "553"]


def test_list_nothing_matches(capsys):
    code, out, err = run(capsys, "list", "zzzz-nothing")
    assert code == 1 and out == "" and "no known code matches" in err


def test_explain_prints_the_whole_tree(capsys):
    code, out, err = run(capsys, "explain", "HTTP", "403-1", *FIX)
    assert code == 0, err
    assert out.startswith("HTTP 403.1 — Execute access forbidden\n")
    # no --iis and nothing remembered: IIS 10 is the default, and this code's newest version is 6.0
    assert "IIS:      6.0" in out
    for expected in [
        "[1] Execute permissions",
        "Q: What kind of file does the URL point to?",
        "How to check: Look at the extension in the address bar.",
        "a) An ASP page",
        "Cause: The folder's execute permission is None.",
        "> cscript adsutil.vbs set w3svc/1/root/AccessScript true",
        "See: KB 248072: [DenyExtensions] and friends",
        "Didn't fix it?",
        "c) An ISAPI extension",
        "Shared check S1: NTFS permissions",
        '> cacls "C:\\Inetpub\\wwwroot" /E /G IUSR_WEB:R',
    ]:
        assert expected in out


def test_explain_for_one_version_leaves_out_the_rest(capsys):
    code, out, _ = run(capsys, "explain", "403.1", "--iis", "5.0", *FIX)
    assert code == 0 and "IIS:      5.0" in out
    assert "ISAPI extension" not in out and "[IIS" not in out and "4. On IIS 5.0 also restart IIS" in out


def test_explain_ambiguous_code_in_a_pipe(capsys):
    code, out, err = run(capsys, "explain", "500")
    assert code == 2 and out == ""
    assert "500 exists for both HTTP and FTP" in err and "HTTP 500" in err and "FTP 500" in err


def test_explain_protocol_made_explicit(capsys):
    code, out, _ = run(capsys, "explain", "ftp", "550", *FIX)
    assert code == 0 and out.startswith("FTP 550 — ")
    code, out, _ = run(capsys, "explain", "500", "--ftp")
    assert code == 0 and out.startswith("FTP 500 — ")


def test_explain_unknown_code(capsys):
    code, out, err = run(capsys, "explain", "418")
    assert code == 1
    assert "HTTP 418 is not a known code; closest known:" in err
    assert out.startswith("HTTP 4xx — Client error") and "nearest: HTTP" in out


def test_code_without_terminal_prints_outline(capsys):
    code, out, err = run(capsys, "--code", "403.1", *FIX)
    assert code == 0 and out.startswith("HTTP 403.1 — ")
    assert "not a terminal; printing the outline" in err


def test_bad_version_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["list", "--iis", "6.5"])
    assert exc.value.code == 2
    assert "unknown IIS version '6.5'" in capsys.readouterr().err


def test_broken_site_tree_is_reported_not_raised(write_tree, capsys):
    folder = write_tree("http/bad.yaml", "protocol: [http\n")
    code, out, err = run(capsys, "list", "403.1", "--trees", str(folder))
    assert code == 0 and "403.1" in out
    assert "skipped 1 tree file(s) with problems" in err and "iisdoctor validate" in err


def test_each_command_shows_its_own_options_in_help_and_errors(capsys):
    """A command's options are added only when that command runs: its help and its errors still name them."""
    with pytest.raises(SystemExit) as done:
        main(["explain", "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "--json" in out and "--win32 CODE" in out and "usage: iisdoctor explain" in out
    with pytest.raises(SystemExit) as done:
        main(["find", "-n", "0", "x"])
    assert done.value.code == 2 and "argument -n/--limit" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    assert all(name in top for name in ("list", "explain", "find", "cases", "report", "scan", "validate"))
