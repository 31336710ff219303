"""Facts corrected for issue 15: each test fails if the old wording or wiring comes back."""

from __future__ import annotations

from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence, win32_key
from wizard.knowledge.model import Outcome, Question


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values())
    return str(getattr(value, "en", None) or value)


def _tree_text(builtin, protocol, code, version) -> str:
    """Every human text of a tree (questions, hows, labels, outcomes, steps) in one string."""
    tree = builtin.tree(protocol, code, version)

    def applies(item) -> bool:
        versions = getattr(item, "versions", None)
        return versions is None or version in versions

    parts = []
    for node in tree.nodes.values():
        if not applies(node):
            continue
        for attr in ("question", "how", "outcome"):
            parts.append(_text(getattr(node, attr, None)))
        for answer in getattr(node, "answers", ()) or ():
            if applies(answer):
                parts.append(_text(answer.label))
        for step in getattr(node, "steps", ()) or ():
            if not applies(step):
                continue
            parts.append(_text(getattr(step, "text", step)))
            parts.append(_text(getattr(step, "command", "")))
    return " ".join(" ".join(parts).split())


def test_iis6_404_3_is_logged_404_3_0(builtin):
    text = _tree_text(builtin, "http", "404.3", "6.0")
    assert '"404 3 0"' in text
    assert "usually reads 404 3 50" not in text


def test_503_4_rule_keeps_instance_max_requests_at_or_below_php_max(builtin):
    text = _tree_text(builtin, "http", "503.4", "10.0")
    assert "instanceMaxRequests is less than or equal to PHP_FCGI_MAX_REQUESTS" in text
    assert (
        "PHP_FCGI_MAX_REQUESTS in the application's environment variables is not larger than instanceMaxRequests"
        not in text
    )


def test_500_30_does_not_auto_answer_the_ambiguous_0x8007023e(builtin):
    session = Session.start(builtin, "http", "500.30", "10.0", Evidence(win32_key("0x8007023e")))
    assert not session.finished and session.node.id == "real-error"
    assert not any(v.auto for v in session.history)


def test_500_32_no_longer_claims_the_32_bit_app_in_a_64_bit_pool(builtin):
    tree = builtin.tree("http", "500.32", "10.0")
    assert "app32-pool64" not in tree.nodes
    assert "x86-pool" in builtin.tree("http", "500.30", "10.0").nodes


def test_503_0_event_5051_is_not_an_identity_failure(builtin):
    tree = builtin.tree("http", "503.0", "10.0")
    labels = [_text(a.label) for a in tree.nodes["was-events"].answers]
    identity = [label for label in labels if "identity is invalid" in label]
    assert identity and all("5051" not in label for label in identity)
    assert any("5021" in label for label in identity)


def test_appoffline_is_hedged_in_the_catalog_and_503_0(builtin):
    text = _tree_text(builtin, "http", "503.0", "10.0")
    assert "AppOffline means rapid-fail protection took the" not in text
    assert "overlap" in text
    assert "may show it too" in " ".join(_text(builtin.reason_entry("AppOffline").meaning).split())
    assert "as well" in " ".join(_text(builtin.reason_entry("Disabled").meaning).split())


def test_404_20_is_tagged_iis_8_and_later(builtin):
    assert builtin.tree("http", "404.20", "7.5") is None
    assert builtin.tree("http", "404.20", "8.0") is not None
    entries = builtin.entries_for("http", "404.20")
    assert entries and all("7.0" not in e.versions and "7.5" not in e.versions for e in entries)


def test_404_2_isapi_handlers_are_tied_to_classic_mode_only(builtin):
    text = _tree_text(builtin, "http", "404.2", "10.0")
    assert "in the Classic pipeline, or .NET CLR v2.0" not in text
    assert "Only application pools in the Classic pipeline use these handlers" in text


def test_iis6_401_1_logon_method_facts(builtin):
    text = _tree_text(builtin, "http", "401.1", "6.0")
    assert "Or switch to a network logon, which only needs" not in text  # 3 is already the IIS 6 default
    assert "(LogonMethod 3)" in text
    assert "operator groups" in _tree_text(builtin, "http", "401.1", "5.0")


def test_iis6_401_1_has_the_sub_authentication_upgrade_cause(builtin):
    tree = builtin.tree("http", "401.1", "6.0")
    assert "anon-subauth-leftover" in tree.nodes
    assert "909887" in _tree_text(builtin, "http", "401.1", "6.0")
    assert builtin.tree("http", "401.1", "5.0").nodes["anon-subauth"].versions == frozenset({"6.0"})


def test_every_iis5_6_question_says_how_to_check(builtin):
    tree = builtin.tree("http", "500.18", "6.0")
    assert all(_text(node.how) for node in tree.nodes.values() if isinstance(node, Question))


def test_ftp_and_502_1_chains_do_not_contradict_the_answer_given(builtin):
    def after_not_fixed(protocol, code, version, first_answer):
        session = Session.start(builtin, protocol, code, version).choose(first_answer)
        assert isinstance(session.node, Outcome)
        return session.not_fixed() if session.node.next else None

    # FTP 150: a blocked data connection (425) never leads to the 426 "transfer cut" outcome
    for version in ("6.0", "10.0"):
        nxt = after_not_fixed("ftp", "150", version, 1)
        assert nxt is None or nxt.node.id != "transfer-cut"
        # FTP 331: a refused password never leads to "the client never sent a password"
        # (on IIS 7+ the answer jumps straight into the 530 walk)
        if version == "10.0":
            assert Session.start(builtin, "ftp", "331", version).choose(1).current_code == "530"
            continue
        nxt = after_not_fixed("ftp", "331", version, 1)
        assert nxt is None or nxt.node.id != "no-password"
    # 502.1 (IIS 6.0): "finishes but slowly" does not lead to "never finishes"
    nxt = after_not_fixed("http", "502.1", "6.0", 0)
    assert nxt.node.id not in ("hung-cgi", "iis-only-slow")
    # 503 (IIS 6.0): after the AppOffline causes, the walk does not offer QueueFull or ConnLimit
    session = Session.start(builtin, "http", "503", "6.0", Evidence(reason="AppOffline"))
    seen = [session.outcome.id]
    while session.outcome.next:
        session = session.not_fixed()
        seen.append(session.outcome.id if session.finished else session.node.id)
        if not session.finished:
            break
    assert "queue-full" not in seen and "conn-limit" not in seen and "app-503" not in seen


def test_500_14_and_500_17_have_walks_on_iis_7_0(builtin):
    for code in ("500.14", "500.17"):
        assert builtin.tree("http", code, "7.0") is not None
