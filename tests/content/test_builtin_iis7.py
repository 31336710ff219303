"""IIS 7.0-10 knowledge: the catalog of today's codes, version-aware trees, and evidence."""

from __future__ import annotations

import pytest

from tests.helpers import walk_all
from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence, win32_key
from wizard.knowledge.model import Outcome

MODERN = ["7.0", "7.5", "8.0", "8.5", "10.0"]

# Every IIS 7-10 code the issue names, by the component that emits it.
CATALOG = [
    "400.1",
    "400.2",
    "400.3",
    "400.4",
    "400.5",
    "400.6",
    "400.7",
    "400.8",
    "400.9",
    "400.10",
    "400.11",
    "401.1",
    "401.2",
    "401.3",
    "401.4",
    "401.5",
    "401.501",
    "401.502",
    "401.503",
    "401.504",
    "403.1",
    "403.2",
    "403.3",
    "403.4",
    "403.5",
    "403.6",
    "403.7",
    "403.8",
    "403.9",
    "403.10",
    "403.11",
    "403.12",
    "403.13",
    "403.14",
    "403.15",
    "403.16",
    "403.17",
    "403.18",
    "403.19",
    "403.20",
    "403.21",
    "403.22",
    "403.501",
    "403.502",
    "403.503",
    "403.504",
    "404.0",
    "404.1",
    "404.2",
    "404.3",
    "404.4",
    "404.5",
    "404.6",
    "404.7",
    "404.8",
    "404.9",
    "404.10",
    "404.11",
    "404.12",
    "404.13",
    "404.14",
    "404.15",
    "404.16",
    "404.17",
    "404.18",
    "404.19",
    "404.20",
    "405.0",
    "406.0",
    "412.0",
    "413.1",
    "500.0",
    "500.11",
    "500.12",
    "500.13",
    "500.15",
    "500.19",
    "500.21",
    "500.22",
    "500.23",
    "500.24",
    "500.100",
    "502.1",
    "502.2",
    "503.0",
    "503.2",
    "503.3",
    "503.4",
]
ANCM = ["500.30", "500.31", "500.32", "500.33", "500.34", "500.35", "500.36", "500.37", "500.38", "502.5", "503"]
ARR = [
    "400.601",
    "400.602",
    "400.603",
    "400.604",
    "400.605",
    "400.606",
    "502.2",
    "502.3",
    "502.4",
    "502.5",
    "502.6",
    "502.7",
]
REWRITE = ["500.50", "500.51", "500.52", "500.53"]

# The trees the issue asks for on IIS 7+ (413.x as 413.0 and 413.1).
TREES = [
    "401.1",
    "401.2",
    "401.3",
    "403.14",
    "403.16",
    "403.17",
    "403.503",
    "404.0",
    "404.2",
    "404.3",
    "404.4",
    "404.7",
    "404.8",
    "404.11",
    "404.13",
    "404.15",
    "405.0",
    "413.0",
    "413.1",
    "500.0",
    "500.19",
    "500.21",
    "500.22",
    "500.23",
    "500.24",
    "500.30",
    "500.31",
    "500.32",
    "500.33",
    "500.34",
    "500.35",
    "500.36",
    "500.37",
    "500.38",
    "502.3",
    "502.5",
    "503.0",
    "503.2",
    "503.3",
    "503.4",
    "503",
]

HRESULTS_500_19 = ["0x8007000d", "0x80070021", "0x80070005", "0x800700b7", "0x8007007e", "0x800700c1", "0x80070003"]
WIN32 = [1326, 1909, 1331, 5, 2, 3, 64, 121, 1236]
REASONS = [
    "AppOffline",
    "AppPoolTimer",
    "QueueFull",
    "ConnLimit",
    "Timer_ConnectionIdle",
    "Timer_MinBytesPerSecond",
    "Connection_Dropped",
    "Disabled",
]


def modern(builtin, code):
    return builtin.entry("http", code, "10.0") or builtin.entry("http", code, "7.5")


def test_catalog_has_every_iis7_code(builtin):
    missing = [c for c in CATALOG + ANCM + ARR + REWRITE if modern(builtin, c) is None]
    assert missing == []


@pytest.mark.parametrize(
    "codes, component", [(ANCM[:9], "ASP.NET Core"), (REWRITE, "URL Rewrite"), (ARR[:6], "Application Request Routing")]
)
def test_components_are_named(builtin, codes, component):
    for code in codes:
        entry = modern(builtin, code)
        assert component in (entry.component or "") + entry.meaning["en"] + (entry.notes or {}).get("en", ""), code


def test_every_named_tree_exists_for_iis10(builtin):
    missing = [c for c in TREES if builtin.tree("http", c, "10.0") is None]
    assert missing == []


def test_iis7_trees_walk_to_every_outcome_under_each_version(builtin):
    unreached, reached_all = [], set()
    for tree in builtin.trees:
        versions = builtin.tree_versions(tree)
        if not versions & set(MODERN):
            continue
        reached, _ = walk_all(builtin, tree)
        reached_all |= set(reached)
        for node in tree.nodes.values():
            if isinstance(node, Outcome) and node.id not in reached:
                unreached.append(f"{tree.where.file}#{node.id}")
        assert set().union(*reached.values()) <= versions
    assert unreached == []


def test_iis7_outcomes_use_todays_tools(builtin):
    """Steps on IIS 7+ trees point at appcmd, PowerShell, icacls or configuration sections, never adsutil."""
    for tree in builtin.trees:
        if builtin.tree_versions(tree) & {"5.0", "6.0"}:
            continue
        commands = " ".join(s.command or "" for n in tree.nodes.values() if isinstance(n, Outcome) for s in n.steps)
        assert "adsutil" not in commands and "iisext.vbs" not in commands, tree.where.file


def test_500_19_locked_section_from_the_hresult_without_a_question(builtin):
    session = Session.start(builtin, "http", "500.19", "10.0", Evidence(win32_key("0x80070021")))
    assert session.finished and session.outcome.id == "locked-section"
    assert all(v.auto for v in session.history)


def test_401_1_locked_out_account_from_win32_1909_without_a_question(builtin):
    session = Session.start(builtin, "http", "401.1", "10.0", Evidence(1909))
    assert session.finished and session.outcome.id == "account-locked-out"
    assert all(v.auto for v in session.history)


def test_503_queue_full_from_the_httperr_reason(builtin):
    session = Session.start(builtin, "http", "503", "10.0", Evidence(reason="QueueFull"))
    assert session.finished and session.outcome.id == "queue-full"


@pytest.mark.parametrize("hresult", HRESULTS_500_19)
def test_each_500_19_hresult_picks_an_answer(builtin, hresult):
    session = Session.start(builtin, "http", "500.19", "10.0", Evidence(win32_key(hresult)))
    assert session.history and session.history[0].auto


def test_same_code_means_the_right_thing_per_version(builtin):
    for code in ["500.19", "404.2", "403.10", "403.9"]:
        old, new = builtin.entry("http", code, "6.0"), builtin.entry("http", code, "10.0")
        assert old is not None and new is not None and old is not new, code
        assert old.meaning != new.meaning, code
    assert "10.0" not in builtin.entry("http", "401.7", "10.0").versions  # URL Authorization ended with IIS 6.0
    old_tree, new_tree = builtin.tree("http", "500.19", "6.0"), builtin.tree("http", "500.19", "10.0")
    assert old_tree is not new_tree and "7.0" not in builtin.tree_versions(old_tree)
    assert builtin.other_meanings("http", "500.19", "10.0")


def test_win32_codes_and_reasons_are_in_the_catalog(builtin):
    assert [c for c in WIN32 if builtin.win32_entry(c) is None] == []
    assert [r for r in REASONS if builtin.reason_entry(r) is None] == []
    assert builtin.win32_entry("0x8007052e").name == "ERROR_LOGON_FAILURE"


def test_every_iis7_code_of_the_ftp_service(builtin):
    for code in ["530", "550", "425", "534", "631"]:
        assert builtin.entry("ftp", code, "10.0") is not None, code
    assert builtin.tree("ftp", "530", "10.0") is not None


def test_one_entry_per_code_for_the_chosen_version(builtin):
    for version in ("6.0", "10.0"):
        chosen = builtin.prefer_version(builtin.codes("http"), version, lambda e: e)
        codes = [e.code for e in chosen]
        assert len(codes) == len(set(codes)), version
        by_code = {e.code: e for e in chosen}
        assert version in by_code["403.14"].versions and version in by_code["500.19"].versions
    assert (
        "10.0"
        not in {e.code: e for e in builtin.prefer_version(builtin.codes("http"), "10.0", lambda e: e)}["401.7"].versions
    )


@pytest.mark.parametrize("protocol", ["http", "ftp"])
def test_every_code_iis_10_uses_has_a_walk_for_it(builtin, protocol):
    missing = [
        e.code
        for e in builtin.codes(protocol)
        if "10.0" in e.versions and builtin.tree(protocol, e.code, "10.0") is None
    ]
    assert missing == []
