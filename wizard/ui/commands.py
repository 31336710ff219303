"""Command palette (Ctrl+P): jump to any code by number or words."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from wizard.knowledge.model import tr
from wizard.ui.host import host


class CodeCommands(Provider):
    """Every known code with a walk, searchable by code and title."""

    def _entries(self):
        library = host(self).library
        walkable = [e for e in library.codes() if library.tree(e.protocol, e.code)]
        return library.prefer_version(walkable, host(self).version, lambda entry: entry)

    async def discover(self) -> Hits:
        for entry in self._entries()[:40]:
            yield DiscoveryHit(self._label(entry), partial(host(self).open_code, entry.protocol, entry.code))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            label = self._label(entry)
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(host(self).open_code, entry.protocol, entry.code),
                    help=tr(entry.meaning),
                )

    @staticmethod
    def _label(entry) -> str:
        return f"{entry.protocol.upper()} {entry.code} {tr(entry.title)}"
