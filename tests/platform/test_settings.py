"""The remembered IIS version: default 10, kept between runs, a damaged file never stops anyone."""

from __future__ import annotations

import os
from pathlib import Path

from wizard.platform import settings


def test_default_is_iis_10_and_a_choice_is_remembered():
    assert settings.iis_version() == "10.0"
    settings.remember_version("7.5")
    assert settings.iis_version() == "7.5"


def test_damaged_or_strange_settings_fall_back_to_the_default():
    path = Path(settings._path())
    path.parent.mkdir(parents=True, exist_ok=True)
    for text in ["{not json", '["a list"]', '{"iis_version": "12.0"}', '{"iis_version": 6}']:
        path.write_text(text, encoding="utf-8")
        assert settings.iis_version() == "10.0", text
    settings.remember_version("6.0")  # and the next save writes a good file
    assert settings.iis_version() == "6.0"


def test_iis_option_applies_to_that_run_only(monkeypatch):
    """A one-off --iis 6.0 must not become the default of later runs; the version chosen in the wizard does."""
    from wizard.cli.main import main

    started = {}
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("wizard.ui.run.run_wizard", lambda library, **kw: started.update(kw) or 0)
    assert main(["--code", "403.1", "--iis", "7"]) == 0
    assert started["version"] == "7.0" and settings.iis_version() == "10.0"
    settings.remember_version("6.0")  # what the wizard's `v` does
    assert main(["--code", "403.1"]) == 0
    assert started["version"] == "6.0"
    assert os.environ["IISDOCTOR_CONFIG_DIR"] in str(settings._path())
