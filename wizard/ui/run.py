"""Start the wizard from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wizard.knowledge.library import Library


def run_wizard(
    library: Library,
    code: str | None = None,
    protocol: str | None = None,
    version: str | None = None,
    evidence=None,
    case=None,
    pick_case: bool = False,
) -> int:
    from wizard.ui.app import IISDoctorApp

    app = IISDoctorApp(
        library, code=code, protocol=protocol, version=version, evidence=evidence, case=case, pick_case=pick_case
    )
    app.run()
    return app.return_code or 0
