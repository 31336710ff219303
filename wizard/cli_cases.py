"""`iisdoctor cases` and `iisdoctor report`: saved cases from the command line, no Textual."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone

from wizard.cases import STATUS_LABELS, CaseError, CaseStore, age

EXIT_OK, EXIT_FINDINGS = 0, 1


def cmd_cases(args) -> int:
    store = CaseStore()
    failed = False
    for case_id in args.delete:
        try:
            store.delete(case_id)
            print(f"deleted {case_id}")
        except (CaseError, OSError) as exc:
            print(f"iisdoctor: {exc}", file=sys.stderr)
            failed = True
    listing = store.list()
    if args.older_than is not None:
        limit = datetime.now(timezone.utc) - timedelta(days=args.older_than)
        for case in list(listing.cases):
            if _when(case.updated) < limit:
                store.delete(case.id)
                listing.cases.remove(case)
                print(f"deleted {case.id} ({case.label}, {age(case.updated)} old)")
    for problem in listing.problems:
        print(f"iisdoctor: skipped {problem}", file=sys.stderr)
    if args.delete or args.older_than is not None:
        return EXIT_FINDINGS if failed else EXIT_OK
    if not listing.cases:
        print(f"No saved cases in {store.folder}.")
        return EXIT_OK
    rows = [(c.id, c.label, f"IIS {c.session.get('version', '?')}", STATUS_LABELS[c.status], age(c.updated), c.last)
            for c in listing.cases]
    head = ("ID", "CODE", "VERSION", "RESULT", "AGE", "LAST STEP")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
    for row in [head] + rows:
        left = "  ".join(cell.ljust(w) for cell, w in zip(row[:5], widths))
        last = row[5] if len(row[5]) <= 60 else row[5][:59] + "…"
        print(f"{left}  {last}".rstrip())
    return EXIT_OK


def _when(stamp: str) -> datetime:
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.now(timezone.utc)


def load_case(case_id: str):
    """A saved case by id or unique id start; None (after saying why) when it cannot be read."""
    try:
        return CaseStore().load(case_id)
    except CaseError as exc:
        print(f"iisdoctor: {exc}", file=sys.stderr)
        return None


def cmd_report(args, library) -> int:
    from wizard.report import render

    case = load_case(args.id)
    if case is None:
        return EXIT_FINDINGS
    from wizard.session import SessionError

    try:
        text = render(case, library, args.format)
    except SessionError as exc:
        print(f"iisdoctor: case {case.id} cannot be shown with the trees installed now: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"iisdoctor: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK
