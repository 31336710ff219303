"""One snapshot per screen, on fixture trees (rewording a real tree never churns an image).

Update deliberately with `pytest tests/ui/test_snapshots.py --snapshot-update` and review the SVGs.
"""

from __future__ import annotations

from tests.ui.conftest import make_app, no_blink


def test_home(snap_compare):
    """Every known code, grouped by protocol and class; the IIS version in the header."""
    assert snap_compare(make_app(), run_before=no_blink, terminal_size=(80, 24))


def test_home_filtered(snap_compare):
    """Typing words narrows the list live."""
    assert snap_compare(make_app(), press=[*"execute"], run_before=no_blink, terminal_size=(80, 24))


def test_question(snap_compare):
    """--code opens straight on the first question: breadcrumb, how to check, numbered answers, path."""
    assert snap_compare(make_app(code="403.1"), terminal_size=(80, 24))


def test_outcome_with_command_and_kb(snap_compare):
    """Cause, numbered steps, a command in a box, KB reference shown literally ([DenyExtensions])."""
    assert snap_compare(make_app(code="403.1"), press=["1"], terminal_size=(80, 30))


def test_help(snap_compare):
    """? lists the keys of the screen below."""
    assert snap_compare(make_app(code="403.1"), press=["question_mark"], terminal_size=(80, 24))


def test_unknown_code_notice(snap_compare):
    """An unknown --code lands on home with the search filled in and a notice of what is closest."""
    assert snap_compare(make_app(code="418"), run_before=no_blink, terminal_size=(80, 24))


def test_walk_at_40x12(snap_compare):
    """Still readable in a tiny terminal: the path panel steps aside."""
    assert snap_compare(make_app(code="403.1"), press=["1", "n"], terminal_size=(40, 12))
