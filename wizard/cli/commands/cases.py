"""`iisdoctor cases`: saved cases as a table; delete chosen or old ones (with --yes)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wizard.cases.store import STATUS_LABELS, Case, CaseError, CaseStore, age
from wizard.cli.exit_codes import Exit
from wizard.cli.output import say, width
from wizard.cli.request import Request
from wizard.knowledge.safe_text import shown
from wizard.views.tables import table


def run(request: Request) -> Exit:
    store = CaseStore()
    listing = store.all()
    for problem in listing.problems:
        say(f"skipped {problem}")
    if request.delete or request.older_than is not None:
        return _delete(store, listing.cases, request)
    if not listing.cases:
        print(f"No saved cases in {store.folder}.")
        return Exit.OK
    rows = [
        (c.id, c.label, f"IIS {c.session.get('version', '?')}", STATUS_LABELS[c.status], age(c.updated), c.last)
        for c in listing.cases
    ]
    print(shown(table(("ID", "CODE", "VERSION", "RESULT", "AGE", "LAST STEP"), rows, width(), last_min=60)))
    return Exit.OK


def _delete(store: CaseStore, cases: list[Case], request: Request) -> Exit:
    """Delete the cases named or older than the limit; without --yes, only say what would go."""
    doomed: list[Case] = []
    failed = False
    for case_id in request.delete:
        try:
            full = store.resolve(case_id)
        except CaseError as exc:
            say(str(exc))
            failed = True
            continue
        doomed += [c for c in cases if c.id == full]
    if request.older_than is not None:
        limit = datetime.now(timezone.utc) - timedelta(days=request.older_than)
        doomed += [c for c in cases if _when(c.updated) < limit and c not in doomed]
    if not request.yes:
        for case in doomed:
            print(shown(f"would delete {case.id} ({case.label}, last touched {age(case.updated)})"))
        if doomed:
            say(f"{len(doomed)} case(s) would be deleted; add --yes to delete them")
        return Exit.FINDINGS if failed else Exit.OK
    for case in doomed:
        try:
            store.delete(case.id)
            print(shown(f"deleted {case.id} ({case.label}, last touched {age(case.updated)})"))
        except (CaseError, OSError) as exc:
            say(f"cannot delete {case.id}: {getattr(exc, 'strerror', None) or exc}")
            failed = True
    return Exit.FINDINGS if failed else Exit.OK


def _when(stamp: str) -> datetime:
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.now(timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
