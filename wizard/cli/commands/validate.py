"""`iisdoctor validate [PATH...]`: check trees and print `file:line:column: message` findings."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.exit_codes import Exit
from wizard.cli.request import Request
from wizard.knowledge.library import Library
from wizard.knowledge.safe_text import shown
from wizard.language.messages import _, ngettext
from wizard.platform import memory
from wizard.validation.translations import missing
from wizard.validation.validator import MAX_QUESTIONS, longest_paths, validate


def run(request: Request) -> Exit:
    memory.collect_normally()  # parsing every tree makes much short-lived data
    folders = [Path(p) for p in request.paths] + list(request.trees)
    library = Library.load(folders, builtin=not request.no_builtin)
    lengths = longest_paths(library)
    findings = validate(library, lengths)
    for finding in findings:
        print(shown(str(finding)))
    untranslated = missing(library.loaded, request.lang) if request.lang else []
    for finding in untranslated:
        print(shown(str(finding)))
    if request.extra.get("verbose"):
        for tree, version, count in lengths:
            print(
                shown(
                    f"{tree.where}: info: {tree.protocol.upper()} {tree.code}: longest path to a first outcome: "
                    f"{count} question(s) (IIS {version})"
                )
            )
    worst = ", ".join(f"{t.protocol.upper()} {t.code} {n}" for t, _version, n in lengths[:5])
    if worst:
        heading = _("longest walks, in questions before the first outcome (ceiling {ceiling}): {walks}")
        print(heading.format(ceiling=MAX_QUESTIONS, walks=worst), file=sys.stderr)
    errors = sum(f.is_error for f in findings)
    print(summary(library, errors, len(findings) - errors), file=sys.stderr)
    if request.lang and request.lang != "en":
        count = len(untranslated)
        line = ngettext(
            "{n} text field without a translation into {lang}",
            "{n} text fields without a translation into {lang}",
            count,
        )
        print(line.format(n=count, lang=request.lang), file=sys.stderr)
    return Exit.FINDINGS if errors else Exit.OK


def summary(library: Library, errors: int, warnings: int) -> str:
    """What was checked and what was found, each count worded for its number."""
    files, trees, subtrees, codes = (
        library.loaded.files,
        len(library.trees),
        len(library.subtrees),
        len(library.entries),
    )
    return _("{files}: {trees}, {subtrees}, {codes}; {errors}, {warnings}").format(
        files=ngettext("{n} file(s)", "{n} file(s)", files).format(n=files),
        trees=ngettext("{n} tree(s)", "{n} tree(s)", trees).format(n=trees),
        subtrees=ngettext("{n} shared subtree(s)", "{n} shared subtree(s)", subtrees).format(n=subtrees),
        codes=ngettext("{n} catalog code(s)", "{n} catalog code(s)", codes).format(n=codes),
        errors=ngettext("{n} error(s)", "{n} error(s)", errors).format(n=errors),
        warnings=ngettext("{n} warning(s)", "{n} warning(s)", warnings).format(n=warnings),
    )
