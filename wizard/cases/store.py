"""Cases: every walk is a record that can be saved, resumed and handed over.

A case holds the walk (the session's own JSON), the notes typed at each step, every outcome
that was shown (so a path abandoned with "back" is still on record), and how it ended. Cases
live one JSON file each in the user's data folder and are written atomically, so a crash or a
killed terminal never leaves a half-written case behind.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.knowledge.model import headline, tr
from wizard.knowledge.record import field, record, replace
from wizard.knowledge.safe_text import shown
from wizard.language.choice import DEFAULT, SUPPORTED
from wizard.language.messages import N_, _, current
from wizard.platform.folders import atomic_write, data_dir

if TYPE_CHECKING:
    from wizard.engine.session import Session

FORMAT = 1
OPEN, RESOLVED, NOT_RESOLVED, ESCALATED = "open", "resolved", "not-resolved", "escalated"
STATUSES = (OPEN, RESOLVED, NOT_RESOLVED, ESCALATED)
STATUS_LABELS = {
    OPEN: N_("Open"),
    RESOLVED: N_("Resolved"),
    NOT_RESOLVED: N_("Not resolved"),
    ESCALATED: N_("Escalated"),
}


def status_label(status: str) -> str:
    """ "Resolved", "Løst" ...: a case status as the run's language words it."""
    return _(STATUS_LABELS.get(status, status))


#: A case's id is its file name without `.json`; nothing else may name a file in the folder.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")


class CaseError(Exception):
    """A case file that cannot be read: says which file and why."""


def check_id(case_id: str) -> str:
    """`case_id` when it may name a file in the cases folder; CaseError otherwise."""
    if not ID_PATTERN.fullmatch(case_id):
        raise CaseError(_("{id!r} is not a case id (letters, digits, - and _ only)").format(id=case_id))
    return case_id


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    """Sortable by time, short enough to type: 20261126-081502-3fa9."""
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-") + os.urandom(2).hex()


@record
class Note:
    """Free text typed at one step of the walk: `step` moves had been made, standing at `at`."""

    step: int
    at: str
    text: str
    time: str


@record
class Case:
    id: str
    session: dict  # Session.to_dict()
    created: str
    updated: str
    notes: tuple[Note, ...] = ()
    tried: tuple[str, ...] = ()  # refs of every outcome shown, in order
    status: str = OPEN
    reason: str = ""  # why it was escalated, or a closing remark
    last: str = ""  # a short label of where the walk stands, for lists
    log: dict[str, Any] | None = None  # what the server's logs said, when the walk was opened from a scan
    ticket: str = ""  # the helpdesk ticket or customer this case is for; optional
    lang: str = DEFAULT  # the language it was last worked in; its reports speak it unless told otherwise

    @classmethod
    def new(cls, session: Session) -> Case:
        stamp = now()
        return cls(id=new_id(), session={}, created=stamp, updated=stamp).with_session(session)

    # -- changes (each returns a new case) -------------------------------------------------

    def with_session(self, session: Session) -> Case:
        tried = self.tried
        if session.finished and session.cursor.ref not in tried:
            tried = tried + (session.cursor.ref,)
        last = tr(headline(session.node))
        return replace(self, session=session.to_dict(), tried=tried, updated=now(), last=last, lang=current())

    def with_note(self, session: Session, text: str) -> Case:
        """Add a note (one of any number) to the step the session stands on; empty text adds nothing."""
        if not text.strip():
            return self
        note = Note(len(session.moves), session.cursor.ref, shown(text.strip()), now())
        return replace(self, notes=self.notes + (note,), updated=now())

    def with_note_edited(self, note: Note, text: str) -> Case:
        """Change the text of one note (keeping its step); empty text removes it."""
        notes: list[Note] = []
        for n in self.notes:
            if n is not note and n != note:
                notes.append(n)
            elif text.strip():
                notes.append(replace(n, text=shown(text.strip()), time=now()))
        return replace(self, notes=tuple(notes), updated=now())

    def with_ticket(self, ticket: str) -> Case:
        return replace(self, ticket=shown(" ".join(ticket.split())), updated=now())

    def notes_for(self, step: int, at: str) -> list[Note]:
        """Every note typed at this step, oldest first."""
        return [n for n in self.notes if (n.step, n.at) == (step, at)]

    @property
    def worth_keeping(self) -> bool:
        """A case is saved only once it holds something: an answer, a note, a ticket or a result."""
        return bool(self.session.get("moves") or self.notes or self.ticket or self.status != OPEN or self.log)

    def with_log(self, facts: dict[str, Any]) -> Case:
        """Record what the server's logs said about the combination this walk was opened for."""
        return replace(self, log=dict(facts), updated=now())

    def note_for(self, step: int, at: str) -> str:
        """The notes of a step as one text (older callers and lists)."""
        return "\n".join(n.text for n in self.notes_for(step, at))

    def closed(self, status: str, reason: str = "") -> Case:
        if status not in STATUSES:
            raise CaseError(_("unknown case status {status!r}").format(status=status))
        return replace(self, status=status, reason=shown(reason.strip()), updated=now())

    # -- reading -----------------------------------------------------------------------------

    @property
    def label(self) -> str:
        return f"{self.session.get('protocol', '?').upper()} {self.session.get('code', '?')}"

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "id": self.id,
            "created": self.created,
            "updated": self.updated,
            "status": self.status,
            "reason": self.reason,
            "last": self.last,
            "session": self.session,
            "tried": list(self.tried),
            "notes": [{"step": n.step, "at": n.at, "text": n.text, "time": n.time} for n in self.notes],
            **({"log": self.log} if self.log else {}),
            **({"ticket": self.ticket} if self.ticket else {}),
            "lang": self.lang,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Case:
        try:
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError(_("not a case file of a known format"))
            status = data.get("status", OPEN)
            if status not in STATUSES:
                raise ValueError(_("unknown case status {status!r}").format(status=status))
            session = data["session"]
            if not isinstance(session, dict) or not {"protocol", "code", "version", "moves"} <= session.keys():
                raise ValueError(_("the walk is missing"))
            return cls(
                id=str(data["id"]),
                session=session,
                created=str(data["created"]),
                updated=str(data["updated"]),
                status=status,
                reason=shown(str(data.get("reason", ""))),
                last=shown(str(data.get("last", ""))),
                tried=tuple(str(t) for t in data.get("tried", [])),
                notes=tuple(
                    Note(int(n["step"]), str(n["at"]), shown(str(n["text"])), str(n.get("time", "")))
                    for n in data.get("notes", [])
                ),
                log=_inert(data["log"]) if isinstance(data.get("log"), dict) else None,
                ticket=shown(str(data.get("ticket") or "")),
                lang=data["lang"] if data.get("lang") in SUPPORTED else DEFAULT,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CaseError(str(exc).strip("'\"") or _("unreadable")) from None


def _inert(value: Any) -> Any:
    """A case file's free data with every string's control characters made visible."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {shown(str(k)): _inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inert(v) for v in value]
    return value


@record(frozen=False)
class Listing:
    cases: list[Case] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file: why it was skipped"


class CaseStore:
    """One JSON file per case in a folder (by default `<user data dir>/cases`)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or Path(data_dir()) / "cases"

    def path(self, case_id: str) -> Path:
        """The file of a case; refused unless it lies directly inside the cases folder."""
        path = self.folder / f"{check_id(case_id)}.json"
        if path.resolve().parent != self.folder.resolve():
            raise CaseError(_("{id!r} does not name a file in {folder}").format(id=case_id, folder=self.folder))
        return path

    def save(self, case: Case) -> Path:
        path = self.path(case.id)
        atomic_write(path, json.dumps(case.to_dict(), indent=2, ensure_ascii=False).encode("utf-8"))
        return path

    def load(self, case_id: str) -> Case:
        path = self.path(self.resolve(case_id))
        return self._read(path)

    def _read(self, path: Path) -> Case:
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise CaseError(_("{path}: not a text file; the file is damaged").format(path=path)) from None
        except OSError as exc:
            raise CaseError(_("{path}: cannot be read ({why})").format(path=path, why=exc.strerror or exc)) from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CaseError(
                _("{path}: line {line}: not valid JSON ({why}); the file is damaged or truncated").format(
                    path=path, line=exc.lineno, why=exc.msg
                )
            ) from None
        try:
            case = Case.from_dict(data)
            return replace(case, id=check_id(path.stem))  # the file, not its content, says who it is
        except CaseError as exc:
            raise CaseError(f"{path}: {exc}") from None

    def resolve(self, prefix: str) -> str:
        """A full id from an id or a unique start of one (`20261126-0815`)."""
        prefix = check_id(prefix.strip())
        if self.path(prefix).is_file():
            return prefix
        found = sorted(p.stem for p in self._files() if p.stem.startswith(prefix))
        if len(found) == 1:
            return found[0]
        if not found:
            raise CaseError(_("no saved case {id!r} in {folder}").format(id=prefix, folder=self.folder))
        raise CaseError(_("{id!r} matches {n} cases; give more of the id").format(id=prefix, n=len(found)))

    def all(self) -> Listing:
        """Every readable case, newest first; damaged files are reported, never fatal."""
        listing = Listing()
        for path in self._files():
            try:
                listing.cases.append(self._read(path))
            except CaseError as exc:
                listing.problems.append(str(exc))
        listing.cases.sort(key=lambda c: c.updated, reverse=True)
        return listing

    def delete(self, case_id: str) -> None:
        self.path(self.resolve(case_id)).unlink()

    def _files(self) -> list[Path]:
        try:
            return sorted(p for p in self.folder.glob("*.json") if not p.name.startswith("."))
        except OSError:
            return []


def age(stamp: str, at: datetime | None = None) -> str:
    """`5 min ago`, `3 h ago`, `2 d ago` or `just now`: how long ago, for lists."""
    try:
        then = datetime.fromisoformat(stamp)
    except ValueError:
        return "?"
    seconds = max(0, int(((at or datetime.fromisoformat(now())) - then).total_seconds()))
    for unit, size in ((N_("{n} d ago"), 86400), (N_("{n} h ago"), 3600), (N_("{n} min ago"), 60)):
        if seconds >= size:
            return _(unit).format(n=seconds // size)
    return _("just now")
