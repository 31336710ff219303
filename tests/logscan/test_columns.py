"""The columnar fast path counts exactly what the line-by-line reader counts, on clean and damaged logs alike."""

from __future__ import annotations

import functools
import random

import pytest

from tests.logscan.conftest import HEADER, line
from wizard.logscan import engine, scan, tally, to_dict
from wizard.logscan.blocks import blocks
from wizard.logscan.columns import hour_runs, split_clean

LARGE = (
    "#Fields: date time s-sitename s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
    "cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\r\n"
)


def _large(time: str, url: str, status: str, client: str = "192.0.2.7", taken: str = "9") -> str:
    return f"2024-03-01 {time} W3SVC3 10.0.0.1 GET {url} - 80 - {client} curl/8.0 {status} {taken}\r\n"


def _scan(path, monkeypatch, *, columns: bool, size: int) -> dict:
    """Scan with the given block size, with or without the columnar path."""
    with monkeypatch.context() as patch:
        patch.setattr(engine, "blocks", functools.partial(blocks, size=size))
        if not columns:
            patch.setattr(tally, "split_clean", lambda *args: None)
        return to_dict(scan([str(path)]))


def _both_agree(path, monkeypatch) -> dict:
    expected = _scan(path, monkeypatch, columns=False, size=1 << 20)
    for size in (97, 4096, 1 << 20):
        assert _scan(path, monkeypatch, columns=True, size=size) == expected, size
    return expected


def _tricky(seed: int) -> bytes:
    rnd = random.Random(seed)
    out = [HEADER]
    for i in range(1500):
        hour = 10 + i // 400
        time = f"{hour:02d}:{i % 60:02d}:{i * 7 % 60:02d}"
        status = rnd.choice(["200 0 0", "404 0 2", "500 19 5", "401 2 5", "503 0 1236"])
        client = rnd.choice(["192.0.2.1", "2001:db8::7", "[::1]", "198.51.100.9"])
        url = rnd.choice(["/", "/a+b", "/caf%C3%A9", "/data/prices.json", "/x#frag"])
        text = line(time=time, url=url, status=status, taken=str(rnd.randint(0, 9000)), client=client)
        roll = rnd.random()
        if roll < 0.02:
            text = text.replace("Mozilla/5.0", '"Mozilla 5.0 (quoted)"')  # quoted value with spaces
        elif roll < 0.03:
            text = text.replace(" - 80 ", " - 80 extra ")  # one value too many
        elif roll < 0.04:
            text = text.replace(" - 80 ", " ")  # too few
        elif roll < 0.05:
            text = text.replace(" GET ", "  GET ")  # doubled space: split() still sees the right count
        elif roll < 0.055:
            text = text.replace(" GET ", "\tGET ")  # a tab separates too
        elif roll < 0.06:
            text = "\r\n"  # blank line
        elif roll < 0.065:
            text = " " + text  # leading space
        elif roll < 0.07:
            text = text.replace("\r\n", "\n")  # LF among CRLF
        elif roll < 0.075:
            text = text.replace(" GET ", " G\rET ")  # a CR inside a line
        elif roll < 0.08:
            text = text.replace("Mozilla/5.0", "Mozilla/5.0+(Windows+NT+10.0;+Win64)")
        elif roll < 0.082:
            text = "\x00" * 64 + text  # NUL padding
        elif roll < 0.085:
            text = _large(time, url, status, client)  # wrong layout for the field list in force
        out.append(text)
        if i == 700:
            out.append("#Software: Microsoft Internet Information Services 10.0\r\n" + LARGE)
        if i == 1100:
            out.append(HEADER)
        if i == 1300:  # an hour from the past, out of order
            out.append(line(time="03:00:00", status="404 0 2"))
    out.append("2024-03-01 23:59:59 10.0.0.1 GET /cut")  # truncated last line
    return "".join(out).encode("utf-8")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_columns_and_lines_give_identical_results_on_tricky_logs(tmp_path, monkeypatch, seed):
    path = tmp_path / "u_ex.log"
    path.write_bytes(_tricky(seed))
    data = _both_agree(path, monkeypatch)
    assert data["skipped"] > 0 and data["requests"] > 1000


def test_clean_log_is_read_by_columns_and_agrees(tmp_path, monkeypatch):
    text = HEADER + "".join(
        line(time=f"{10 + i // 500:02d}:00:{i % 60:02d}", url=f"/p{i % 13}", status="404 0 2" if i % 3 else "200 0 0")
        for i in range(2000)
    )
    text += "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status\r\n"
    text += "".join(f"2024-03-02 00:00:{i % 60:02d} /q{i % 5} 500 0 64\r\n" for i in range(300))
    path = tmp_path / "u_ex.log"
    path.write_text(text, newline="")
    calls: list[int] = []
    real = tally.split_clean

    def counting(chunk: bytes, lines: int, width: int) -> list[bytes] | None:
        found = real(chunk, lines, width)
        calls.append(0 if found is None else lines)
        return found

    monkeypatch.setattr(tally, "split_clean", counting)
    data = to_dict(scan([str(path)]))
    assert sum(calls) == 2300  # every line was counted by columns
    monkeypatch.undo()
    assert data == _scan(path, monkeypatch, columns=False, size=1 << 20)
    assert data["requests"] == 2300 and data["skipped"] == 0


def test_lf_only_log_agrees(tmp_path, monkeypatch):
    text = (HEADER + "".join(line(time=f"10:00:{i % 60:02d}", url=f"/p{i % 3}") for i in range(300))).replace(
        "\r\n", "\n"
    )
    path = tmp_path / "u_ex.log"
    path.write_text(text + "\n\n", newline="")
    assert _both_agree(path, monkeypatch)["requests"] == 300


def test_split_clean_checks_every_line_width():
    good = b"a b c\r\nd e f\r\ng h i\r"
    assert split_clean(good, 3, 3) == [b"a", b"b", b"c", b"\x00d", b"e", b"f", b"\x00g", b"h", b"i"]
    assert split_clean(b"a b c\nd e f", 2, 3) == [b"a", b"b", b"c", b"\x00d", b"e", b"f"]
    assert split_clean(b"a b c d\r\ne f\r\ng h i", 3, 3) is None  # 4 + 2 + 3: the total fits, the lines do not
    assert split_clean(b"a b c\r\n\r\nd e f g h i", 3, 3) is None  # a blank line
    assert split_clean(b"a b c\r\n d e f", 2, 3) is None  # a leading space makes a start value of just NUL
    assert split_clean(b"a b c\r\nd e f\ng h i", 3, 3) is None  # LF and CRLF mixed
    assert split_clean(b"a b\x00 c", 1, 3) is None
    assert split_clean(b"a\tb  c", 1, 3) == [b"a", b"b", b"c"]  # as line.split() sees it


def test_hour_runs_cut_in_order_and_give_up_out_of_order():
    a = b"2024-03-01 10:00:00 x\r\n2024-03-01 10:59:59 y"
    b = b"2024-03-01 11:00:00 z"
    runs = list(hour_runs(a + b"\r\n" + b))
    assert runs == [(a + b"\r", 2, b"2024-03-01 10"), (b, 1, b"2024-03-01 11")]
    mixed = a + b"\r\n" + b + b"\r\n2024-03-01 10:30:00 w"
    assert list(hour_runs(mixed)) == [(mixed, 4, None)]
    assert list(hour_runs(b"short\nlines")) == [(b"short\nlines", 2, None)]
    assert list(hour_runs(b"")) == [(b"", 1, None)]
    assert list(hour_runs(b + b"\n")) == [(b, 1, b"2024-03-01 11"), (b"", 1, None)]
