"""References between nodes and subtrees: what every walkable graph must get right.

The library drops graphs that fail these checks (so a broken file never crashes a walk), and
the validator reports the same findings to the author.
"""

from __future__ import annotations

from collections.abc import Iterator

from wizard.knowledge.findings import Finding, Where
from wizard.knowledge.model import RETURN, Graph, Node, Outcome, Question, Subtree, Use


def targets(node: Node) -> Iterator[tuple[str, str, Where]]:
    """(field name, target) for every reference a node makes."""
    if isinstance(node, Question):
        for i, answer in enumerate(node.answers):
            if answer.next is not None:
                yield f"answer {i + 1}", answer.next, answer.where
        if node.otherwise:
            yield "otherwise", node.otherwise, node.where
    elif isinstance(node, Outcome):
        if node.next:
            yield "next", node.next, node.where
    elif isinstance(node, Use) and node.then:
        yield "then", node.then, node.where


def reference_findings(subtrees: dict[str, Subtree], graph: Graph) -> list[Finding]:
    """Broken references in one graph: unknown nodes or subtrees, misplaced `return`, missing `then`."""
    out = []
    if graph.start not in graph.nodes:
        out.append(Finding(graph.start_where, f"start names unknown node {graph.start!r}{_close(graph.start, graph)}"))
    for node in graph.nodes.values():
        if isinstance(node, Question):
            for i, answer in enumerate(node.answers):
                if (answer.next is None) == (answer.goto is None):
                    out.append(
                        Finding(answer.where, f"{node.id}: answer {i + 1} needs either 'next' or 'goto' (one of them)")
                    )
        if isinstance(node, Outcome) and node.next and node.goto:
            out.append(Finding(node.where, f"{node.id}: an outcome goes on with 'next' or 'goto', not both"))
        for field, target, where in targets(node):
            if target == RETURN:
                if not graph.is_subtree:
                    out.append(Finding(where, f"{node.id}: {field} is 'return', which only a shared subtree may use"))
            elif target not in graph.nodes:
                out.append(Finding(where, f"{node.id}: {field} names unknown node {target!r}{_close(target, graph)}"))
        if isinstance(node, Use):
            sub = subtrees.get(node.subtree)
            if sub is None:
                known = ", ".join(sorted(subtrees)) or "none"
                out.append(Finding(node.where, f"{node.id}: unknown shared subtree {node.subtree!r} (known: {known})"))
            elif sub.key == graph.key:
                out.append(Finding(node.where, f"{node.id}: a subtree cannot use itself"))
            elif node.then is None and _can_return(sub):
                out.append(Finding(node.where, f"{node.id}: subtree {sub.key!r} can return, so this node needs 'then'"))
        if isinstance(node, Question) and node.versions is not None and node.otherwise is None:
            out.append(
                Finding(
                    node.where,
                    f"{node.id}: a question limited to some IIS versions needs 'otherwise' "
                    f"(where to go on other versions)",
                )
            )
        if isinstance(node, Use) and node.versions is not None and node.then is None:
            out.append(Finding(node.where, f"{node.id}: a use limited to some IIS versions needs 'then'"))
    return out


def _close(name: str, graph: Graph) -> str:
    import difflib  # only when a reference is broken

    close = difflib.get_close_matches(name, list(graph.nodes), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _can_return(sub: Subtree) -> bool:
    return any(target == RETURN for node in sub.nodes.values() for _, target, _ in targets(node))
