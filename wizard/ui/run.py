"""Start the wizard from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wizard.cases.store import Case
    from wizard.knowledge.evidence import Evidence
    from wizard.knowledge.library import Library
    from wizard.ui.log_walks import ScanRequest


def run_wizard(
    library: Library,
    code: str | None = None,
    protocol: str | None = None,
    version: str | None = None,
    evidence: Evidence | None = None,
    case: Case | None = None,
    pick_case: bool = False,
    scan: ScanRequest | None = None,
    ticket: str = "",
) -> int:
    from wizard.ui.app import IISDoctorApp

    app = IISDoctorApp(
        library,
        code=code,
        protocol=protocol,
        version=version,
        evidence=evidence,
        case=case,
        pick_case=pick_case,
        scan=scan,
        ticket=ticket,
    )
    from wizard.platform import memory

    memory.collect_normally()  # the library and Textual are loaded: set them aside (see platform.memory)
    app.run()
    return app.return_code or 0
