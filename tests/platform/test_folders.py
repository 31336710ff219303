"""The user folders are where platformdirs put them before, on every platform."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.platform.folders import _platform_dir

platformdirs = pytest.importorskip("platformdirs")
KINDS = ("data", "config", "cache")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("xdg", [False, True])
def test_linux_matches_platformdirs(kind, xdg, monkeypatch, tmp_path):
    from platformdirs.unix import Unix

    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        if xdg:
            monkeypatch.setenv(name, str(tmp_path / name))
        else:
            monkeypatch.delenv(name, raising=False)
    import os

    expected = Path(getattr(Unix("iisdoctor", appauthor=False), f"user_{kind}_dir"))
    assert Path(_platform_dir(kind, "linux", os.environ, str(Path.home()))) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_macos_matches_platformdirs(kind):
    from platformdirs.macos import MacOS

    expected = Path(getattr(MacOS("iisdoctor", appauthor=False), f"user_{kind}_dir"))
    assert Path(_platform_dir(kind, "darwin", {}, str(Path.home()))) == expected


def test_windows_uses_local_app_data():
    environ = {"LOCALAPPDATA": r"C:\Users\kari\AppData\Local"}
    base = Path(r"C:\Users\kari\AppData\Local") / "iisdoctor"
    assert Path(_platform_dir("data", "win32", environ, "/home/kari")) == base
    assert Path(_platform_dir("config", "win32", environ, "/home/kari")) == base
    assert Path(_platform_dir("cache", "win32", environ, "/home/kari")) == base / "Cache"
    assert Path(_platform_dir("data", "win32", {}, "/home/kari")) == Path("/home/kari/AppData/Local/iisdoctor")
