"""Where a Knowledge Base reference can be read: one address, used by every view and export."""

from __future__ import annotations

KB_URL = "https://support.microsoft.com/kb/{id}"


def kb_url(kb_id: int | str) -> str:
    """The support.microsoft.com address of a KB article (Microsoft redirects it to the current page)."""
    return KB_URL.format(id=kb_id)
