"""`iisdoctor validate [PATH...]`: check trees and print `file:line:column: message` findings."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.exit_codes import Exit
from wizard.cli.request import Request
from wizard.knowledge.library import Library
from wizard.knowledge.safe_text import shown
from wizard.validation.validator import MAX_QUESTIONS, longest_paths, validate


def run(request: Request) -> Exit:
    folders = [Path(p) for p in request.paths] + list(request.trees)
    library = Library.load(folders, builtin=not request.no_builtin)
    lengths = longest_paths(library)
    findings = validate(library, lengths)
    for finding in findings:
        print(shown(str(finding)))
    if request.extra.get("verbose"):
        for tree, version, count in lengths:
            print(
                shown(
                    f"{tree.where}: info: {tree.protocol.upper()} {tree.code}: longest path to a first outcome: "
                    f"{count} question(s) (IIS {version})"
                )
            )
    worst = ", ".join(f"{t.protocol.upper()} {t.code} {n}" for t, _, n in lengths[:5])
    if worst:
        print(
            f"longest walks, in questions before the first outcome (ceiling {MAX_QUESTIONS}): {worst}",
            file=sys.stderr,
        )
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    print(
        f"{library.loaded.files} file(s): {len(library.trees)} tree(s), {len(library.subtrees)} shared "
        f"subtree(s), {len(library.entries)} catalog code(s); {errors} error(s), {warnings} warning(s)",
        file=sys.stderr,
    )
    return Exit.FINDINGS if errors else Exit.OK
