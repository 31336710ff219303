"""When Python's garbage collector runs: not while iisdoctor starts, normally once it does real work.

Start-up makes objects that live for the whole run (modules, the trees, Textual's widgets), and
a run of the cyclic collector only walks them again and again: about 3 ms of `explain` and 25 ms
before the wizard's first question, on a machine where that question takes a quarter of a second.
So `main` starts with the collector off. A command that runs on afterwards (the wizard, a log
scan, validate) calls `collect_normally` once it has started: what exists then is set aside for
good (`gc.freeze`), and the collector looks only at what comes after. Short commands (explain,
list, find) end before it would matter.
"""

from __future__ import annotations

import gc


def starting() -> bool:
    """Turn the collector off for start-up; True when it was on (give that to `finished`)."""
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def collect_normally() -> None:
    """Start-up is over: keep what exists out of future collections, and collect as usual from now on."""
    gc.freeze()
    gc.enable()


def finished(was_on: bool) -> None:
    """The run is over (main returns, as in tests that call it): give the collector back as it was."""
    gc.unfreeze()
    if was_on:
        gc.enable()
    else:
        gc.disable()
