"""Turn a folder of YAML files into model objects, collecting findings instead of raising."""

from __future__ import annotations

import os

from wizard.knowledge import versions as V
from wizard.knowledge.evidence import When, reason_key, win32_key
from wizard.knowledge.findings import Finding, Where
from wizard.knowledge.model import (
    Answer,
    ClassEntry,
    CodeEntry,
    Example,
    Jump,
    KbRef,
    Node,
    Outcome,
    Question,
    ReasonEntry,
    Step,
    Subtree,
    Text,
    Tree,
    Use,
    Win32Entry,
)

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any, Protocol

    #: A folder or file as text or as a Path (the plain start keeps pathlib out: see `platform.folders`).
    StrPath = str | os.PathLike[str]

    from wizard.knowledge.schema_check import SchemaChecker

    class LoadCache(Protocol):
        """Keeps a clean load of a folder and hands it back while the folder is unchanged."""

        def get(self, folder: StrPath) -> LoadResult | None: ...

        def put(self, folder: StrPath, result: LoadResult) -> None: ...


class LoadResult:
    """Everything read from one or more folders, plus what was wrong with it."""

    def __init__(self) -> None:
        self.entries: list[CodeEntry] = []
        self.classes: list[ClassEntry] = []
        self.trees: list[Tree] = []
        self.subtrees: list[Subtree] = []
        self.win32: list[Win32Entry] = []
        self.reasons: list[ReasonEntry] = []
        self.findings: list[Finding] = []
        self.files = 0
        self.sound = False  # every reference is known to resolve (a checked copy from the cache)

    def merge(self, other: LoadResult) -> None:
        for name in ("entries", "classes", "trees", "subtrees", "win32", "reasons", "findings"):
            getattr(self, name).extend(getattr(other, name))
        self.files += other.files


def yaml_files(folder: StrPath) -> list[Path]:
    """Every .yaml/.yml file below `folder`, in a stable order."""
    from pathlib import Path

    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml")))
    return found


def load_folders(folders: Sequence[StrPath], *, cache: LoadCache | None = None) -> LoadResult:
    """Load folders in order; source 0 is the first (the built-in trees).

    With a `cache`, a clean load of the first folder is kept and reused while no file in it
    changes, so starting the wizard does not re-parse every tree.
    """
    checker = None
    result = LoadResult()
    sound = []
    for source, folder in enumerate(folders):
        if not os.path.isdir(folder):
            from pathlib import Path

            what = "folder not found" if not os.path.exists(folder) else "not a folder"
            result.findings.append(Finding(Where(str(Path(folder).absolute())), what))
            continue
        cached = cache if source == 0 else None
        part = cached.get(folder) if cached is not None else None
        if part is None:
            checker = checker or _checker()
            part = LoadResult()
            for path in yaml_files(folder):
                load_file(path, source, checker, part)
            if cached is not None and not part.findings:
                cached.put(folder, part)
        sound.append(part.sound)
        result.merge(part)
    result.sound = sound == [True]  # only the checked built-in copy, nothing added to it
    return result


def load_one(path: StrPath, source: int) -> LoadResult:
    """One file read again on its own (the cache's fallback when its copy of something is damaged)."""
    part = LoadResult()
    load_file(path, source, _checker(), part)
    return part


def _checker() -> SchemaChecker:
    """YAML parsing and schema checking are imported only when a cache miss needs them."""
    from wizard.knowledge.builtin import schema_path
    from wizard.knowledge.schema_check import SchemaChecker, load_schema

    return SchemaChecker(load_schema(schema_path()))


def load_file(path: StrPath, source: int, checker: SchemaChecker, result: LoadResult) -> None:
    from pathlib import Path

    from wizard.knowledge.yaml_reader import read

    path = Path(path)
    name = str(path.absolute())  # shown relative to the current folder (Where.shown)
    result.files += 1
    data, findings = read(path, name)
    result.findings.extend(findings)
    if data is None:
        return
    problems = checker.check(data, Where(name, 1, 1))
    if problems:
        result.findings.extend(problems)
        return
    if findings:  # duplicate or non-text keys: the content is not what the author wrote
        return
    _Builder(name, source, result).build(data)


def _text(value: Any) -> Text:
    return dict(value) if isinstance(value, dict) else {"en": value}


def _when(value: Any) -> When | None:
    if value is None:
        return None
    return When(
        win32=frozenset(win32_key(v) for v in value.get("win32", ())),
        reasons=frozenset(reason_key(r) for r in value.get("reason", ())),
    )


def _jump(value: Any) -> Jump | None:
    if value is None:
        return None
    return Jump(
        code=value["code"],
        protocol=value.get("protocol"),
        win32=win32_key(value["win32"]) if "win32" in value else None,
        reason=value.get("reason"),
    )


def _versions(value: Any) -> frozenset[str] | None:
    return None if value is None else V.expand(value)


class _Builder:
    def __init__(self, file: str, source: int, result: LoadResult):
        self.file = file
        self.source = source
        self.result = result

    def build(self, data: Any) -> None:
        if any(key in data for key in ("catalog", "classes", "win32", "reasons")):
            self._catalog(data)
        elif "subtree" in data:
            self.result.subtrees.append(Subtree(key=data["subtree"], title=_text(data["title"]), **self._graph(data)))
        else:
            self.result.trees.append(
                Tree(
                    key=f"{data['protocol']}:{data['code']}",
                    protocol=data["protocol"],
                    code=data["code"],
                    versions=_versions(data.get("versions")),
                    **self._graph(data),
                )
            )

    def _catalog(self, data: Any) -> None:
        for i, item in enumerate(data.get("catalog", [])):
            self.result.entries.append(
                CodeEntry(
                    protocol=item["protocol"],
                    code=item["code"],
                    title=_text(item["title"]),
                    meaning=_text(item["meaning"]),
                    versions=V.expand(item["versions"]),
                    component=item.get("component"),
                    changed=bool(item.get("changed", False)),
                    notes=_text(item["notes"]) if "notes" in item else None,
                    where=data["catalog"].where[i],
                    source=self.source,
                )
            )
        for i, item in enumerate(data.get("classes", [])):
            self.result.classes.append(
                ClassEntry(
                    protocol=item["protocol"],
                    klass=item["class"],
                    title=_text(item["title"]),
                    meaning=_text(item["meaning"]),
                    guidance=tuple(_text(g) for g in item.get("guidance", [])),
                    where=data["classes"].where[i],
                )
            )
        for i, item in enumerate(data.get("win32", [])):
            self.result.win32.append(
                Win32Entry(
                    code=win32_key(item["code"]),
                    name=item["name"],
                    meaning=_text(item["meaning"]),
                    in_iis=_text(item["in_iis"]) if "in_iis" in item else None,
                    where=data["win32"].where[i],
                    source=self.source,
                )
            )
        for i, item in enumerate(data.get("reasons", [])):
            self.result.reasons.append(
                ReasonEntry(
                    reason=item["reason"],
                    meaning=_text(item["meaning"]),
                    status=item.get("status"),
                    fix=_text(item["fix"]) if "fix" in item else None,
                    where=data["reasons"].where[i],
                    source=self.source,
                )
            )

    def _graph(self, data: Any) -> dict[str, Any]:
        nodes = {}
        for node_id, raw in data["nodes"].items():
            nodes[node_id] = self._node(node_id, raw, data["nodes"].where[node_id])
        examples = tuple(
            Example(
                answers=tuple(ex["answers"]),
                expect=ex["expect"],
                version=ex.get("version"),
                where=data["examples"].where[i],
                win32=win32_key(ex["win32"]) if "win32" in ex else None,
                reason=ex.get("reason"),
            )
            for i, ex in enumerate(data.get("examples", []))
        )
        return dict(
            start=data["start"],
            nodes=nodes,
            examples=examples,
            where=Where(self.file, 1, 1),
            source=self.source,
            start_where=data.where["start"],
        )

    def _node(self, node_id: str, raw: Any, where: Where) -> Node:
        versions = _versions(raw.get("versions"))
        topic = _text(raw["topic"]) if "topic" in raw else None
        if "question" in raw:
            answers = tuple(
                Answer(
                    label=_text(a["label"]),
                    next=a.get("next"),
                    versions=_versions(a.get("versions")),
                    where=raw["answers"].where[i],
                    when=_when(a.get("when")),
                    goto=_jump(a.get("goto")),
                )
                for i, a in enumerate(raw["answers"])
            )
            return Question(
                id=node_id,
                topic=topic or {"en": ""},
                question=_text(raw["question"]),
                answers=answers,
                how=_text(raw["how"]) if "how" in raw else None,
                commands=tuple(raw.get("commands", ())),
                versions=versions,
                otherwise=raw.get("otherwise"),
                where=where,
            )
        if "outcome" in raw:
            steps = tuple(
                Step(text=_text(s))
                if not isinstance(s, dict) or "text" not in s
                else Step(text=_text(s["text"]), command=s.get("command"), versions=_versions(s.get("versions")))
                for s in raw["steps"]
            )
            kb = tuple(KbRef(id=k["id"], title=_text(k["title"])) for k in raw.get("kb", ()))
            return Outcome(
                id=node_id,
                cause=_text(raw["outcome"]),
                steps=steps,
                topic=topic,
                kb=kb,
                next=raw.get("next"),
                versions=versions,
                where=where,
                goto=_jump(raw.get("goto")),
            )
        return Use(id=node_id, subtree=raw["use"], then=raw.get("then"), topic=topic, versions=versions, where=where)
