"""Plain-text tables: columns padded to their widest cell, the last one clipped to the width."""

from __future__ import annotations

from collections.abc import Sequence

from wizard.knowledge import versions as V
from wizard.knowledge.model import CodeEntry, tr
from wizard.knowledge.safe_text import clip
from wizard.language.messages import N_, _

#: The code list's headings (translated when shown).
CODE_HEADER = (N_("PROTO"), N_("CODE"), N_("IIS"), N_("MEANING"))


def table(head: Sequence[str], rows: Sequence[Sequence[str]], width: int = 100, last_min: int = 20) -> str:
    """Every column but the last padded; the last takes what is left of `width` (at least `last_min`)."""
    fixed = len(head) - 1
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(fixed)]
    lines = []
    for row in [head, *rows]:
        left = "  ".join(cell.ljust(w) for cell, w in zip(row[:fixed], widths))
        room = max(last_min, width - len(left) - 2)
        lines.append(f"{left}  {clip(row[fixed], room)}".rstrip())
    return "\n".join(lines)


def code_table(entries: Sequence[CodeEntry], width: int = 100) -> str:
    """The code list: protocol, code, IIS versions, title."""
    if not entries:
        return ""
    rows = [(e.protocol.upper(), e.code, V.describe(e.versions), tr(e.title)) for e in entries]
    return table(tuple(_(name) for name in CODE_HEADER), rows, width)
