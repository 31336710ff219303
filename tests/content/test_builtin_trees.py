"""The shipped knowledge: every code of the IIS 5.0/6.0 article, every cause reachable, valid trees.

Trees for IIS 7.0 and later are covered in test_builtin_iis7.py; the walks here are keyed by
(protocol, code) for the IIS 5.0/6.0 trees and (protocol, code, "iis7") for the later ones.
"""

from __future__ import annotations

import pytest

from tests.helpers import walk_all
from wizard.knowledge.model import Outcome
from wizard.validation.validator import validate

HTTP_CODES = [
    "100",
    "101",
    "200",
    "201",
    "202",
    "203",
    "204",
    "205",
    "206",
    "207",
    "301",
    "302",
    "304",
    "307",
    "400",
    "401",
    "401.1",
    "401.2",
    "401.3",
    "401.4",
    "401.5",
    "401.7",
    "403",
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
    "404",
    "404.0",
    "404.1",
    "404.2",
    "404.3",
    "405",
    "406",
    "407",
    "412",
    "413",
    "414",
    "415",
    "416",
    "417",
    "423",
    "500",
    "500.12",
    "500.13",
    "500.15",
    "500.16",
    "500.18",
    "500.19",
    "500.100",
    "501",
    "502",
    "502.1",
    "502.2",
    "503",
    "504",
    "505",
]
IIS6_ONLY = {"401.7", "403.18", "403.19", "403.20", "500.16", "500.18", "503"}
FTP_CODES = [
    "110",
    "120",
    "125",
    "150",
    "200",
    "202",
    "211",
    "212",
    "213",
    "214",
    "215",
    "220",
    "221",
    "225",
    "226",
    "227",
    "230",
    "250",
    "257",
    "331",
    "332",
    "350",
    "421",
    "425",
    "426",
    "450",
    "451",
    "452",
    "500",
    "501",
    "502",
    "503",
    "504",
    "530",
    "532",
    "550",
    "551",
    "552",
    "553",
]

# Each cause the article names (and the issues ask for), as the outcome that must be reachable.
REQUIRED = {
    ("http", "401.1"): ["bad-credentials"],
    ("http", "401.2"): ["negotiate-only"],
    ("http", "401.3"): ["ntfs-permissions:file-acl-missing", "ntfs-permissions:iis-folders-acl"],
    ("http", "403"): ["no-default-doc"],
    ("http", "403.1"): ["exec-none", "verb-not-allowed"],
    ("http", "403.2"): ["read-off", "default-doc-missing"],
    ("http", "403.3"): ["iis-write-off", "ntfs-permissions:folder-acl-missing"],
    ("http", "403.4"): ["require-ssl-on", "use-https"],
    ("http", "403.5"): ["require-128-on", "weak-client"],
    ("http", "403.6"): ["address-denied"],
    ("http", "403.7"): ["no-client-cert"],
    ("http", "403.8"): ["name-denied"],
    ("http", "403.9"): ["limit-reached", "workstation-limit"],
    ("http", "403.12"): ["account-no-access"],
    ("http", "404"): ["iis6-not-found:file-missing", "iis6-not-found:urlscan-extension"],
    ("http", "404.1"): ["no-binding"],
    ("http", "404.2"): ["wse-prohibited"],
    ("http", "404.3"): ["no-handler", "mime-missing"],
    ("http", "405"): ["nonstandard-verb"],
    ("http", "500"): ["asp-error"],
    ("http", "500.12"): ["restart", "av-scan"],
    ("http", "500.19"): ["bad-scriptmap"],
    ("http", "500.100"): ["script-error", "not-default-site"],
    ("http", "502"): ["bad-headers"],
    ("http", "503"): ["rapid-fail", "queue-full", "pool-stopped"],
    ("ftp", "530"): ["bad-credentials", "only-anon-on", "anon-disabled"],
    ("ftp", "550"): ["file-missing", "write-flag-off", "ntfs-permissions:ftp-write-missing"],
    ("ftp", "425"): ["active-nat", "pasv-firewall", "pasv-range-unset"],
    ("ftp", "426"): ["network-drop", "firewall-timeout"],
    ("ftp", "421"): ["conn-limit", "service-stopping"],
    ("ftp", "450"): ["file-locked"],
    ("ftp", "451"): ["disk-error"],
    ("ftp", "452"): ["disk-full"],
    ("ftp", "553"): ["bad-characters", "reserved-name"],
}

# Every KB article the source article cites for a code appears on that code's walk.
KB_CITED = {
    "401.3": {271071, 812614},
    "403": {320051},
    "403.2": {247677},
    "403.3": {248072},
    "403.6": {248043},
    "403.7": {186812},
    "403.8": {248032},
    "403.9": {248074},
    "403.12": {248075},
    "404": {248033},
    "404.1": {248034},
    "404.2": {328419, 328505, 328360},
    "500": {294807},
    "500.12": {248013},
    "500.100": {261200},
    "503": {820729},
}


def walk_key(library, tree) -> tuple:
    modern = library.tree_versions(tree) - {"5.0", "6.0"}
    return (tree.protocol, tree.code, "iis7") if modern else (tree.protocol, tree.code)


@pytest.fixture(scope="module")
def walks(builtin):
    return {walk_key(builtin, t): walk_all(builtin, t) for t in builtin.trees}


def test_builtin_trees_validate_clean(builtin):
    assert [str(f) for f in validate(builtin)] == []


def test_catalog_has_every_http_code_of_the_article(builtin):
    known = {e.code: e for e in builtin.codes("http") if e.versions & {"5.0", "6.0"}}
    assert [c for c in HTTP_CODES if c not in known] == []
    for code in IIS6_ONLY:
        assert known[code].versions == {"6.0"}, code


def test_catalog_has_every_ftp_code_of_the_article(builtin):
    assert [e.code for e in builtin.codes("ftp") if e.versions & {"5.0", "6.0"}] == FTP_CODES


@pytest.mark.parametrize("protocol, codes", [("http", HTTP_CODES), ("ftp", FTP_CODES)])
def test_every_code_has_a_walk(builtin, protocol, codes):
    assert [
        c for c in codes if builtin.tree(protocol, c, "6.0") is None and builtin.tree(protocol, c, "5.0") is None
    ] == []


def test_every_outcome_of_every_tree_is_reachable(builtin, walks):
    unreached = []
    for tree in builtin.trees:
        reached, _ = walks[walk_key(builtin, tree)]
        for node in tree.nodes.values():
            if isinstance(node, Outcome) and node.id not in reached:
                unreached.append(f"{tree.key}#{node.id}")
    assert unreached == []


def test_every_shared_outcome_is_reached_from_some_tree(builtin, walks):
    reached = set().union(*(r for r, _ in walks.values()))
    for sub in builtin.subtrees.values():
        for node in sub.nodes.values():
            if isinstance(node, Outcome):
                assert f"{sub.key}:{node.id}" in reached


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_each_named_cause_is_reachable(walks, key):
    reached, _ = walks[key]
    assert [cause for cause in REQUIRED[key] if cause not in reached] == []


@pytest.mark.parametrize("code", sorted(KB_CITED))
def test_cited_kb_articles_appear_on_the_walk(walks, code):
    _, kbs = walks[("http", code)]
    assert KB_CITED[code] <= kbs


def test_shared_subtrees_serve_http_and_ftp(builtin):
    users = {}
    for tree in builtin.trees:
        for node in tree.nodes.values():
            if getattr(node, "subtree", None):
                users.setdefault(node.subtree, set()).add(tree.protocol)
    assert users["ntfs-permissions"] == {"http", "ftp"} and users["iis-logs"] == {"http", "ftp"}


def test_general_guidance_reaches_the_user(builtin, walks):
    """Log location, sub-status not logged by IIS 5.0, friendly errors and custom error pages."""
    logs = " ".join(str(n) for n in builtin.subtrees["iis-logs"].nodes.values())
    assert "LogFiles" in logs and "W3SVC" in logs and "MSFTPSVC" in logs and "ex" in logs
    _, kbs = walks[("http", "500")]
    assert {294807} <= kbs
    real_error = {ref.id for n in builtin.subtrees["real-error"].nodes.values() for ref in getattr(n, "kb", ())}
    assert {294807, 814869, 302570} <= real_error


def test_the_questions_left_never_grow_while_walking_forward(builtin):
    """ "At most N more" must keep its promise: each answer lowers N, unless a loop in the tree
    brings back a question the person has already answered (where counting starts afresh)."""
    from wizard.engine.session import Session

    grew = []
    for tree in builtin.trees:
        for version in sorted(builtin.tree_versions(tree)):
            todo, seen = [Session.start(builtin, tree.protocol, tree.code, version)], set()
            while todo:
                session = todo.pop()
                if session.finished or session.cursor in seen:
                    continue
                seen.add(session.cursor)
                for index in range(len(session.answers())):
                    after = session.choose(index)
                    asked_before = after.cursor in {v.cursor for v in after.history}
                    if not after.finished and not asked_before and after.remaining() >= session.remaining():
                        grew.append(
                            f"{tree.code} IIS {version}: {session.cursor.ref} ({session.remaining()}) "
                            f"-> {after.cursor.ref} ({after.remaining()})"
                        )
                    todo.append(after)
    assert not grew, "\n".join(grew[:10])
