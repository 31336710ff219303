"""The remembered IIS version: default 10, kept between runs, a damaged file never stops anyone."""

from __future__ import annotations

import os

from wizard import settings


def test_default_is_iis_10_and_a_choice_is_remembered():
    assert settings.iis_version() == "10.0"
    settings.remember_version("7.5")
    assert settings.iis_version() == "7.5"


def test_damaged_or_strange_settings_fall_back_to_the_default():
    path = settings._path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for text in ["{not json", '["a list"]', '{"iis_version": "12.0"}', '{"iis_version": 6}']:
        path.write_text(text, encoding="utf-8")
        assert settings.iis_version() == "10.0", text
    settings.remember_version("6.0")  # and the next save writes a good file
    assert settings.iis_version() == "6.0"


def test_wizard_remembers_the_version_given_on_the_command_line(monkeypatch):
    from wizard import cli

    started = {}
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("wizard.ui.run.run_wizard", lambda library, **kw: started.update(kw) or 0)
    assert cli.main(["--code", "403.1", "--iis", "7"]) == 0
    assert started["version"] == "7.0" and settings.iis_version() == "7.0"
    assert cli.main(["--code", "403.1"]) == 0
    assert started["version"] == "7.0"  # the next run starts where the last one left off
    assert os.environ["IISDOCTOR_CONFIG_DIR"] in str(settings._path())
