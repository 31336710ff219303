"""The model as JSON text and back, for the tree cache.

JSON cannot run code when it is read, unlike pickle, so a cache file planted by someone else
can at worst be wrong. Decoding accepts only the model's own classes and checks every field's
type, so a file of the wrong shape raises `CodecError` (and the cache is rebuilt) instead of
surfacing later as a broken walk.

Encoding: a dataclass is `{"!": "Name", "f": [field values in order]}`, a tuple is
`{"!t": [...]}`, a frozenset is `{"!s": [...]}`; strings, numbers, None and dicts are as-is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from itertools import chain

from wizard.knowledge import model, record
from wizard.knowledge.evidence import When
from wizard.knowledge.findings import Where

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from typing import Any


class CodecError(ValueError):
    """The text is not a model this version of iisdoctor wrote."""


#: The only classes a cache file may name.
_CLASSES: dict[str, type] = {
    name: getattr(model, name)
    for name in [
        "Answer",
        "ClassEntry",
        "CodeEntry",
        "Example",
        "Jump",
        "KbRef",
        "Outcome",
        "Question",
        "ReasonEntry",
        "Step",
        "Subtree",
        "Tree",
        "Use",
        "Win32Entry",
    ]
}
_CLASSES.update({"Where": Where, "When": When})

_SIMPLE: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "None": (type(None),),
    "Text": (dict,),
    "frozenset": (frozenset,),
    "tuple": (tuple,),
    "dict": (dict,),
    "Mapping": (dict,),
    "Sequence": (tuple,),
    "Node": (model.Question, model.Outcome, model.Use),
}


def _allowed(annotation: str) -> tuple[type, ...]:
    """The runtime types a field annotation such as `Text | None` or `tuple[Step, ...]` admits."""
    kinds: list[type] = []
    depth, parts, current = 0, [], ""
    for ch in annotation:  # split on the `|` outside brackets only
        depth += (ch == "[") - (ch == "]")
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    for part in [*parts, current]:
        name = part.strip().split("[", 1)[0]
        kinds.extend(_SIMPLE.get(name) or (_CLASSES[name],))
    return tuple(kinds)


_FIELDS: dict[type, list[tuple[str, tuple[type, ...]]]] = {
    cls: [(name, _allowed(annotation)) for name, annotation in record.fields(cls)] for cls in _CLASSES.values()
}


_NAMES: dict[type, tuple[str, ...]] = {cls: tuple(name for name, _ in fields) for cls, fields in _FIELDS.items()}


def _encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return {"!t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset):
        return {"!s": sorted(value, key=repr)}
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if record.is_record(value) and not isinstance(value, type):
        name = type(value).__name__
        if name not in _CLASSES:
            raise CodecError(f"cannot encode {name}")
        return {"!": name, "f": [_encode(getattr(value, f)) for f, _kind in record.fields(type(value))]}
    if isinstance(value, str):
        return str(value)
    if value is None or isinstance(value, (int, float)):
        return value
    raise CodecError(f"cannot encode {type(value).__name__}")


def _decode_object(raw: dict[str, Any]) -> Any:
    if "!t" in raw:
        return tuple(raw["!t"])
    if "!s" in raw:
        items = raw["!s"]
        if not isinstance(items, list) or not all(isinstance(i, (str, int)) for i in items):
            raise CodecError("a set holds only strings and numbers")
        return frozenset(items)
    if "!" in raw:
        cls = _CLASSES.get(raw["!"]) if isinstance(raw["!"], str) else None
        values = raw.get("f")
        if cls is None or not isinstance(values, list) or len(values) != len(_FIELDS[cls]):
            raise CodecError(f"unexpected object {raw.get('!')!r}")
        for value, (name, kinds) in zip(values, _FIELDS[cls]):
            _check(cls, name, kinds, value)
        made: Any = object.__new__(cls)  # checked above; a frozen dataclass's __init__ would set each field again
        made.__dict__.update(zip(_NAMES[cls], values))
        return made
    return raw


def _check(cls: type, name: str, kinds: tuple[type, ...], value: Any) -> None:
    if not isinstance(value, kinds) or (value is True or value is False) and bool not in kinds:
        raise CodecError(f"{cls.__name__}.{name} has the wrong type")


def checked_columns(cls: type, names: Sequence[str], columns: Any) -> list[list[Any]]:
    """Columns of decoded values, one per field in `names` of the model class `cls` (a set of versions as a
    list), type-checked as `loads` checks whole objects but a column at a time; the sets made sets."""
    if type(columns) is not list or len(columns) != len(names) or any(type(c) is not list for c in columns):
        raise CodecError(f"expected {len(names)} columns of {cls.__name__} fields")
    kinds_of = dict(_FIELDS[cls])
    if len({len(c) for c in columns}) > 1:
        raise CodecError(f"columns of {cls.__name__} fields differ in length")
    out = []
    for name, column in zip(names, columns):
        kinds = set(kinds_of[name])
        if frozenset in kinds:
            sets = [v for v in column if v is not None]
            if not set(map(type, sets)) <= {list} or not set(map(type, chain.from_iterable(sets))) <= {str}:
                raise CodecError(f"{cls.__name__}.{name} has the wrong type")
            column = [None if v is None else frozenset(v) for v in column]
        if not set(map(type, column)) <= kinds:  # exact types: True is not an int here
            raise CodecError(f"{cls.__name__}.{name} has the wrong type")
        out.append(column)
    return out


def checker(cls: type, names: Sequence[str]) -> Callable[[Any], dict[str, Any]]:
    """A function that turns a list of decoded values for the fields `names` of the model class `cls` into
    those fields, type-checked as `loads` checks a whole object; a set of versions may come as a list."""
    kinds_of = dict(_FIELDS[cls])
    spec = [(name, kinds_of[name], frozenset in kinds_of[name]) for name in names]

    def check(values: Any) -> dict[str, Any]:
        if type(values) is not list or len(values) != len(spec):
            raise CodecError(f"expected {len(spec)} values of a {cls.__name__}")
        found: dict[str, Any] = {}
        for (name, kinds, sets), value in zip(spec, values):
            if sets and type(value) is list and all(type(v) is str for v in value):
                value = frozenset(value)
            _check(cls, name, kinds, value)
            found[name] = value
        return found

    return check


def dumps(value: Any) -> str:
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    """Decode text written by `dumps`; raises CodecError on anything else."""
    try:
        return json.loads(text, object_hook=_decode_object)
    except CodecError:
        raise
    except (ValueError, TypeError, RecursionError) as exc:
        raise CodecError(str(exc)) from None
