"""The first question of every walk, kept beside the tree cache for a fast `--code` start.

`iisdoctor --code 403.1` would otherwise load the library, the model and the engine before
painting anything. Instead, whenever the built-in trees are loaded through the cache, this
index holds, for each code as it can be typed (with and without its protocol) and each IIS
version, the view of the question the wizard would open (`walkplan.open_query`, then
`walkview.question_view`: the same functions the walk uses later). The wizard paints that
view at once and loads the rest right after.

The file carries the tree cache's key, so an edited, added or removed tree file or another
package version simply misses it. Only walks that open on a
question without any remark are indexed; everything else takes the ordinary path.

Layout: 4 bytes of header length, a pickled header {(protocol or "", code, version):
(offset, length)}, then the views, each pickled once however many keys share it.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.codetext import parse
from wizard.walkview import QuestionView

if TYPE_CHECKING:
    from wizard.library import Library

#: Bump when a view's shape or what goes into it changes.
FORMAT = 2


def _file(state: str) -> Path:
    from wizard.userdirs import cache_dir

    return cache_dir() / f"start-{FORMAT}-{state}.pickle"


def builtin_state() -> str | None:
    """The tree cache's key for the built-in folder as it is now; None when caching is off."""
    from wizard import treecache
    from wizard.paths import builtin_trees_dir

    return treecache.state(builtin_trees_dir()) if treecache.enabled() else None


def find(text: str, protocol: str | None, version: str) -> QuestionView | None:
    """The first question `--code TEXT` opens on IIS `version`, or None (take the ordinary path)."""
    query = parse(text)
    state = builtin_state() if query is not None else None
    if state is None:
        return None
    try:
        with open(_file(state), "rb") as handle:
            size = int.from_bytes(handle.read(4), "little")
            header = pickle.loads(handle.read(size))
            place = header.get((protocol or query.protocol or "", query.code, version))
            if place is None:
                return None
            handle.seek(4 + size + place[0])
            return QuestionView(*pickle.loads(handle.read(place[1])))
    except Exception:  # missing, partial or from other code: the ordinary path still works
        return None


def build(library: Library) -> dict[tuple[str, str, str], QuestionView]:
    """Every (protocol or "", code, version) whose walk opens on a question with nothing to remark."""
    from wizard import versions as V
    from wizard.walkplan import open_query
    from wizard.walkview import question_view

    views: dict[tuple[str, str, str], QuestionView] = {}
    made: dict[tuple[str, str, str, str], QuestionView] = {}  # typed with or without protocol: one walk
    for entry in library.entries:
        for protocol in ("", entry.protocol):
            for version in V.KNOWN:
                key = (protocol, entry.code, version)
                if key in views:
                    continue
                opening = open_query(library, entry.code, protocol or None, version)
                session = opening.session
                if session is not None and not opening.notice and not session.finished:
                    walk = (session.protocol, session.code, session.version, version)
                    if walk not in made:
                        made[walk] = question_view(session, library, version)
                    views[key] = made[walk]
    return views


def ensure(state: str, library: Library) -> None:
    """Write the index for the built-in trees in `state` unless it is there already."""
    from wizard.userdirs import atomic_write

    target = _file(state)
    if target.exists():
        return
    places: dict[tuple[str, str, str], tuple[int, int]] = {}
    stored: dict[bytes, tuple[int, int]] = {}
    body = bytearray()
    for key, view in build(library).items():
        blob = pickle.dumps(tuple(view), protocol=pickle.HIGHEST_PROTOCOL)
        if blob not in stored:
            stored[blob] = (len(body), len(blob))
            body += blob
        places[key] = stored[blob]
    header = pickle.dumps(places, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        for old in target.parent.glob("start-*.pickle"):
            old.unlink(missing_ok=True)
        atomic_write(target, len(header).to_bytes(4, "little") + header + bytes(body))
    except OSError:
        pass  # the index only saves time
