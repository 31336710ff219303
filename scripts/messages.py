"""Keep the interface catalogs in step with the code.

    python scripts/messages.py update    # add new strings to wizard/language/<lang>/<area>.po, drop gone ones
    python scripts/messages.py compile   # join each language's .po files into LC_MESSAGES/iisdoctor.mo
    python scripts/messages.py check     # what is untranslated or stale (the test runs the same check)

A string is in the catalog when the code passes a literal to `_()`, `N_()` or `ngettext()`.
Each string lives in the .po of the first package (cli, ui, views ...) that uses it, so people
can translate areas in parallel without touching the same file.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wizard"
LOCALES = PACKAGE / "language"
LANGS = ("nb",)
HEADER = (
    "Project-Id-Version: iisdoctor\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Language: {lang}\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


@dataclass
class Entry:
    msgid: str
    plural: str | None = None
    context: str | None = None  # pgettext's context, for one English word with two meanings
    strings: list[str] = field(default_factory=list)  # one, or one per plural form
    refs: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The .mo key: `context\x04msgid`, with `\0plural` for plural entries (GNU gettext's layout)."""
        head = self.msgid if self.context is None else f"{self.context}\x04{self.msgid}"
        return head if self.plural is None else f"{head}\0{self.plural}"

    def translated(self) -> bool:
        wanted = 1 if self.plural is None else 2
        return len(self.strings) == wanted and all(s.strip() for s in self.strings)


def area_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else "wizard"


def extract() -> dict[str, Entry]:
    """Every literal passed to _(), N_() or ngettext() in the package, in file order."""
    found: dict[str, Entry] = {}
    areas: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            if node.func.id in ("_", "N_") and args and args[0] is not None:
                entry = Entry(args[0])
            elif node.func.id == "ngettext" and len(args) >= 2 and args[0] is not None and args[1] is not None:
                entry = Entry(args[0], args[1])
            elif node.func.id in ("pgettext", "NC_") and len(args) == 2 and None not in args:
                entry = Entry(str(args[1]), context=args[0])
            else:
                continue
            ref = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
            kept = found.setdefault(entry.key, entry)
            kept.refs.append(ref)
            areas.setdefault(entry.key, area_of(path))
    for key, entry in found.items():
        entry.refs.insert(0, areas[key])  # the area rides along as the first "ref"
    return found


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def read_po(path: Path) -> dict[str, Entry]:
    """The entries of one .po file (header left out)."""
    entries: dict[str, Entry] = {}
    current: Entry | None = None
    target: str | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if current is None or target is None:
                raise ValueError(f"{path}:{number}: text continues no entry")
            value = _unquote(line)
        elif keyword == "msgctxt":
            if current is not None and current.msgid:
                entries[current.key] = current
            current, target, value = Entry("", context=""), "context", _unquote(rest)
        elif keyword == "msgid":
            if current is not None and current.msgid:
                entries[current.key] = current
            if current is None or current.msgid or current.context is None:
                current = Entry("")
            target, value = "msgid", _unquote(rest)
        elif keyword == "msgid_plural" and current is not None:
            current.plural, target, value = "", "plural", _unquote(rest)
        elif keyword.startswith("msgstr") and current is not None:
            current.strings.append("")
            target, value = "str", _unquote(rest)
        else:
            raise ValueError(f"{path}:{number}: cannot read {line[:40]!r}")
        if target == "context":
            current.context = (current.context or "") + value
        elif target == "msgid":
            current.msgid += value
        elif target == "plural":
            current.plural = (current.plural or "") + value
        else:
            current.strings[-1] += value
    if current is not None and current.msgid:
        entries[current.key] = current
    return entries


def write_po(path: Path, lang: str, entries: list[Entry]) -> None:
    lines = ['msgid ""', 'msgstr ""']
    lines += [_quote(line + "\n") for line in HEADER.format(lang=lang).splitlines()]
    for entry in entries:
        lines.append("")
        lines += [f"#: {ref}" for ref in entry.refs[1:4]]
        if entry.context is not None:
            lines.append(f"msgctxt {_quote(entry.context)}")
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.plural is None:
            lines.append(f"msgstr {_quote(entry.strings[0] if entry.strings else '')}")
        else:
            lines.append(f"msgid_plural {_quote(entry.plural)}")
            strings = entry.strings + [""] * (2 - len(entry.strings))
            lines += [f"msgstr[{i}] {_quote(s)}" for i, s in enumerate(strings[:2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def po_files(lang: str) -> list[Path]:
    return sorted((LOCALES / lang).glob("*.po"))


def translations(lang: str) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for path in po_files(lang):
        merged.update(read_po(path))
    return merged


def update() -> None:
    source = extract()
    for lang in LANGS:
        known = translations(lang)
        by_area: dict[str, list[Entry]] = {}
        for key, entry in source.items():
            if key in known:
                entry.strings = known[key].strings
            by_area.setdefault(entry.refs[0], []).append(entry)
        for path in po_files(lang):
            if path.stem not in by_area:
                path.unlink()
        for area, entries in by_area.items():
            write_po(LOCALES / lang / f"{area}.po", lang, entries)


def mo_bytes(lang: str) -> bytes:
    """GNU gettext's .mo layout for the translated entries of `lang` (untranslated ones fall back to English)."""
    pairs = {"": HEADER.format(lang=lang)}
    for entry in translations(lang).values():
        if entry.translated():
            pairs[entry.key] = "\0".join(entry.strings)
    keys = sorted(pairs, key=lambda k: k.encode("utf-8"))
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    start = 7 * 4 + 16 * len(keys)
    offsets, blob = [], b""
    for data in ids + strs:
        offsets.append((len(data), start + len(blob)))
        blob += data + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    table = b"".join(struct.pack("<2I", n, o) for n, o in offsets)
    return header + table + blob


def mo_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "iisdoctor.mo"


def compile_all() -> None:
    for lang in LANGS:
        mo_path(lang).parent.mkdir(parents=True, exist_ok=True)
        mo_path(lang).write_bytes(mo_bytes(lang))


def problems(lang: str) -> list[str]:
    """Untranslated, stale or mismatched strings of `lang`; empty when the catalog is complete."""
    source, known = extract(), translations(lang)
    found = []
    for key, entry in source.items():
        where = entry.refs[1]
        have = known.get(key)
        if have is None:
            found.append(f"{where}: not in the {lang} catalog (run scripts/messages.py update): {entry.msgid!r}")
        elif not have.translated():
            found.append(f"{where}: no {lang} translation: {entry.msgid!r}")
        else:
            wanted = set(PLACEHOLDER.findall(entry.msgid + (entry.plural or "")))
            for text in have.strings:
                used = set(PLACEHOLDER.findall(text))
                # a plural form may leave out the count ("the last step"), never add a name
                if used - wanted or (entry.plural is None and used != wanted):
                    found.append(f"{where}: {lang} translation has other {{placeholders}}: {entry.msgid!r}")
    found += [f"{lang}: {k.split(chr(0))[0]!r} is no longer used (run update)" for k in known if k not in source]
    if mo_path(lang).exists() and mo_path(lang).read_bytes() != mo_bytes(lang):
        found.append(f"{mo_path(lang).relative_to(ROOT)} is older than its .po files (run scripts/messages.py compile)")
    return found


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
        return 0
    if argv == ["compile"]:
        compile_all()
        return 0
    if argv == ["check"]:
        found = [p for lang in LANGS for p in problems(lang)]
        print("\n".join(found) or "catalogs complete")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
