"""Start the wizard from the command line."""

from __future__ import annotations

from wizard.library import Library


def run_wizard(library: Library, code: str | None = None, protocol: str | None = None,
               version: str | None = None) -> int:
    from wizard.ui.app import IISDoctorApp

    app = IISDoctorApp(library, code=code, protocol=protocol, version=version)
    app.run()
    return app.return_code or 0
