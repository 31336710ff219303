"""`iisdoctor cases [TEXT]`: saved cases as a table, filtered by code, ticket or text; delete chosen
or old ones (with --yes); `--import FILE` adds a colleague's case."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wizard.cases.store import STATUS_LABELS, Case, CaseError, CaseStore, age
from wizard.cli.exit_codes import Exit
from wizard.cli.output import say, width
from wizard.cli.request import Request
from wizard.knowledge.safe_text import shown
from wizard.language.messages import N_, _, ngettext
from wizard.views.tables import table

_IMPORT_LIMIT = 2_000_000  # bytes: a case is a few kilobytes; anything this big is not one

#: The table's headings (translated when shown).
HEADER = (N_("ID"), N_("CODE"), N_("TICKET"), N_("NOTES"), N_("VERSION"), N_("RESULT"), N_("AGE"), N_("LAST STEP"))


def run(request: Request) -> Exit:
    store = CaseStore()
    if request.import_file:
        return _import(store, request.import_file)
    listing = store.all()
    for problem in listing.problems:
        say(_("skipped {problem}").format(problem=problem))
    if request.delete or request.older_than is not None:
        return _delete(store, listing.cases, request)
    if not listing.cases:
        print(_("No saved cases in {folder}.").format(folder=store.folder))
        return Exit.OK
    cases = [c for c in listing.cases if matches(c, request.words)]
    if not cases:
        say(_("no saved case matches {words}").format(words=repr(" ".join(request.words))))
        return Exit.FINDINGS
    rows = [
        (
            c.id,
            c.label,
            c.ticket or "-",
            str(len(c.notes)),
            f"IIS {c.session.get('version', '?')}",
            _(STATUS_LABELS[c.status]),
            age(c.updated),
            c.last,
        )
        for c in cases
    ]
    header = tuple(_(name) for name in HEADER)
    print(shown(table(header, rows, width(), last_min=40)))
    return Exit.OK


def matches(case: Case, words: tuple[str, ...]) -> bool:
    """Every word is in the case's code, ticket, id, result (in English or the run's language), notes, remark
    or last step (any case)."""
    status = STATUS_LABELS[case.status]
    haystack = " ".join(
        [case.label, case.id, case.ticket, case.reason, case.last, status, _(status)] + [n.text for n in case.notes]
    ).lower()
    code = str(case.session.get("code", "")).lower()
    return all(w.lower() in haystack or w.lower() == code for w in words)


def _import(store: CaseStore, name: str) -> Exit:
    """Add a case from a case file or the JSON that export writes; checked like any case file."""
    import json
    from pathlib import Path

    from wizard.cases.store import ID_PATTERN, new_id
    from wizard.knowledge.record import replace

    path = Path(name)
    try:
        if path.stat().st_size > _IMPORT_LIMIT:
            say(_("{path} is too large to be a case ({size} bytes)").format(path=path, size=path.stat().st_size))
            return Exit.FINDINGS
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        say(_("cannot read {path}: {error}").format(path=path, error=exc.strerror or exc))
        return Exit.FINDINGS
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        say(_("{path} is not a JSON case ({error})").format(path=path, error=exc))
        return Exit.FINDINGS
    if isinstance(data, dict) and isinstance(data.get("case_file"), dict):
        data = data["case_file"]  # an export: the case file rides inside it
    try:
        case = Case.from_dict(data)
    except CaseError as exc:
        say(_("{path} is not a case iisdoctor can read: {error}").format(path=path, error=exc))
        return Exit.FINDINGS
    # The id names a file: take it only when it is a plain id and free, never as a path.
    case_id = case.id if ID_PATTERN.fullmatch(case.id) else new_id()
    try:
        if store.path(case_id).exists():
            case_id = new_id()
        saved = store.save(replace(case, id=case_id))
    except (OSError, CaseError) as exc:
        say(_("cannot save the case: {error}").format(error=getattr(exc, "strerror", None) or exc))
        return Exit.FINDINGS
    imported = _("imported {code} as case {id} ({file}); continue it with iisdoctor --resume {id}")
    print(shown(imported.format(code=case.label, id=case_id, file=saved)))
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
            would = _("would delete {id} ({code}, last touched {age})")
            print(shown(would.format(id=case.id, code=case.label, age=age(case.updated))))
        if doomed:
            say(
                ngettext(
                    "{n} case(s) would be deleted; add --yes to delete them",
                    "{n} case(s) would be deleted; add --yes to delete them",
                    len(doomed),
                ).format(n=len(doomed))
            )
        return Exit.FINDINGS if failed else Exit.OK
    for case in doomed:
        try:
            store.delete(case.id)
            deleted = _("deleted {id} ({code}, last touched {age})")
            print(shown(deleted.format(id=case.id, code=case.label, age=age(case.updated))))
        except (CaseError, OSError) as exc:
            say(_("cannot delete {id}: {error}").format(id=case.id, error=getattr(exc, "strerror", None) or exc))
            failed = True
    return Exit.FINDINGS if failed else Exit.OK


def _when(stamp: str) -> datetime:
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.now(timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
