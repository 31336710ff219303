"""Read YAML into plain Python values that remember where each value was written.

PyYAML's YAML 1.1 rules quietly turn `404.10` into the float 404.1, `0x8007000d` into an
integer and `yes` into True, and keep only the last of two equal keys. We compose the node
graph ourselves (never constructing arbitrary objects), refuse duplicate and non-string keys
at their line, and keep the source text of every scalar so later checks can say "quote it".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wizard.knowledge.findings import Finding, Where
from wizard.knowledge.safe_text import first_control

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # libyaml is much faster; the pure-Python composer gives identical nodes.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

#: Limits for files from colleagues we must not trust: the largest built-in tree is far smaller.
MAX_BYTES = 1_000_000
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Scalar:
    """A non-string scalar with the text it was written as (for hints such as "quote it")."""

    value: object
    source: str
    kind: str  # "int", "float", "bool", "null", "other"

    def __repr__(self) -> str:
        return f"Scalar({self.source!r} -> {self.value!r})"


class Map(dict[str, Any]):
    """A mapping whose keys are strings; `where[key]` is where that key's value was written."""

    def __init__(self, where: Where):
        super().__init__()
        self.at = where
        self.where: dict[str, Where] = {}


class Seq(list[Any]):
    """A list; `where[i]` is where item i was written."""

    def __init__(self, where: Where):
        super().__init__()
        self.at = where
        self.where: list[Where] = []


def plain(value: Any) -> Any:
    """Strip locations and scalar wrappers: Map/Seq/Scalar back to dict/list/values."""
    if isinstance(value, Map):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, Seq):
        return [plain(v) for v in value]
    if isinstance(value, Scalar):
        return value.value
    return value


class _Converter:
    def __init__(self, file: str, findings: list[Finding]):
        self.file = file
        self.findings = findings
        self.constructor = yaml.SafeLoader("")  # only used to resolve scalar values safely
        self.seen: set[int] = set()

    def where(self, node: yaml.Node) -> Where:
        return Where.from_mark(self.file, node.start_mark)

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            self.findings.append(Finding(self.where(node), f"nesting is deeper than {MAX_DEPTH} levels"))
            return None
        if id(node) in self.seen:  # the same node again: an alias (*name) of an anchor (&name)
            self.findings.append(
                Finding(
                    self.where(node),
                    "anchors and aliases (&name, *name) are not supported in tree files; write the value out",
                )
            )
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            seq = Seq(self.where(node))
            for item in node.value:
                seq.append(self.convert(item, depth + 1))
                seq.where.append(self.where(item))
            return seq
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR:
            bad = first_control(node.value)
            if bad is not None:
                self.findings.append(
                    Finding(
                        self.where(node),
                        f"control character U+{ord(node.value[bad]):04X} in text (at character {bad + 1}); remove it",
                    )
                )
            return node.value
        kind = {_INT: "int", _FLOAT: "float", _BOOL: "bool", _NULL: "null"}.get(node.tag, "other")
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            value = node.value
        if kind == "int" and isinstance(value, bool):
            kind = "bool"
        if kind == "bool" and node.value in ("true", "false"):
            return value  # the one unambiguous spelling; yes/no/on/off stay suspicious
        if kind == "int":
            return value if _is_plain_decimal(node.value) else Scalar(value, node.value, kind)
        return Scalar(value, node.value, kind)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> Map:
        result = Map(self.where(node))
        for key_node, value_node in node.value:
            key_where = self.where(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.findings.append(Finding(key_where, "merge keys (<<) are not supported; write the fields out"))
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raw = getattr(key_node, "value", "?")
                self.findings.append(
                    Finding(
                        key_where,
                        f'key {raw!r} is not read as text by YAML; quote it: "{raw}"',
                    )
                )
                continue
            key = key_node.value
            if key in result:
                first = result.where[key]
                self.findings.append(
                    Finding(
                        key_where,
                        f"duplicate key {key!r} (first at line {first.line}); YAML would keep only the last one",
                    )
                )
                continue
            result[key] = self.convert(value_node, depth + 1)
            result.where[key] = self.where(value_node)
        return result


def _is_plain_decimal(text: str) -> bool:
    """True for ints written as ordinary decimals (`248072`), false for `0x1f`, `0o7`, `1_000`, `1:30`."""
    body = text.lstrip("+-")
    return body.isdigit() and not (len(body) > 1 and body.startswith("0"))


def read(path: Path, display: str | None = None) -> tuple[Any, list[Finding]]:
    """Read one YAML file. Returns (value or None, findings); never raises for bad content."""
    file = display or str(path)
    findings: list[Finding] = []
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Finding(Where(file), f"the file is {size:,} bytes; tree files may be at most {MAX_BYTES:,}")]
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Finding(Where(file), f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Finding(Where(file), f"cannot read: {exc.strerror or exc}")]
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        return None, [Finding(Where.from_mark(file, mark), f"YAML syntax: {problem}")]
    except yaml.YAMLError as exc:
        return None, [Finding(Where(file), f"YAML syntax: {exc}")]
    except RecursionError:
        return None, [Finding(Where(file), f"nesting is deeper than {MAX_DEPTH} levels")]
    if not nodes or nodes[0] is None:
        return None, [Finding(Where(file, 1, 1), "the file is empty")]
    if len(nodes) > 1:
        return None, [
            Finding(Where.from_mark(file, nodes[1].start_mark), "one document per file, please (found a second '---')")
        ]
    return _Converter(file, findings).convert(nodes[0]), findings
