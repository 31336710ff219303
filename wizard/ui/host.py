"""What screens and widgets ask of the app that hosts them.

Screens reach the app through `host(self)`, typed by this protocol, rather than importing the
app module itself: the app imports the screens, so the screens must not import the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.message_pump import MessagePump

    from wizard.cases.store import Case, CaseStore
    from wizard.knowledge.evidence import Evidence
    from wizard.knowledge.library import Library


class WizardHost(Protocol):
    library: Library
    version: str
    ticket: str

    @property
    def store(self) -> CaseStore: ...

    def save_case(self, case: Case) -> None: ...

    def resume(self, case: Case) -> None: ...

    def open_code(self, protocol: str, code: str, evidence: Evidence | None = None) -> None: ...

    def choose_version(self, version: str) -> None: ...

    def switch_language(self, lang: str | None = None) -> None: ...

    def go_home(self) -> object: ...

    def scan_logs(self, paths: list[str], filters: object | None = None) -> None: ...


def host(node: MessagePump | Provider) -> WizardHost:
    """The app `node` belongs to, as the wizard app it is."""
    return cast("WizardHost", node.app)
