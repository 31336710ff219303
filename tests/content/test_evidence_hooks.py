"""Evidence hooks in the built-in trees: for every value an answer label quotes, walking with that
value as evidence lets the wizard pick that answer by itself, on IIS 5.0/6.0 and on IIS 7+."""

from __future__ import annotations

import pytest

from wizard.engine.session import Session
from wizard.knowledge.evidence import Evidence, win32_key


def _walk(builtin, protocol, code, version, evidence, answers=()):
    """Start with the evidence, give the listed answers (by label), return the session."""
    session = Session.start(builtin, protocol, code, version, evidence)
    for label in answers:
        labels = [a.label.get("en") if isinstance(a.label, dict) else str(a.label) for a in session.answers()]
        matches = [i for i, text in enumerate(labels) if text.startswith(label)]
        assert matches, f"{label!r} not among {labels}"
        session = session.choose(matches[0])
    return session


W = lambda value: Evidence(win32_key(value))  # noqa: E731
R = lambda reason: Evidence(reason=reason)  # noqa: E731

# (protocol, code, version, evidence, answers given first, question, outcome the walk reaches or None)
CASES = [
    # HTTP 401.1, IIS 6.0 and 5.0: first question reads the Win32 status
    ("http", "401.1", "6.0", W(1326), [], "log-status", None),
    ("http", "401.1", "6.0", W(1326), ["Users who type"], "logon-reason", "bad-credentials"),
    ("http", "401.1", "5.0", W(1326), ["Users who type"], "logon-reason", "bad-credentials"),
    *[
        ("http", "401.1", "6.0", W(v), [], "log-status", "account-state")
        for v in (1331, 1909, 1793, 1330, 1907, 1327, 1328, 1329)
    ],
    ("http", "401.1", "6.0", W(1385), [], "log-status", "logon-right"),
    ("http", "401.1", "5.0", W(1909), [], "log-status", "account-state"),
    # HTTP 401.1, IIS 10
    ("http", "401.1", "10.0", W(1326), [], "win32-status", None),
    ("http", "401.1", "10.0", W(1909), [], "win32-status", "account-locked-out"),
    ("http", "401.1", "10.0", W(1331), [], "win32-status", "account-disabled"),
    ("http", "401.1", "10.0", W(1330), [], "win32-status", "password-expired"),
    ("http", "401.1", "10.0", W(1385), [], "win32-status", "logon-type-not-granted"),
    ("http", "401.1", "10.0", W(1311), [], "win32-status", "no-logon-server"),
    ("http", "401.1", "7.5", W(1311), [], "win32-status", "no-logon-server"),
    ("http", "401.1", "10.0", W("0x80090308"), [], "win32-status", None),
    ("http", "401.1", "10.0", W(2148074248), [], "win32-status", None),
    # HTTP 503, IIS 6.0 and IIS 10: HTTPERR reasons
    ("http", "503", "6.0", R("AppOffline"), [], "reason", "rapid-fail"),
    ("http", "503", "6.0", R("Disabled"), [], "reason", "pool-stopped"),
    ("http", "503", "6.0", R("QueueFull"), [], "reason", "queue-full"),
    ("http", "503", "6.0", R("AppPoolTimer"), [], "reason", "queue-full"),
    ("http", "503", "6.0", R("ConnLimit"), [], "reason", "conn-limit"),
    ("http", "503", "6.0", R("AppShutdown"), [], "reason", "app-shutdown"),
    ("http", "503", "6.0", R("N/A"), [], "reason", "httpsys-internal"),
    ("http", "503", "10.0", R("QueueFull"), [], "httperr-reason", "queue-full"),
    ("http", "503", "10.0", R("Disabled"), [], "httperr-reason", "pool-stopped"),
    ("http", "503", "10.0", R("ConnLimit"), [], "httperr-reason", "conn-limit"),
    ("http", "503.0", "10.0", R("AppOffline"), [], "pool-state", None),
    # HTTP 400, IIS 6.0 and IIS 10: HTTPERR reasons
    ("http", "400", "6.0", R("Hostname"), [], "httperr-reason", "invalid-hostname"),
    ("http", "400", "6.0", R("FieldLength"), [], "httperr-reason", "header-too-long"),
    ("http", "400", "6.0", R("RequestLength"), [], "httperr-reason", "header-too-long"),
    ("http", "400", "6.0", R("URL"), [], "httperr-reason", "invalid-url"),
    *[
        ("http", "400", "6.0", R(r), [], "httperr-reason", "malformed-request")
        for r in ("Verb", "Header", "Number", "Invalid_CR/LF", "BadRequest")
    ],
    ("http", "501", "6.0", R("N/I"), [], "where-logged", "unknown-encoding"),
    # HTTP 502.5 (IIS 7.5+)
    ("http", "502.5", "10.0", W("0x800700c1"), [], "component", "bad-image"),
    ("http", "502.5", "7.5", W(193), [], "component", "bad-image"),
    # FTP 530 and 550, IIS 6.0 and IIS 10
    ("ftp", "530", "6.0", W(1326), [], "which-command", None),
    (
        "ftp",
        "530",
        "6.0",
        W(1326),
        ["A named Windows account", "No (AnonymousOnly", "0 - Do not isolate"],
        "credentials",
        "bad-credentials",
    ),
    ("ftp", "530", "5.0", W(1326), ["A named Windows account", "No (AnonymousOnly"], "credentials", "bad-credentials"),
    (
        "ftp",
        "530",
        "6.0",
        W(1909),
        ["A named Windows account", "No (AnonymousOnly", "0 - Do not isolate"],
        "credentials",
        "account-state",
    ),
    (
        "ftp",
        "530",
        "6.0",
        W(1385),
        ["A named Windows account", "No (AnonymousOnly", "0 - Do not isolate"],
        "credentials",
        "account-rights",
    ),
    ("ftp", "530", "6.0", W(1326), ["anonymous", "Yes, the box is ticked"], "anon-account", "anon-account-broken"),
    ("ftp", "550", "6.0", W(5), [], "reply-text", None),
    ("ftp", "550", "6.0", W(2), [], "reply-text", "file-missing"),
    ("ftp", "550", "6.0", W(3), [], "reply-text", "file-missing"),
    ("ftp", "550", "5.0", W(32), [], "reply-text", "file-in-use"),
    ("ftp", "425", "10.0", W(10060), [], "transfer-mode", "data-timeout"),
]


@pytest.mark.parametrize(
    "protocol, code, version, evidence, answers, question, outcome",
    CASES,
    ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3].describe()}-{c[5]}" for c in CASES],
)
def test_evidence_picks_the_answer_that_quotes_it(
    builtin, protocol, code, version, evidence, answers, question, outcome
):
    session = _walk(builtin, protocol, code, version, evidence, answers)
    auto = [v for v in session.history if v.auto]
    assert any(v.node.id == question for v in auto), (
        f"the evidence did not answer {question}; auto-answered: {[v.node.id for v in auto]}"
    )
    if outcome is not None:
        assert session.finished and session.outcome.id == outcome


def test_ftp_550_access_denied_goes_on_to_the_command_question(builtin):
    session = Session.start(builtin, "ftp", "550", "6.0", Evidence(5))
    assert session.node.id == "access-command"


def test_iis6_401_1_with_1326_still_asks_who_is_refused(builtin):
    # 1326 is also what a wrong anonymous password gives, so it must not pick a branch for the person.
    session = Session.start(builtin, "http", "401.1", "6.0", Evidence(1326))
    assert session.node.id == "who-fails"


def test_503_0_site_log_line_with_win32_0_goes_to_the_app_503_outcome(builtin):
    session = Session.start(builtin, "http", "503.0", "10.0", Evidence(0))
    assert session.finished and session.outcome.id == "app-503"
