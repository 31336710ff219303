"""`iisdoctor validate`: every check a tree author needs before a change lands.

Structure is checked against the JSON Schema while loading; this module adds what a schema
cannot see: references, reachability, loops with no way out, answer counts per IIS version,
duplicate or unknown codes, and the replay of each tree's own examples.
"""

from __future__ import annotations

from wizard.engine.session import NOT_FIXED, Session, SessionError
from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence, hresult_of
from wizard.knowledge.findings import Finding, Where
from wizard.knowledge.library import Library
from wizard.knowledge.model import RETURN, Graph, Jump, Node, Outcome, Question, Subtree, Tree, Use, tr
from wizard.knowledge.references import reference_findings, targets


def _en(text: dict | None) -> str:
    """Tree text in English: examples name answers by their English label, and findings (for tree authors)
    do not change with the run's language."""
    return tr(text, "en")


MAX_QUESTIONS = 8
"""No walk should ask more questions than this before its first outcome (or its jump to the
walk of the code the answers have found)."""


def validate(library: Library, lengths: list[tuple[Tree, str, int]] | None = None) -> list[Finding]:
    """Every finding about the library; `lengths` is `longest_paths(library)` when the caller has it already."""
    findings = list(library.findings)
    findings += _duplicates(library)
    findings += _catalog_links(library)
    graphs: list[Graph] = list(library.loaded.trees) + list(library.loaded.subtrees)
    used: set[str] = set()
    for graph in graphs:
        findings += reference_findings(library.subtrees, graph)
        used.update(n.subtree for n in graph.nodes.values() if isinstance(n, Use))
    for graph in graphs:
        if not reference_findings(library.subtrees, graph):
            findings += _reachability(graph)
            findings += _exits(library, graph)
            findings += _answer_counts(library, graph)
            findings += _evidence(library, graph)
            findings += _jumps(library, graph, graphs)
    findings += _kb_titles(graphs)
    for sub in library.loaded.subtrees:
        if sub.key not in used:
            findings.append(Finding(sub.where, f"shared subtree {sub.key!r} is not used by any tree", "warning"))
        stem = sub.where.file.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if stem != sub.key:
            findings.append(
                Finding(sub.where, f"subtree {sub.key!r} should live in a file named {sub.key}.yaml", "warning")
            )
    if not any(f.is_error for f in findings):
        findings += _jump_loops(library)
    if not any(f.is_error for f in findings):
        for tree in library.trees:
            findings += _examples(library, tree)
        findings += [
            Finding(
                tree.where,
                f"{tree.protocol.upper()} {tree.code} asks up to {count} questions before its first outcome on "
                f"IIS {version}; keep it to {MAX_QUESTIONS} (jump to the walk a sub-status or evidence names)",
                "warning",
            )
            for tree, version, count in (longest_paths(library) if lengths is None else lengths)
            if count > MAX_QUESTIONS
        ]
    return sorted(set(findings), key=lambda f: (f.where.file, f.where.line, f.where.col, f.message))


def _duplicates(library: Library) -> list[Finding]:
    out = []
    seen: dict = {}
    for entry in library.loaded.entries:
        key = (entry.source, entry.protocol, entry.code)
        for other in seen.get(key, []):
            if other.versions & entry.versions:
                out.append(
                    Finding(
                        entry.where,
                        f"duplicate catalog entry for {entry.protocol.upper()} {entry.code} "
                        f"(also at {other.where}) with overlapping IIS versions",
                    )
                )
        seen.setdefault(key, []).append(entry)
    trees: dict[tuple[int, str, str], list[Tree]] = {}
    for tree in library.loaded.trees:
        key = (tree.source, tree.protocol, tree.code)
        for other in trees.get(key, []):
            if library.tree_versions(other) & library.tree_versions(tree):
                out.append(
                    Finding(
                        tree.where,
                        f"duplicate tree for {tree.protocol.upper()} {tree.code} (also in {other.where.file})",
                    )
                )
        trees.setdefault(key, []).append(tree)
    subs: dict[tuple[int, str], Subtree] = {}
    for sub in library.loaded.subtrees:
        sub_key = (sub.source, sub.key)
        if sub_key in subs:
            out.append(Finding(sub.where, f"duplicate shared subtree {sub.key!r} (also in {subs[sub_key].where.file})"))
        subs[sub_key] = sub
    return out


def _catalog_links(library: Library) -> list[Finding]:
    out = []
    for tree in library.loaded.trees:
        entries = library.entries_for(tree.protocol, tree.code)
        if not entries:
            out.append(
                Finding(
                    tree.where,
                    f"{tree.protocol.upper()} {tree.code} is not in the code catalog; add it to a file in catalog/",
                )
            )
            continue
        known = frozenset().union(*(e.versions for e in entries))
        if tree.versions is not None and not tree.versions <= known:
            extra = V.describe(tree.versions - known)
            out.append(
                Finding(
                    tree.where,
                    f"the tree claims IIS {extra}, but the catalog entry for "
                    f"{tree.code} covers only {V.describe(known)}",
                )
            )
    return out


def _reachability(graph: Graph) -> list[Finding]:
    reached = set()
    todo = [graph.start]
    while todo:
        node_id = todo.pop()
        if node_id in reached or node_id not in graph.nodes:
            continue
        reached.add(node_id)
        todo.extend(t for _, t, _ in targets(graph.nodes[node_id]))
    return [
        Finding(node.where, f"{node.id}: no path from {graph.start!r} reaches this node")
        for node in graph.nodes.values()
        if node.id not in reached
    ]


def _exits(library: Library, graph: Graph) -> list[Finding]:
    """Nodes from which no outcome (or, in a subtree, no return) can ever be reached."""
    done: set[str] = set()
    changed = True
    while changed:
        changed = False
        for node in graph.nodes.values():
            if node.id in done:
                continue
            ok = False
            if isinstance(node, Outcome):
                ok = True
            elif isinstance(node, Use):
                sub = library.subtrees.get(node.subtree)
                finishes = sub is not None and any(isinstance(n, Outcome) for n in sub.nodes.values())
                ok = finishes or node.then in done
            else:
                ok = any(t == RETURN or t in done for _, t, _ in targets(node))
            if ok:
                done.add(node.id)
                changed = True
    return [
        Finding(node.where, f"{node.id}: caught in a loop with no way out (no outcome can be reached from here)")
        for node in graph.nodes.values()
        if node.id not in done
    ]


def _answer_counts(library: Library, graph: Graph) -> list[Finding]:
    out = []
    scope = library.tree_versions(graph) if isinstance(graph, Tree) else V.ALL
    for node in graph.nodes.values():
        if isinstance(node, Outcome):
            if not node.steps:
                out.append(Finding(node.where, f"{node.id}: an outcome needs at least one fix step"))
            continue
        if not isinstance(node, Question):
            continue
        if len(node.answers) < 2:
            out.append(Finding(node.where, f"{node.id}: a question needs at least two answers"))
            continue
        labels = [_en(a.label).strip().lower() for a in node.answers]
        for i, label in enumerate(labels):
            if label in labels[:i]:
                out.append(
                    Finding(node.answers[i].where, f"{node.id}: two answers read {_en(node.answers[i].label)!r}")
                )
        active = scope & (node.versions or V.ALL)
        for version in sorted(active, key=V.KNOWN.index):
            shown = [a for a in node.answers if a.versions is None or version in a.versions]
            if len(shown) < 2:
                out.append(Finding(node.where, f"{node.id}: on IIS {version} only {len(shown)} answer(s) apply"))
                break
    return out


def _kb_titles(graphs: list[Graph]) -> list[Finding]:
    """One KB article, one title: a second spelling is flagged where it appears."""
    first: dict[int, tuple[str, Where]] = {}
    out = []
    for graph in graphs:
        for node in graph.nodes.values():
            for ref in getattr(node, "kb", ()):
                title = _en(ref.title)
                if ref.id not in first:
                    first[ref.id] = (title, node.where)
                elif first[ref.id][0] != title:
                    out.append(
                        Finding(
                            node.where,
                            f"{node.id}: KB {ref.id} is titled {title!r} here but "
                            f"{first[ref.id][0]!r} at {first[ref.id][1]}",
                            "warning",
                        )
                    )
    return out


def _evidence(library: Library, graph: Graph) -> list[Finding]:
    """Two answers of one question may not claim the same evidence; unknown values are flagged."""
    out = []
    for node in graph.nodes.values():
        if not isinstance(node, Question):
            continue
        claimed = [a for a in node.answers if a.when]
        for i, answer in enumerate(claimed):
            for other in claimed[:i]:
                both = (answer.versions or V.ALL) & (other.versions or V.ALL)
                if both and answer.when and other.when and answer.when.overlaps(other.when):
                    out.append(
                        Finding(
                            answer.where,
                            f"{node.id}: this answer and {_en(other.label)!r} are both picked by the same evidence",
                        )
                    )
            when = answer.when
            assert when is not None  # `claimed` holds only answers with a `when`
            for code in sorted(when.win32):
                if library.win32 and code not in library.win32:
                    out.append(
                        Finding(
                            answer.where,
                            f"{node.id}: Win32 code {code} ({hresult_of(code)}) is not in "
                            f"the Win32 catalog; add it so people can look it up",
                            "warning",
                        )
                    )
            for reason in sorted(when.reasons):
                if library.reasons and reason not in library.reasons:
                    out.append(
                        Finding(
                            answer.where,
                            f"{node.id}: HTTPERR reason {reason!r} is not in the reason catalog",
                            "warning",
                        )
                    )
    return out


def longest_paths(library: Library) -> list[tuple[Tree, str, int]]:
    """Each tree's longest path, in questions, to its first outcome or jump: (tree, the IIS
    version where it is longest, questions), longest first."""
    out = []
    for tree in library.trees:
        best: tuple[int, str] | None = None
        for version in sorted(library.tree_versions(tree), key=V.KNOWN.index):
            try:
                count = Session(library, tree.protocol, tree.code, version).longest_in_walk()
            except SessionError:
                continue
            if best is None or count > best[0]:
                best = (count, version)
        if best is not None:
            out.append((tree, best[1], best[0]))
    return sorted(out, key=lambda t: (-t[2], t[0].protocol, t[0].code))


def _jumps_of(node: Node) -> list[tuple[Jump, frozenset[str] | None, Where]]:
    """Every jump a node makes, with the versions of the answer that makes it."""
    if isinstance(node, Question):
        return [(a.goto, a.versions, a.where) for a in node.answers if a.goto]
    if isinstance(node, Outcome) and node.goto:
        return [(node.goto, None, node.where)]
    return []


def _users(graphs: list[Graph], key: str) -> list[Graph]:
    return [g for g in graphs if any(isinstance(n, Use) and n.subtree == key for n in g.nodes.values())]


def _trees_using(graphs: list[Graph], sub: Subtree) -> list[Tree]:
    """The trees that walk a subtree, directly or through other subtrees."""
    found: list[Tree] = []
    todo, seen = [sub.key], set()
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        for user in _users(graphs, key):
            if isinstance(user, Tree):
                found.append(user)
            else:
                todo.append(user.key)
    return found


def _jumps(library: Library, graph: Graph, graphs: list[Graph]) -> list[Finding]:
    """A jump must lead to a code with a walk for every IIS version the jumping step applies to."""
    out = []
    users = [graph] if isinstance(graph, Tree) else _trees_using(graphs, graph)  # type: ignore[arg-type]
    for node in graph.nodes.values():
        for jump, answer_versions, where in _jumps_of(node):
            for tree in users:
                assert isinstance(tree, Tree)
                protocol = jump.protocol or tree.protocol
                label = f"{protocol.upper()} {jump.code}"
                if (protocol, jump.code) == (tree.protocol, tree.code):
                    out.append(Finding(where, f"{node.id}: a jump to {label} leads back to this same walk"))
                    continue
                if not library.entries_for(protocol, jump.code):
                    out.append(Finding(where, f"{node.id}: jump to {label}, which is not in the code catalog"))
                    continue
                scope = library.tree_versions(tree) & (node.versions or V.ALL) & (answer_versions or V.ALL)
                missing = frozenset(v for v in scope if library.tree(protocol, jump.code, v) is None)
                if missing:
                    out.append(
                        Finding(
                            where,
                            f"{node.id}: jump to {label}, which has no walk for IIS {V.describe(missing)} "
                            f"(this step applies there{'' if graph is tree else f' through {tree.code}'})",
                        )
                    )
    return out


def _jump_loops(library: Library) -> list[Finding]:
    """Jumps that come round to where they started without asking anything on the way."""
    out = []
    for tree in library.trees:
        for version in sorted(library.tree_versions(tree), key=V.KNOWN.index):
            try:
                session = Session(library, tree.protocol, tree.code, version)
                seen = {(session.current_tree.key, session.cursor)}
                while session.can_go_on:
                    session = session.not_fixed()
                    here = (session.current_tree.key, session.cursor)
                    if here in seen and len(session.walks()) > 1:
                        out.append(
                            Finding(
                                tree.where,
                                f"{tree.protocol.upper()} {tree.code}: on IIS {version} its jumps come back "
                                f"round without a question between",
                            )
                        )
                        break
                    if here in seen:
                        break
                    seen.add(here)
            except SessionError as exc:
                out.append(Finding(tree.where, f"{tree.protocol.upper()} {tree.code}: {exc}"))
    return out


def _examples(library: Library, tree: Tree) -> list[Finding]:
    out = []
    for example in tree.examples:
        version = example.version or V.newest(library.tree_versions(tree))
        if version not in library.tree_versions(tree):
            out.append(Finding(example.where, f"example: the tree does not apply to IIS {version}"))
            continue
        try:
            evidence = Evidence(example.win32, example.reason)
            session = Session.start(library, tree.protocol, tree.code, version, evidence)
            for given in example.answers:
                session = apply_answer(session, given)
        except SessionError as exc:
            out.append(Finding(example.where, f"example: {exc}"))
            continue
        reached = session.position
        if reached != example.expect:
            out.append(
                Finding(
                    example.where, f"example: expected to end on {example.expect!r} but the walk stops at {reached!r}"
                )
            )
    return out


def apply_answer(session: Session, given: str | int) -> Session:
    """Apply one example answer: a 1-based number, an answer's English label, or `not fixed`."""
    if isinstance(given, str) and given.strip().lower() == NOT_FIXED:
        return session.not_fixed()
    shown = session.answers()
    if not shown:
        raise SessionError(f"answer {given!r} given, but {session.position} is an outcome")
    if isinstance(given, int):
        return session.choose(given - 1)
    for i, answer in enumerate(shown):
        if _en(answer.label).strip().lower() == given.strip().lower():
            return session.choose(i)
    options = "; ".join(_en(a.label) for a in shown)
    raise SessionError(f"{session.position} has no answer {given!r} (answers: {options})")
