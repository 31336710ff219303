"""What a person already knows besides the status code: the Win32 status or HRESULT, and the
HTTP.sys (HTTPERR) reason.

IIS logs write the Win32 status in decimal (`sc-win32-status` 1326); the detailed error page
shows an HRESULT (`0x8007052e`). For HRESULTs of the Win32 facility (`0x8007xxxx`) the low 16
bits are the Win32 code, so both spellings are folded into one number here; any other HRESULT
(`0x8009030e`, `0xc00000fd`) is kept whole.
"""

from __future__ import annotations

import re

from wizard.knowledge.record import record
from wizard.language.messages import _

_WIN32_FACILITY = 0x8007


class EvidenceError(ValueError):
    """A value that is neither a Win32 code nor an HRESULT, or an unknown HTTPERR reason form."""


def win32_key(value: int | str) -> int:
    """Fold `1326`, `"1326"`, `"0x8007052E"` and `2147943726` into the same number (1326)."""
    if isinstance(value, bool):
        raise EvidenceError(f"{value!r} is not a Win32 code or HRESULT")
    if isinstance(value, str):
        text = value.strip().lower()
        try:
            number = int(text, 16) if text.startswith("0x") else int(text)
        except ValueError:
            raise EvidenceError(f"{value!r} is not a Win32 code (1326) or an HRESULT (0x8007052e)") from None
    else:
        number = int(value)
    if number < 0:  # HRESULTs printed as signed 32-bit numbers have the failure bit set
        if number < -0x80000000 or number > -0x10000:
            raise EvidenceError(f"{value!r} is not a Win32 code (1326) or an HRESULT (0x8007052e)")
        number &= 0xFFFFFFFF
    if number > 0xFFFFFFFF:
        raise EvidenceError(f"{value!r} is larger than a 32-bit HRESULT")
    if number >> 16 == _WIN32_FACILITY:
        return number & 0xFFFF
    return number


def hresult_of(win32: int) -> str:
    """The HRESULT spelling of a folded code: `0x8007052e` for 1326, the number itself otherwise."""
    if win32 <= 0xFFFF:
        return "0x0" if win32 == 0 else f"0x{(_WIN32_FACILITY << 16) | win32:08x}"
    return f"0x{win32:08x}"


def reason_key(value: str) -> str:
    """HTTPERR reasons compare without case: `queuefull` finds `QueueFull`."""
    text = value.strip()
    if not text or not re.fullmatch(r"[A-Za-z0-9_/\-]+", text):
        raise EvidenceError(f"{value!r} is not an HTTPERR reason (such as QueueFull or Timer_ConnectionIdle)")
    return text.lower()


@record
class Evidence:
    """The extra facts given with a code; empty evidence answers nothing."""

    win32: int | None = None
    reason: str | None = None  # as given; compare with reason_key

    def __bool__(self) -> bool:
        return self.win32 is not None or self.reason is not None

    def matches(self, when: When | None) -> bool:
        """True when `when` names this evidence (any named value matching is enough)."""
        if when is None or not self:
            return False
        if self.win32 is not None and self.win32 in when.win32:
            return True
        return self.reason is not None and reason_key(self.reason) in when.reasons

    def describe(self) -> str:
        parts = []
        if self.win32 is not None:
            parts.append(
                f"Win32 {self.win32} ({hresult_of(self.win32)})"
                if self.win32 <= 0xFFFF
                else f"HRESULT {hresult_of(self.win32)}"
            )
        if self.reason:
            parts.append(_("HTTPERR reason {reason}").format(reason=self.reason))
        return ", ".join(parts)

    def to_dict(self) -> dict:
        return {"win32": self.win32, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict | None) -> Evidence:
        data = data or {}
        win32 = data.get("win32")
        return cls(None if win32 is None else win32_key(win32), data.get("reason"))


@record
class When:
    """An answer's `when`: the evidence values that pick that answer by themselves."""

    win32: frozenset[int] = frozenset()
    reasons: frozenset[str] = frozenset()  # reason_key form

    def overlaps(self, other: When) -> bool:
        return bool(self.win32 & other.win32 or self.reasons & other.reasons)
