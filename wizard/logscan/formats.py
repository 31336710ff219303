"""What kind of log a file is, judged by its content: file names on a server are often renamed or rotated."""

from __future__ import annotations

import re

W3C = "w3c"
HTTPERR = "httperr"
FTP = "ftp"
NATIVE = "iis-native"
NCSA = "ncsa"
UNKNOWN = "unknown"

#: The field sets IIS writes when nobody changed the logging options; used for files without a header.
IIS7_DEFAULT = [
    "date",
    "time",
    "s-ip",
    "cs-method",
    "cs-uri-stem",
    "cs-uri-query",
    "s-port",
    "cs-username",
    "c-ip",
    "cs(User-Agent)",
    "cs(Referer)",
    "sc-status",
    "sc-substatus",
    "sc-win32-status",
    "time-taken",
]
IIS6_DEFAULT = [
    "date",
    "time",
    "s-sitename",
    "s-ip",
    "cs-method",
    "cs-uri-stem",
    "cs-uri-query",
    "s-port",
    "cs-username",
    "c-ip",
    "cs(User-Agent)",
    "sc-status",
    "sc-substatus",
    "sc-win32-status",
]

#: FTP commands and the session events IIS FTP writes in cs-method; any of them marks an FTP log.
FTP_VERBS = frozenset(
    b"USER PASS ACCT CWD CDUP QUIT PORT PASV EPRT EPSV TYPE MODE RETR STOR STOU APPE ALLO REST RNFR RNTO ABOR "
    b"DELE RMD MKD PWD LIST NLST SITE SYST STAT NOOP FEAT OPTS AUTH PBSZ PROT MDTM SIZE MLSD MLST HOST CLNT "
    b"XCWD XMKD XPWD XRMD ControlChannelOpened ControlChannelClosed DataChannelOpened DataChannelClosed "
    b"[ControlChannelOpened] [DataChannelOpened]".split()
)

_IIS_SOFTWARE = re.compile(rb"Internet Information Services\s+(\d+)\.(\d+)", re.IGNORECASE)
_KNOWN = {
    "5.0": "5.0",
    "5.1": "5.0",
    "6.0": "6.0",
    "7.0": "7.0",
    "7.5": "7.5",
    "8.0": "8.0",
    "8.5": "8.5",
    "10.0": "10",
}

_DATE = re.compile(rb"^\d{4}-\d\d-\d\d$")
_TIME = re.compile(rb"^\d\d:\d\d:\d\d")
_NATIVE = re.compile(rb"^[^,]+, [^,]*, \d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d\d:\d\d, ")
_NCSA = re.compile(rb'^\S+ \S+ \S+ \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "')


def iis_version(software: bytes) -> str | None:
    """`Microsoft Internet Information Services 8.5` -> "8.5"; iisdoctor spells 10.0 as "10"."""
    found = _IIS_SOFTWARE.search(software)
    if not found:
        return None
    return _KNOWN.get(f"{int(found[1])}.{int(found[2])}")


def looks_like_default(values: list[bytes], fields: list[str]) -> bool:
    """True when a header-less line fits a default field set: same count, and date, time and status parse."""
    if len(values) != len(fields):
        return False
    date, time, status = values[0], values[1], values[fields.index("sc-status")]
    return bool(_DATE.match(date) and _TIME.match(time) and status.isdigit())


def sniff(head: bytes) -> str:
    """The format of a file from its first kilobytes (BOM and NUL padding already removed)."""
    lines = [line.strip() for line in head.split(b"\n")[:200]]
    lines = [line for line in lines if line]
    if not lines:
        return UNKNOWN
    if any(line.startswith((b"#Fields:", b"#Software:", b"#Version:")) for line in lines):
        return W3C
    first = lines[0]
    if _NATIVE.match(first):
        return NATIVE
    if _NCSA.match(first):
        return NCSA
    if _DATE.match(first.split(b" ", 1)[0]):
        return W3C  # header-less W3C; the reader decides whether a default field set fits
    return UNKNOWN
