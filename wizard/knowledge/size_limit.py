"""A bound on how big one walk can be, so no walk, outline or check can run out of stack.

The outline and the "questions left" count follow a walk depth first; a tree written (or
planted) as a chain of hundreds of questions would exhaust Python's stack there. No real walk
comes near the limit: the largest built-in one, with the shared subtrees it uses, holds about
fifty nodes.
"""

from __future__ import annotations

from collections.abc import Mapping

from wizard.knowledge.findings import Finding
from wizard.knowledge.model import Graph, Subtree, Use

#: The most nodes one walk may reach, its own and those of every shared subtree it uses.
MAX_NODES = 200


def reachable_nodes(subtrees: Mapping[str, Subtree], graph: Graph) -> int:
    """How many nodes a walk of `graph` can reach, counting each shared subtree once."""
    total, seen, todo = 0, {graph.key}, [graph]
    while todo:
        current = todo.pop()
        total += len(current.nodes)
        for node in current.nodes.values():
            if isinstance(node, Use) and node.subtree not in seen and node.subtree in subtrees:
                seen.add(node.subtree)
                todo.append(subtrees[node.subtree])
    return total


def size_findings(subtrees: Mapping[str, Subtree], graph: Graph) -> list[Finding]:
    count = reachable_nodes(subtrees, graph)
    if count <= MAX_NODES:
        return []
    return [
        Finding(
            graph.where,
            f"{graph.key}: the walk reaches {count} nodes with its shared subtrees; at most {MAX_NODES} "
            f"are allowed, so split it into codes or subtrees",
        )
    ]
