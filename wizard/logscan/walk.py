"""Which iisdoctor walk answers a combination: the arguments, with the evidence and IIS version filled in."""

from __future__ import annotations

from wizard.logscan.layout import FTP, HTTPERR
from wizard.logscan.model import Group


def walk_args(group: Group) -> list[str]:
    """argv for iisdoctor, e.g. ["--code", "404.3", "--win32", "50", "--iis", "8.5"].

    FTP groups open FTP walks and HTTPERR groups pass the HTTP.sys reason. The substatus goes into the
    HTTP code (404.3); FTP codes have no substatus, so it is left out there.
    """
    args: list[str] = []
    status, sub, win32 = group.status, group.substatus, group.win32
    if group.protocol == HTTPERR:
        if status is None:
            args.append("--http")
        else:
            args += ["--code", str(status)]
        if group.reason:
            args += ["--reason", group.reason]
    else:
        if group.protocol == FTP:
            args.append("--ftp")
        if status is not None:
            code = f"{status}.{sub}" if group.protocol != FTP and sub else str(status)
            args += ["--code", code]
        if win32:
            args += ["--win32", str(win32)]
    if group.iis:
        args += ["--iis", group.iis]
    return args


def command(args: list[str]) -> str:
    """The same walk as a command line to paste, quoting any argument with a space in it."""
    return " ".join(["iisdoctor", *(f'"{a}"' if (" " in a or not a) else a for a in args)])


def code_label(group: Group) -> str:
    """Short display form: `404.3 (50)`, `ftp 530 (1326)`, `503 QueueFull`, `- Timer_ConnectionIdle`."""
    status = "-" if group.status is None else str(group.status)
    if group.protocol == HTTPERR:
        return f"{status} {group.reason or '-'}"
    code = f"{status}.{group.substatus}" if group.protocol != FTP and group.substatus else status
    label = f"ftp {code}" if group.protocol == FTP else code
    return f"{label} ({group.win32})" if group.win32 else label
