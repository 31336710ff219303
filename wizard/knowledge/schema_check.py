"""Check located YAML values against `decision_trees/schema.json`.

The published JSON Schema is the single description of the format: editors use it for
completion, and this module interprets the subset it uses (type, enum, pattern, required,
properties, patternProperties, additionalProperties, propertyNames, minProperties, items,
minItems, minLength, minimum, oneOf, $ref) so every finding lands on the exact line, with
a hint where YAML read something other than what the author meant.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from functools import lru_cache
from typing import Any

from wizard.knowledge.findings import Finding, Where
from wizard.knowledge.yaml_reader import Map, Scalar, Seq

_TYPE_NAMES = {"string": "text", "object": "a mapping", "array": "a list", "integer": "a whole number"}


@lru_cache(maxsize=4)
def load_schema(path: str | os.PathLike[str]) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


class SchemaChecker:
    """Validates one value; collects findings. Create one per schema and reuse it."""

    def __init__(self, schema: dict):
        self.root = schema
        self._patterns: dict[str, re.Pattern] = {}

    def check(self, value: Any, where: Where) -> list[Finding]:
        return self._check(value, self.root, where, "")

    # -- internals ---------------------------------------------------------------------------

    def _resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            ref = schema["$ref"]
            assert ref.startswith("#/$defs/"), ref
            schema = self.root["$defs"][ref[len("#/$defs/") :]]
        return schema

    def _pattern(self, pattern: str) -> re.Pattern:
        if pattern not in self._patterns:
            self._patterns[pattern] = re.compile(pattern)
        return self._patterns[pattern]

    def _type_ok(self, value: Any, expected: str) -> bool:
        if expected == "string":
            return isinstance(value, str)
        if expected == "object":
            return isinstance(value, Map)
        if expected == "array":
            return isinstance(value, Seq)
        if expected == "integer":
            return isinstance(value, int) and not isinstance(value, bool)
        if expected == "boolean":
            return isinstance(value, bool)
        return False

    def _check(self, value: Any, schema: dict[str, Any], where: Where, path: str) -> list[Finding]:
        schema = self._resolve(schema)
        if "oneOf" in schema:
            return self._one_of(value, schema, where, path)
        label = path or "the file"
        expected = schema.get("type")
        if expected and not self._type_ok(value, expected):
            return [Finding(where, f"{label}: {_describe_mismatch(value, expected)}")]
        out: list[Finding] = []
        if isinstance(value, str):
            if len(value) < schema.get("minLength", 0):
                out.append(Finding(where, f"{label}: must not be empty"))
            if "enum" in schema and value not in schema["enum"]:
                out.append(Finding(where, f"{label}: {value!r} is not one of {', '.join(schema['enum'])}"))
            if "pattern" in schema and not self._pattern(schema["pattern"]).search(value):
                hint = schema.get("x-hint") or f"expected the form {schema['pattern']}"
                out.append(Finding(where, f"{label}: {value!r} is not valid; {hint}"))
        if isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
            out.append(Finding(where, f"{label}: must be at least {schema['minimum']}"))
        if isinstance(value, Map):
            out.extend(self._object(value, schema, where, path))
            if "anyOf" in schema:
                branches = [self._check(value, b, where, path) for b in schema["anyOf"]]
                if all(branches):
                    out.extend(branches[0])
        if isinstance(value, Seq):
            if len(value) < schema.get("minItems", 0):
                out.append(Finding(where, f"{label}: needs at least {schema['minItems']} item(s)"))
            if "items" in schema:
                for i, item in enumerate(value):
                    out.extend(self._check(item, schema["items"], value.where[i], f"{path}[{i + 1}]"))
        return out

    def _object(self, value: Map, schema: dict, where: Where, path: str) -> list[Finding]:
        out: list[Finding] = []
        label = path or "the file"
        props = schema.get("properties", {})
        missing = [k for k in schema.get("required", []) if k not in value]
        if missing:
            out.append(Finding(where, f"{label}: missing required field(s): {', '.join(missing)}"))
        if len(value) < schema.get("minProperties", 0):
            out.append(Finding(where, f"{label}: must not be empty"))
        names = schema.get("propertyNames")
        for key, item in value.items():
            sub = f"{path}.{key}" if path else key
            item_where = value.where[key]
            if names is not None:
                out.extend(self._check(key, names, item_where, f"{label}: name {key!r}"))
            if key in props:
                out.extend(self._check(item, props[key], item_where, sub))
                continue
            matched = False
            for pattern, sub_schema in schema.get("patternProperties", {}).items():
                if self._pattern(pattern).search(key):
                    matched = True
                    out.extend(self._check(item, sub_schema, item_where, sub))
            if matched:
                continue
            extra = schema.get("additionalProperties", True)
            if extra is False:
                close = difflib.get_close_matches(key, list(props), n=1)
                hint = (
                    f"; did you mean {close[0]!r}?" if close else (f" (allowed: {', '.join(props)})" if props else "")
                )
                out.append(Finding(item_where, f"{label}: unknown field {key!r}{hint}"))
            elif isinstance(extra, dict):
                out.extend(self._check(item, extra, item_where, sub))
        return out

    def _one_of(self, value: Any, schema: dict[str, Any], where: Where, path: str) -> list[Finding]:
        results = []
        # Try the branch the value most looks like first: it usually fits, and the others
        # (with their costly "did you mean" hints) then need no checking at all.
        options = sorted(schema["oneOf"], key=lambda o: -self._affinity(value, self._resolve(o)))
        for option in options:
            findings = self._check(value, option, where, path)
            if not findings:
                return []
            results.append((self._affinity(value, self._resolve(option)), len(findings), findings))
        results.sort(key=lambda r: (-r[0], r[1]))
        fitting = [r for r in results if r[0] >= 0]
        if len(fitting) > 1 and fitting[0][0] == 0 and isinstance(value, Map):
            kinds = [self._resolve(o).get("required", [None])[0] for o in schema["oneOf"]]
            return [
                Finding(
                    where,
                    f"{path or 'the file'}: cannot tell what this is; "
                    f"it needs one of these fields: {', '.join(k for k in kinds if k)}",
                )
            ]
        return results[0][2]

    def _affinity(self, value: Any, option: dict[str, Any]) -> int:
        """How well a value fits a oneOf branch, to report the branch the author meant."""
        if "oneOf" in option:
            return max(self._affinity(value, self._resolve(o)) for o in option["oneOf"])
        expected = option.get("type")
        if expected and not self._type_ok(value, expected):
            return -1
        if isinstance(value, Map):
            required = option.get("required", [])
            if required and required[0] not in value:
                return 0
            return 1 + sum(1 for k in value if k in option.get("properties", {}))
        return 1


def _describe_mismatch(value: Any, expected: str) -> str:
    want = _TYPE_NAMES.get(expected, expected)
    if isinstance(value, Scalar):
        if expected == "string":
            if value.kind == "null":
                return "has no value; write the text or remove the field"
            why = {
                "float": "a number",
                "int": "a number",
                "bool": "true/false",
                "null": "empty",
            }.get(value.kind, "something other than text")
            return f'YAML read {value.source!r} as {why}; quote it: "{value.source}"'
        return f"expected {want}, found {value.source!r}"
    found = {Map: "a mapping", Seq: "a list", str: "text", int: "a number"}.get(type(value), type(value).__name__)
    return f"expected {want}, found {found}"
