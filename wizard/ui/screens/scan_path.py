"""Asks where the logs are before the scan screen reads them."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from wizard.language.messages import N_, _
from wizard.ui.screens.dialog import Dialog


def default_logs_folder() -> str:
    """IIS's own log folder on this machine when there is one, else nothing."""
    drive = os.environ.get("SYSTEMDRIVE")
    if drive:
        folder = Path(f"{drive}\\") / "inetpub" / "logs" / "LogFiles"
        if folder.is_dir():
            return str(folder)
    return ""


class ScanPathScreen(Dialog):
    """Enter scans the files, folders or globs typed (separated by `;`); Esc cancels."""

    BOX_ID = "scan-path-box"
    TITLE_TEXT = N_("Scan the server's logs")
    HINT = N_("Enter scans · Esc cancels · several paths: separate them with ;")

    def body(self) -> ComposeResult:
        yield Static(
            _("Log files or folders: W3C site logs (u_ex*.log), HTTPERR logs, FTP logs, .gz files."),
            markup=False,
        )
        yield Input(value=default_logs_folder(), placeholder=r"C:\inetpub\logs\LogFiles", id="scan-path")

    def on_mount(self) -> None:
        self.query_one("#scan-path", Input).focus()

    @on(Input.Submitted, "#scan-path")
    def _scan(self, event: Input.Submitted) -> None:
        paths = [p.strip().strip('"') for p in event.value.split(";") if p.strip()]
        self.dismiss(paths or None)
