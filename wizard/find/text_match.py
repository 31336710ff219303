"""`iisdoctor find`: from pasted text (an error page, a log line, a ticket sentence) to codes.

A code written in the text wins: `HTTP Error 403.14 - Forbidden`, `HTTP 500.12`, a W3C log
line's `404 3 50`, an FTP reply `530 User cannot log in`. Otherwise the words are weighed
against every code's title, meaning and the causes of its trees, in every language the trees
have, rarer words counting more. An HRESULT, Win32 status or HTTPERR reason found on the way is
passed on as evidence for the walk.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence, EvidenceError, win32_key
from wizard.knowledge.library import Library
from wizard.knowledge.model import CodeEntry, Outcome, Question, tr
from wizard.language.messages import N_, _

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "not",
        "of",
        "on",
        "or",
        "our",
        "please",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "too",
        "under",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
        "error",
        "errors",
        "http",
        "https",
        "iis",
        "server",
        "page",
        "web",
        "site",
        "website",
        "request",
        "requested",
        "get",
        "post",
        "see",
        "shows",
        "showing",
        "says",
        "said",
        "say",
        "getting",
        "got",
        "fail",
        "fails",
        "failed",
        "failing",
        "failure",
        "problem",
        "problems",
        "issue",
        "issues",
        "work",
        "works",
        "working",
        "broken",
        "doesn",
        "don",
        "try",
        "trying",
        "customer",
        "customers",
        "morning",
        "evening",
        "night",
        "today",
        "yesterday",
        "tomorrow",
        "since",
        "again",
        "suddenly",
        "always",
        "sometimes",
        "now",
        "still",
        "also",
        "just",
        "like",
    ]
)
#: Norwegian (bokmål) function words: tickets and localized error pages are often in Norwegian.
_STOP |= frozenset(
    [
        "alle",
        "andre",
        "bare",
        "ble",
        "blir",
        "deg",
        "den",
        "der",
        "det",
        "dem",
        "denne",
        "dere",
        "deres",
        "dette",
        "din",
        "ditt",
        "eller",
        "etter",
        "fra",
        "får",
        "har",
        "hadde",
        "hva",
        "hvor",
        "hvis",
        "ikke",
        "inn",
        "jeg",
        "kan",
        "kunne",
        "man",
        "med",
        "meg",
        "men",
        "min",
        "mitt",
        "når",
        "noe",
        "noen",
        "og",
        "også",
        "oss",
        "på",
        "seg",
        "selv",
        "sin",
        "sitt",
        "skal",
        "som",
        "til",
        "ved",
        "vil",
        "vår",
        "våre",
        "var",
        "være",
        "nok",
    ]
)

_DOTTED = re.compile(r"(?<![\w.])([1-5]\d\d)\.(\d{1,3})(?![\d.])")
_DASHED = re.compile(
    r"(?<![\w.\-/:])([1-5]\d\d)-(\d{1,3})(?![\w.\-/:])"
)  # `HTTP Error 500-12`, as IIS 5/6 pages write it
_TRIAD = re.compile(r"(?<!\S)([1-5]\d\d) (\d{1,3}) (\d{1,10})(?!\S)")
_NAMED = re.compile(r"\b(?:http(?:/\d\.\d)?\s*(?:error|status)?|error|status)\s*:?\s*([1-5]\d\d)\b(?![.\-]\d)", re.I)
_FTP_COMMANDS = (
    "USER|PASS|ACCT|CWD|CDUP|PWD|XPWD|MKD|XMKD|RMD|XRMD|DELE|RNFR|RNTO|RETR|STOR|STOU|APPE|LIST|NLST|MLSD|MLST|"
    "SIZE|MDTM|REST|ALLO|ABOR|NOOP|SYST|STAT|HELP|FEAT|OPTS|TYPE|MODE|STRU|PASV|EPSV|PORT|EPRT|AUTH|PBSZ|PROT|"
    "CCC|QUIT|HOST|ControlChannelOpened|ControlChannelClosed|DataChannelOpened|DataChannelClosed"
)
# An IIS FTP log line: the command, (its parameter,) then sc-status sc-win32-status sc-substatus.
_FTP_LOG = re.compile(rf"(?<!\S)(?:{_FTP_COMMANDS})(?!\S)(?:\s+\S+)??\s+([1-6]\d\d)\s+(\d{{1,10}})\s+(\d{{1,3}})(?!\S)")
_FTP_REPLY = re.compile(r"(?:^|\n|\bresponse:|\breply:)\s*([1-6]\d\d)[ -][A-Za-z]", re.I)
_HRESULT = re.compile(r"\b0x[0-9a-fA-F]{8}\b")
_WIN32_WORDS = re.compile(r"\b(?:win32(?:[ -]?status)?|sc-win32-status)\s*[:=]?\s*(\d{1,10})\b", re.I)


@dataclass(frozen=True)
class Logged:
    """One request read from a pasted log line: what the server answered."""

    protocol: str
    status: str
    sub: str | None
    win32: str | None
    line: str


def _logged(text: str) -> list[Logged]:
    """Requests on pasted log lines, read by the `#Fields:` header pasted with them, or, for an
    IIS FTP log line without one, in the FTP order (status, Win32 status, sub-status)."""
    out: list[Logged] = []
    fields: list[str] | None = None
    ftp_log = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            if line.lower().startswith("#fields:"):
                fields = line.split(":", 1)[1].split()
            elif line.lower().startswith("#software:") and "ftp" in line.lower():
                ftp_log = True
            continue
        values = line.split()
        if fields and len(values) == len(fields):
            row = dict(zip(fields, values))
            status = row.get("sc-status", "")
            if re.fullmatch(r"[1-6]\d\d", status):
                ftp = (
                    ftp_log
                    or "x-session" in row
                    or "x-fullpath" in row
                    or re.fullmatch(_FTP_COMMANDS, row.get("cs-method", "")) is not None
                )
                sub = row.get("sc-substatus")
                win32 = row.get("sc-win32-status")
                out.append(
                    Logged(
                        "ftp" if ftp else "http",
                        status,
                        sub if sub and sub.isdigit() else None,
                        win32 if win32 and win32.isdigit() else None,
                        line,
                    )
                )
                continue
        match = _FTP_LOG.search(line)
        if match:
            out.append(Logged("ftp", match[1], match[3], match[2], line))
    return out


@dataclass(frozen=True)
class Candidate:
    entry: CodeEntry
    score: int  # 0-100
    why: str  # in English, as `find --json` gives it
    shown_why: str = ""  # the same in the run's language, as `find` prints it ("": as `why`)


def _said(template: str, **values: object) -> tuple[str, str]:
    """A reason for a candidate in English and in the run's language; mark `template` with N_()."""
    return template.format(**values), _(template).format(**values)


@dataclass
class FindResult:
    candidates: list[Candidate]
    evidence: Evidence


def _stem(word: str) -> str:
    """A light English stemmer: `uploads`, `uploading`, `uploaded` all become `upload`,
    `stopping` and `stopped` become `stop`."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            stem = word[: -len(suffix)]
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeioulsz":
                stem = stem[:-1]
            return stem
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[^\W_]+", text.lower()) if len(w) > 2 and w not in _STOP and not w.isdigit()]


def _all_text(text) -> str:
    return " ".join(text.values()) if isinstance(text, dict) else (text or "")


def _entry_key(entry: CodeEntry) -> tuple:
    """One catalog entry (a code may have one per IIS generation)."""
    return entry.protocol, entry.code, entry.where.file, entry.where.line


class TextIndex:
    """Word sets per catalog entry and inverse document frequencies, built once per library."""

    def __init__(self, library: Library):
        self.library = library
        self.rows: list[tuple[CodeEntry, dict[str, Collection[str]]]] = []
        self.evidence: dict[tuple, tuple[set[int], set[str]]] = {}  # Win32 codes, reasons its walk knows
        self.pairs: dict[tuple, set[tuple[str, str]]] = {}  # adjacent words of title and meaning
        counts: dict[str, int] = {}
        for entry in library.codes():
            described = _words(_all_text(entry.title) + " . " + _all_text(entry.meaning))
            self.pairs[_entry_key(entry)] = set(zip(described, described[1:]))
            causes, steps = self._tree_text(entry)
            fields = {
                "title": set(_words(_all_text(entry.title))),
                "meaning": set(
                    _words(_all_text(entry.meaning) + " " + _all_text(entry.notes) + " " + (entry.component or ""))
                ),
                "causes": Counter(_words(causes)),
                "steps": Counter(_words(steps)),
            }
            self.rows.append((entry, fields))
            for word in set().union(*fields.values()):
                counts[word] = counts.get(word, 0) + 1
        total = max(1, len(self.rows))
        self.idf = {w: math.log(1 + total / c) for w, c in counts.items()}

    def _tree_text(self, entry: CodeEntry) -> tuple[str, str]:
        """One pass over the entry's tree: the words of its causes, questions and answers, the
        words of its fix steps, and (into `evidence`) the Win32 codes and reasons it knows."""
        win32, reasons = self.evidence.setdefault(_entry_key(entry), (set(), set()))
        tree = self.library.tree(entry.protocol, entry.code, V.newest(entry.versions))
        if tree is None:
            return "", ""
        causes, steps = [], []
        for node in tree.nodes.values():
            if isinstance(node, Outcome):
                causes += [_all_text(node.cause), _all_text(node.topic)]
                steps += [_all_text(s.text) for s in node.steps]
            elif isinstance(node, Question):
                causes += [_all_text(node.topic), _all_text(node.question)] + [_all_text(a.label) for a in node.answers]
                for answer in node.answers:
                    if answer.when:
                        win32.update(answer.when.win32)
                        reasons.update(answer.when.reasons)
        return " ".join(causes), " ".join(steps)


_WEIGHT = {"title": 3.0, "meaning": 2.0, "causes": 1.0, "steps": 0.5}


def _weight(field: str, bag, word: str) -> float:
    """Title and meaning count once; a word a tree keeps coming back to counts more, up to 2.5x."""
    if field in ("title", "meaning"):
        return _WEIGHT[field]
    return _WEIGHT[field] * min(2.5, 1.0 + 0.5 * math.log2(bag[word]))


_HALF = 25.0  # the word score at which a candidate shows half of the top word-only score


def find(
    library: Library,
    text: str,
    *,
    version: str | None = None,
    protocol: str | None = None,
    index: TextIndex | None = None,
    limit: int = 5,
) -> FindResult:
    """Rank codes for pasted `text`; the best first, at most `limit`."""
    index = index or TextIndex(library)
    logged = _logged(text)
    evidence = _evidence(library, text, logged)
    explicit = _from_logs(library, logged, version, protocol)
    rest = "\n".join(line for line in text.splitlines() if all(line.strip() != r.line for r in logged))
    explicit += [
        c
        for c in _explicit(library, rest, version, protocol)
        if all((c.entry.protocol, c.entry.code) != (e.entry.protocol, e.entry.code) for e in explicit)
    ]
    named = {c.entry.protocol for c in explicit}  # a text naming an HTTP code is not about FTP
    explicit += [
        c
        for c in _by_evidence(library, index, evidence, version, protocol, explicit)
        if not named or c.entry.protocol in named
    ]
    seen = {(c.entry.protocol, c.entry.code) for c in explicit}
    ranked = [c for c in _by_words(index, text, version, protocol) if (c.entry.protocol, c.entry.code) not in seen]
    if explicit:
        ranked = [c for c in ranked if c.score >= 40][: max(0, limit - len(explicit))]
    return FindResult((explicit + ranked)[:limit], evidence)


def _from_logs(library: Library, logged: list[Logged], version, protocol) -> list[Candidate]:
    """The codes on pasted log lines, each once, FTP lines as FTP codes."""
    found: list[Candidate] = []
    for row in logged:
        if protocol not in (None, row.protocol):
            continue
        code = row.status if row.protocol == "ftp" or row.sub in (None, "0") else f"{row.status}.{row.sub}"
        entry = library.entry(row.protocol, code, version)
        if entry is None and row.sub not in (None, "0"):
            entry = library.entry(row.protocol, f"{row.status}.{row.sub}", version) or library.entry(
                row.protocol, row.status, version
            )
        if entry is None and row.sub == "0":
            entry = library.entry(row.protocol, f"{row.status}.0", version)
        if entry is None or any(c.entry is entry for c in found):
            continue
        details = [(N_("status {status}"), {"status": row.status})]
        details += [(N_("sub-status {sub}"), {"sub": row.sub})] if row.sub else []
        details += [("Win32 {win32}", {"win32": row.win32})] if row.win32 else []
        english = ", ".join(text.format(**values) for text, values in details)
        shown = ", ".join(_(text).format(**values) for text, values in details)
        if row.protocol == "ftp":
            template = N_("an FTP log line shows {details}")
        else:
            template = N_("a log line shows {details}")
        why = template.format(details=english), _(template).format(details=shown)
        found.append(Candidate(entry, 95, *why))
    return found


def _explicit(library: Library, text: str, version, protocol) -> list[Candidate]:
    found: list[Candidate] = []

    def add(proto: str, code: str, score: int, why: tuple[str, str]) -> None:
        if protocol not in (None, proto):
            return
        entry = library.entry(proto, code, version)
        if entry is None and "." in code:
            parent = code.split(".")[0]
            entry = library.entry(proto, parent, version)
            if entry is not None:
                unknown = N_("{why} (sub-status .{sub} is not known; showing {parent})")
                sub = code.split(".")[1]
                why = (
                    unknown.format(why=why[0], sub=sub, parent=parent),
                    _(unknown).format(why=why[1], sub=sub, parent=parent),
                )
                score -= 5
        if entry is not None and all(c.entry is not entry for c in found):
            found.append(Candidate(entry, score, *why))

    for match in _DOTTED.finditer(text):
        add("http", f"{match[1]}.{match[2]}", 100, _said(N_("the text names {text}"), text=match[0]))
    for match in _DASHED.finditer(text):
        why = _said(N_("the text names {text} (status {code})"), text=match[0], code=f"{match[1]}.{match[2]}")
        add("http", f"{match[1]}.{match[2]}", 100, why)
    for match in _TRIAD.finditer(text):
        sub = match[2]
        code = match[1] if sub == "0" and not library.entry("http", f"{match[1]}.0", version) else f"{match[1]}.{sub}"
        why = _said(
            N_("a log line shows status {status}, sub-status {sub}, Win32 {win32}"),
            status=match[1],
            sub=sub,
            win32=match[3],
        )
        add("http", code, 95, why)
    for match in _NAMED.finditer(text):
        add("http", match[1], 90, _said(N_("the text names {text}"), text=match[0].strip()))
    if re.search(r"\bftp\b", text, re.I) or not found:
        for match in _FTP_REPLY.finditer(text):
            score = 90 if re.search(r"\bftp\b", text, re.I) else 80
            add("ftp", match[1], score, _said(N_("an FTP reply {code}"), code=match[1]))
    return found


def _by_evidence(
    library: Library, index: TextIndex, evidence: Evidence, version, protocol, already: list[Candidate]
) -> list[Candidate]:
    """Codes whose trees know the Win32 code / reason found in the text, or that HTTP.sys sends with it."""
    if not evidence:
        return []
    taken = {(c.entry.protocol, c.entry.code) for c in already}
    out = []
    reason = library.reason_entry(evidence.reason) if evidence.reason else None
    if reason is not None and reason.status and ("http", reason.status) not in taken:
        entry = library.entry("http", reason.status, version)
        if entry is not None:
            why = _said(N_("HTTP.sys logs reason {reason} with {status}"), reason=reason.reason, status=reason.status)
            out.append(Candidate(entry, 90, *why))
            taken.add(("http", reason.status))
    for entry, _fields in index.rows:
        key = (entry.protocol, entry.code)
        if key in taken or protocol not in (None, entry.protocol):
            continue
        if version is not None and version not in entry.versions:
            continue
        win32, reasons = index.evidence.get(_entry_key(entry), ((), ()))
        if evidence.win32 is not None and evidence.win32 in win32:
            out.append(Candidate(entry, 85, *_said(N_("its walk knows {evidence}"), evidence=evidence.describe())))
            taken.add(key)
        elif evidence.reason and evidence.reason.lower() in reasons:
            out.append(Candidate(entry, 85, *_said(N_("its walk knows reason {reason}"), reason=evidence.reason)))
            taken.add(key)
    return out


def _contains(sequence: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(sequence[i : i + n] == phrase for i in range(len(sequence) - n + 1))


def _by_words(index: TextIndex, text: str, version, protocol) -> list[Candidate]:
    sequence = _words(text)
    words = set(sequence)
    if not words:
        return []
    best: dict[tuple[str, str], tuple[float, CodeEntry, list[str], bool]] = {}
    # Most pasted text is about web pages: FTP codes need the text to mention FTP to rank on par.
    ftp_weight = 1.0 if re.search(r"\bftps?\b", text, re.I) else 0.6
    for entry, fields in index.rows:
        if protocol not in (None, entry.protocol):
            continue
        if version is not None and version not in entry.versions:
            continue
        score, hits = 0.0, []
        for word in words:
            weight = max((_weight(name, bag, word) for name, bag in fields.items() if word in bag), default=0)
            if weight:
                score += weight * index.idf.get(word, 1.0)
                hits.append(word)
        pairs = index.pairs.get(_entry_key(entry), set())
        for first, second in zip(sequence, sequence[1:]):
            if (first, second) in pairs:  # "content length", "application pool": phrases weigh more
                score += index.idf.get(first, 1.0) + index.idf.get(second, 1.0)
        title = _words(tr(entry.title))
        quoted = bool(score and len(title) >= 2 and _contains(sequence, title))
        if quoted:
            # Error pages and tickets often quote the title itself: "Directory Listing Denied".
            score += 1.5 * sum(index.idf.get(w, 1.0) for w in title)
        if score:
            score *= ftp_weight if entry.protocol == "ftp" else 1.0
            key = (entry.protocol, entry.code)
            if key not in best or best[key][0] < score:
                best[key] = (score, entry, hits, quoted)
    if not best:
        return []
    ranked = sorted(best.values(), key=lambda item: (-item[0], item[1].status, item[1].substatus or -1))
    out = []
    for score, entry, hits, quoted in ranked:
        scaled = round(75 * score / (score + _HALF))  # saturates: more matching words, more sure
        if scaled < 10:
            continue
        out.append(Candidate(entry, scaled, *_words_why(hits, quoted)))
    return out


def _words_why(hits: list[str], quoted: bool) -> tuple[str, str]:
    """`words: ...`, the matched words in order, "the title" among them when the text quotes the title."""
    template = N_("words: {words}")
    english = ", ".join(sorted(hits + (["the title"] if quoted else [])))
    shown = ", ".join(sorted(hits + ([_("the title")] if quoted else [])))
    return template.format(words=english), _(template).format(words=shown)


def _evidence(library: Library, text: str, logged: Sequence[Logged] = ()) -> Evidence:
    win32 = None
    hresults = [h for h in _HRESULT.findall(text) if h.lower() != "0x00000000"]
    from_logs = [r.win32 for r in logged if r.win32 and r.win32 != "0"]
    if hresults:
        win32 = win32_key(hresults[0])
    elif from_logs:
        win32 = win32_key(from_logs[0])
    elif logged:
        win32 = None  # log lines whose Win32 status is 0: no error to go on
    else:
        match = _WIN32_WORDS.search(text) or _TRIAD.search(text)
        if match:
            try:
                win32 = win32_key(match.groups()[-1])
            except EvidenceError:
                win32 = None
            if win32 == 0 and not _WIN32_WORDS.search(text):
                win32 = None  # `404 0 0`: no Win32 error to go on
    reason = None
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_/\-]+", text):
        # Only distinctive spellings (QueueFull, Timer_ConnectionIdle): plain words such as
        # "Forbidden" or "Header" are reasons too, but far more often just English.
        if "_" in token or re.search(r"[a-z][A-Z]", token):
            found = library.reason_entry(token)
            if found is not None:
                reason = found.reason
                break
    return Evidence(win32, reason)
