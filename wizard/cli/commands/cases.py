"""`iisdoctor cases [TEXT]`: saved cases as a table, filtered by code, ticket or text; delete chosen
or old ones (with --yes); `--import FILE` adds a colleague's case."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wizard.cases.store import STATUS_LABELS, Case, CaseError, CaseStore, age
from wizard.cli.exit_codes import Exit
from wizard.cli.output import say, width
from wizard.cli.request import Request
from wizard.knowledge.safe_text import shown
from wizard.views.tables import table

_IMPORT_LIMIT = 2_000_000  # bytes: a case is a few kilobytes; anything this big is not one


def run(request: Request) -> Exit:
    store = CaseStore()
    if request.import_file:
        return _import(store, request.import_file)
    listing = store.all()
    for problem in listing.problems:
        say(f"skipped {problem}")
    if request.delete or request.older_than is not None:
        return _delete(store, listing.cases, request)
    if not listing.cases:
        print(f"No saved cases in {store.folder}.")
        return Exit.OK
    cases = [c for c in listing.cases if matches(c, request.words)]
    if not cases:
        say(f"no saved case matches {' '.join(request.words)!r}")
        return Exit.FINDINGS
    rows = [
        (
            c.id,
            c.label,
            c.ticket or "-",
            str(len(c.notes)),
            f"IIS {c.session.get('version', '?')}",
            STATUS_LABELS[c.status],
            age(c.updated),
            c.last,
        )
        for c in cases
    ]
    header = ("ID", "CODE", "TICKET", "NOTES", "VERSION", "RESULT", "AGE", "LAST STEP")
    print(shown(table(header, rows, width(), last_min=40)))
    return Exit.OK


def matches(case: Case, words: tuple[str, ...]) -> bool:
    """Every word is in the case's code, ticket, id, result, notes, remark or last step (any case)."""
    haystack = " ".join(
        [case.label, case.id, case.ticket, case.reason, case.last, STATUS_LABELS[case.status]]
        + [n.text for n in case.notes]
    ).lower()
    code = str(case.session.get("code", "")).lower()
    return all(w.lower() in haystack or w.lower() == code for w in words)


def _import(store: CaseStore, name: str) -> Exit:
    """Add a case from a case file or the JSON that export writes; checked like any case file."""
    import json
    from dataclasses import replace
    from pathlib import Path

    from wizard.cases.store import ID_PATTERN, new_id

    path = Path(name)
    try:
        if path.stat().st_size > _IMPORT_LIMIT:
            say(f"{path} is too large to be a case ({path.stat().st_size} bytes)")
            return Exit.FINDINGS
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        say(f"cannot read {path}: {exc.strerror or exc}")
        return Exit.FINDINGS
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        say(f"{path} is not a JSON case ({exc})")
        return Exit.FINDINGS
    if isinstance(data, dict) and isinstance(data.get("case_file"), dict):
        data = data["case_file"]  # an export: the case file rides inside it
    try:
        case = Case.from_dict(data)
    except CaseError as exc:
        say(f"{path} is not a case iisdoctor can read: {exc}")
        return Exit.FINDINGS
    # The id names a file: take it only when it is a plain id and free, never as a path.
    case_id = case.id if ID_PATTERN.fullmatch(case.id) else new_id()
    try:
        if store.path(case_id).exists():
            case_id = new_id()
        saved = store.save(replace(case, id=case_id))
    except (OSError, CaseError) as exc:
        say(f"cannot save the case: {getattr(exc, 'strerror', None) or exc}")
        return Exit.FINDINGS
    print(shown(f"imported {case.label} as case {case_id} ({saved}); continue it with iisdoctor --resume {case_id}"))
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
