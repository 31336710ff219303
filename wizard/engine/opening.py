"""What a code typed by a person opens: a walk, or home with the reason there is none.

The wizard and the start-up index both ask this, so the first question painted from the
index is the one the wizard would have opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from wizard.engine import lookup as codes
from wizard.engine.session import Session
from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence
from wizard.language.messages import _

if TYPE_CHECKING:
    from wizard.knowledge.library import Library


class Opening(NamedTuple):
    session: Session | None
    message: str | None = None  # why there is no walk (session is None)
    notice: str | None = None  # said beside the walk, e.g. a sub-status shown as its parent code


def open_query(
    library: Library, text: str, protocol: str | None, version: str, evidence: Evidence | None = None
) -> Opening:
    found = codes.lookup(library, text, protocol, version)
    tree = found.entry and library.tree(found.entry.protocol, found.entry.code)
    if found.entry is None or tree is None or found.ambiguous:
        message = found.notice or _("No guided walk for {code} yet").format(code=text)
        if found.entry is not None and tree is None:
            message = _("{code} has no guided walk yet").format(
                code=f"{found.entry.protocol.upper()} {found.entry.code}"
            )
        return Opening(None, message)
    opened = open_code(library, found.entry.protocol, found.entry.code, version, evidence)
    return opened._replace(notice=found.notice)


def open_code(library: Library, protocol: str, code: str, version: str, evidence: Evidence | None = None) -> Opening:
    """The walk for a known code; on a version it has no tree for, the newest tree it has."""
    tree = library.tree(protocol, code, version) or library.tree(protocol, code)
    if tree is None:
        return Opening(None, _("{code} has no guided walk yet").format(code=f"{protocol.upper()} {code}"))
    applies = library.tree_versions(tree)
    if version not in applies:
        version = V.newest(applies)  # the walk's notice says which version it is for, and why
    return Opening(Session.start(library, protocol, code, version, evidence or Evidence()))
