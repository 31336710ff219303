"""IIS versions as first-class data: parsing tokens such as "6.0" or "7.0+" into sets."""

from __future__ import annotations

from collections.abc import Iterable

#: Every IIS version the trees may name, oldest first.
KNOWN: tuple[str, ...] = ("5.0", "6.0", "7.0", "7.5", "8.0", "8.5", "10.0")

ALL: frozenset[str] = frozenset(KNOWN)


def normalize(version: str) -> str | None:
    """Accept what people type (`6`, `10`, `iis6`, `7.5`) and return the known form, or None."""
    text = version.strip().lower().removeprefix("iis").strip()
    if text in KNOWN:
        return text
    if text.isdigit() and f"{text}.0" in KNOWN:
        return f"{text}.0"
    return None


def expand(tokens: Iterable[str] | None) -> frozenset[str]:
    """Turn a `versions` list into the set of versions it covers; None means every version."""
    if tokens is None:
        return ALL
    out: set[str] = set()
    for token in tokens:
        if token.endswith("+"):
            base = token[:-1]
            out.update(KNOWN[KNOWN.index(base) :])
        else:
            out.add(token)
    return frozenset(out)


def describe(versions: frozenset[str]) -> str:
    """Short human form: `5.0, 6.0` or `7.0+`."""
    ordered = [v for v in KNOWN if v in versions]
    if not ordered:
        return "none"
    first = KNOWN.index(ordered[0])
    if len(ordered) > 1 and ordered == list(KNOWN[first:]):
        return f"{ordered[0]}+"
    return ", ".join(ordered)


def newest(versions: frozenset[str]) -> str:
    """The newest version of a set (the default when the user has not chosen one)."""
    return max(versions, key=KNOWN.index)


_WINDOWS = {
    "5.0": "Windows 2000",
    "6.0": "Server 2003",
    "7.0": "Server 2008",
    "7.5": "Server 2008 R2",
    "8.0": "Server 2012",
    "8.5": "Server 2012 R2",
    "10.0": "Server 2016+",
}


def label(version: str) -> str:
    """`IIS 7.5 (Server 2008 R2)`: helpdesk staff often know the Windows release, not the IIS one."""
    windows = _WINDOWS.get(version)
    return f"IIS {version} ({windows})" if windows else f"IIS {version}"


def sort_key(versions: Iterable[str]) -> int:
    """Orders sets of versions by the oldest version in each."""
    return min((KNOWN.index(v) for v in versions if v in KNOWN), default=len(KNOWN))
