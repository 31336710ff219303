"""The garbage collector is off while iisdoctor starts, on for long work, and as it was after `main` returns."""

from __future__ import annotations

import gc

from wizard.cli.main import main
from wizard.platform import memory


def test_main_starts_without_the_collector_and_gives_it_back(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr("wizard.cli.commands.list_codes.run", lambda request: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert main(["list"]) == 0
    assert seen == [False]  # a short command runs to its end without collections
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_long_work_collects_normally_leaving_out_what_start_up_made(monkeypatch, capsys):
    import wizard.cli.commands.validate as command

    seen = []
    monkeypatch.setattr(command, "validate", lambda *a: seen.append(gc.isenabled()) or [])
    main(["validate", "--no-builtin"])
    assert seen == [True]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    was_on = memory.starting()
    memory.collect_normally()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    memory.finished(was_on)
    assert gc.isenabled() and gc.get_freeze_count() == 0
