"""Helpers for the log scan tests: fixture paths, writing small logs, and running the CLI adapter in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wizard.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"

HEADER = (
    "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2024-03-01 00:00:00\r\n"
    "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
    "cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n"
)


def line(
    time: str = "10:00:00", url: str = "/", status: str = "200 0 0", taken: str = "5", client: str = "192.0.2.1"
) -> str:
    """One IIS 7+ default-format line."""
    return f"2024-03-01 {time} 10.0.0.1 GET {url} - 80 - {client} Mozilla/5.0 - {status} {taken}\r\n"


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["scan", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = cli([*argv, "--json"], capsys)
    assert code in (0, 1), err
    return json.loads(out)


def by_code(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {g["code"]: g for g in data["groups"]}
