"""Add bokmål text to a decision tree without retyping its English.

    python scripts/nb_fields.py todo  decision_trees/http/403.1.yaml > 403.1.nb.yaml
    (translate every value in 403.1.nb.yaml, keep the keys)
    python scripts/nb_fields.py apply decision_trees/http/403.1.yaml 403.1.nb.yaml

`todo` prints every text field that has no `nb` yet, keyed by its place in the tree
(`nodes/exec-none/steps/2`), with the English as the value. `apply` turns each of those
fields into `{en: ..., nb: ...}` in place: the English keeps its exact lines and style, the
Norwegian is written below it, and nothing else in the file moves. It then reads the file
back and refuses to write unless every English text is unchanged and every Norwegian text
reads back as given.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import yaml

WIDTH = 96
TEXT_KEYS = ("title", "topic", "question", "how", "outcome")


class Field(NamedTuple):
    place: str  # "nodes/exec-none/steps/2"
    node: yaml.Node
    key_col: int | None  # column of the field's key; None for a bare list item
    flow: bool  # written inside {...} or [...]


def text_fields(root: yaml.Node) -> Iterator[Field]:
    """Every translatable text field of a tree or subtree file."""
    top = _mapping(root)
    if "title" in top:
        yield _field("title", root, "title")
    nodes = top.get("nodes")
    if not isinstance(nodes, yaml.MappingNode):
        return
    for key, value in nodes.value:
        fields = _mapping(value)
        base = f"nodes/{key.value}"
        for name in TEXT_KEYS:
            if name in fields:
                yield _field(f"{base}/{name}", value, name)
        for list_name, inner in (("answers", "label"), ("steps", "text"), ("kb", "title")):
            items = fields.get(list_name)
            if not isinstance(items, yaml.SequenceNode):
                continue
            for i, item in enumerate(items.value):
                if isinstance(item, yaml.ScalarNode):
                    yield Field(f"{base}/{list_name}/{i}", item, None, bool(items.flow_style))
                elif inner in _mapping(item):
                    yield _field(f"{base}/{list_name}/{i}/{inner}", item, inner)


def _field(place: str, parent: yaml.Node, name: str) -> Field:
    for key, value in parent.value:
        if key.value == name:
            return Field(place, value, key.start_mark.column, bool(parent.flow_style))
    raise KeyError(name)


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value}


def _needs_nb(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return True
    return isinstance(node, yaml.MappingNode) and "nb" not in _mapping(node)


def todo(path: Path) -> str:
    root = yaml.compose(path.read_text(encoding="utf-8"))
    wanted = {f.place: f.node.value for f in text_fields(root) if isinstance(f.node, yaml.ScalarNode)}
    return yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False, width=WIDTH) if wanted else ""


def _nb_scalar(text: str, indent: int) -> str:
    """`text` as a YAML scalar whose continuation lines sit at `indent` spaces."""
    one_line = "\n" not in text and len(text) + indent + 4 <= WIDTH
    if one_line:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    pad = " " * indent
    if "\n" in text:
        return "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))
    lines = textwrap.wrap(text, WIDTH - indent, break_long_words=False, break_on_hyphens=False)
    return ">-\n" + "\n".join(pad + line for line in lines)


def _replacement(source: str, field: Field, nb: str) -> tuple[int, int, str]:
    node = field.node
    start, end = node.start_mark.index, node.end_mark.index
    raw = source[start:end].rstrip()
    end = start + len(raw)
    if field.flow:  # inside {...}: stay on one line
        return start, end, "{en: " + raw + ", nb: " + json.dumps(nb, ensure_ascii=False) + "}"
    shifted = "\n".join(line.rstrip() for line in raw.replace("\n", "\n  ").split("\n"))
    if field.key_col is None:  # "- text" -> "- en: text" and "  nb: ..." at the item's column
        key_col, first = node.start_mark.column, ""
    else:  # "key: text" -> "key:", then "en: text" and "nb: ..." two columns in
        key_col = field.key_col + 2
        first = "\n" + " " * key_col
        while start > 0 and source[start - 1] == " ":  # no trailing blank after "key:"
            start -= 1
    new = f"{first}en: {shifted}\n{' ' * key_col}nb: {_nb_scalar(nb, key_col + 2)}"
    return start, end, new


def apply(path: Path, nb_file: Path) -> list[str]:
    """Write the translations in `nb_file` into `path`; return the problems (empty: written)."""
    source = path.read_text(encoding="utf-8")
    wanted = yaml.safe_load(nb_file.read_text(encoding="utf-8")) or {}
    if not isinstance(wanted, dict):
        return [f"{nb_file}: expected a mapping of place to Norwegian text"]
    fields = {f.place: f for f in text_fields(yaml.compose(source)) if _needs_nb(f.node)}
    problems = [f"{nb_file}: {place}: no such untranslated field" for place in wanted if place not in fields]
    problems += [f"{nb_file}: {p}: empty translation" for p, t in wanted.items() if not str(t or "").strip()]
    if problems:
        return problems
    edits = []
    for place, field in fields.items():
        if place not in wanted:
            continue
        if not isinstance(field.node, yaml.ScalarNode):
            return [f"{path}: {place}: already a mapping; add nb by hand"]
        edits.append(_replacement(source, field, str(wanted[place]).strip()))
    text = source
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    problems = _check(source, text, {p: str(t).strip() for p, t in wanted.items()})
    if not problems:
        path.write_text(text, encoding="utf-8")
    return problems


def _check(before: str, after: str, wanted: dict[str, str]) -> list[str]:
    old, new = yaml.safe_load(before), yaml.safe_load(after)
    problems = []
    for place, nb in wanted.items():
        value = _at(new, place)
        if not isinstance(value, dict) or value.get("en") != _at(old, place) or value.get("nb") != nb:
            problems.append(f"{place}: did not read back as written; nothing saved")
    if _strip_nb(new) != old:
        problems.append("the file's other content changed; nothing saved")
    return problems


def _at(data: object, place: str) -> object:
    if place == "title":
        return data.get("title") if isinstance(data, dict) else None
    _, node_id, *rest = place.split("/")
    value = data["nodes"][node_id] if isinstance(data, dict) else None
    for part in rest:
        value = value[int(part)] if part.isdigit() and isinstance(value, list) else value[part]  # type: ignore[index]
    return value


def _strip_nb(value: object) -> object:
    if isinstance(value, dict):
        if set(value) == {"en", "nb"}:
            return value["en"]
        return {k: _strip_nb(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_nb(v) for v in value]
    return value


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "todo":
        for name in argv[1:]:
            sys.stdout.write(todo(Path(name)))
        return 0
    if len(argv) == 3 and argv[0] == "apply":
        problems = apply(Path(argv[1]), Path(argv[2]))
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
