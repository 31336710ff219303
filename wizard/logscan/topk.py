"""A counter that keeps memory bounded on endless logs: top URLs, clients and hours per combination.

A busy farm can see millions of distinct URLs or client addresses; keeping all of them would make
memory grow with the log. The table grows to twice its cap and is then cut back to the cap, keeping
the biggest counts. While no value was ever cut the counts are exact; `floor` records the largest
count thrown away, which bounds how much any surviving count may be short.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K")


class CappedCounter(Generic[K]):
    """Counts keys, keeping at most about `2 * cap` of them in memory."""

    __slots__ = ("cap", "counts", "floor")

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.counts: dict[K, int] = {}
        self.floor = 0

    def add(self, key: K, n: int = 1) -> None:
        counts = self.counts
        counts[key] = counts.get(key, 0) + n
        if len(counts) >= 2 * self.cap:
            self._prune()

    def update(self, pairs: Iterable[tuple[K, int]]) -> None:
        for key, n in pairs:
            self.add(key, n)

    def _prune(self) -> None:
        ranked = sorted(self.counts.items(), key=lambda kv: kv[1], reverse=True)
        kept, dropped = ranked[: self.cap], ranked[self.cap :]
        if dropped:
            self.floor = max(self.floor, dropped[0][1])
        self.counts = dict(kept)

    def top(self, n: int) -> list[tuple[K, int]]:
        """The `n` largest, biggest first; ties broken by key so output is stable."""
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]

    @property
    def exact(self) -> bool:
        return self.floor == 0

    def __len__(self) -> int:
        return len(self.counts)
