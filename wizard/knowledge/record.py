"""Frozen records: what `@dataclass(frozen=True)` gives the model, without its cost at import.

`explain` builds every model class at start-up but, reading the tree cache, creates their
objects without calling `__init__`. The standard dataclass writes and compiles an `__init__`,
`__repr__`, `__eq__` and `__hash__` for each class when the class is made (and imports
`inspect` to do it); a record writes its `__init__` the first time an object is made that way,
and shares one plain implementation of the rest. Type checkers see a dataclass
(`dataclass_transform`): the same constructor signatures and the same frozen fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_options: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator


T = TypeVar("T")


class FrozenRecordError(AttributeError):
    """A field of a frozen record was assigned (as dataclasses.FrozenInstanceError)."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]):
        self.make = make


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made fresh for each object (`field(default_factory=dict)`)."""
    return _Factory(default_factory)


def fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(name, annotation as written) of every field of a record class, in constructor order."""
    return tuple((name, cls.__record_types__[name]) for name in cls.__record_fields__)  # type: ignore[attr-defined]


def is_record(value: object) -> bool:
    return hasattr(type(value), "__record_fields__")


def replace(value: T, **changes: Any) -> T:
    """A copy of a record with some fields changed (as dataclasses.replace, without calling __init__)."""
    names = type(value).__record_fields__  # type: ignore[attr-defined]
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    made = object.__new__(type(value))
    made.__dict__.update(value.__dict__)
    made.__dict__.update(changes)
    return made


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, order: bool = False, frozen: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *, order: bool = False, frozen: bool = True) -> Any:
    """Make `cls` a record of its annotated fields (fields of record bases first)."""

    def make(cls: type[T]) -> type[T]:
        names: list[str] = []
        types: dict[str, str] = {}
        defaults: dict[str, Any] = {}
        for base in reversed(cls.__mro__[1:]):
            for name in getattr(base, "__record_fields__", ()):
                if name not in names:
                    names.append(name)
            types.update(getattr(base, "__record_types__", {}))
            defaults.update(getattr(base, "__record_defaults__", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if str(annotation).startswith("ClassVar"):
                continue
            if name not in names:
                names.append(name)
            types[name] = str(annotation)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
                if isinstance(defaults[name], _Factory):
                    delattr(cls, name)  # a shared default object on the class would be a trap
        methods: dict[str, Any] = {
            "__record_fields__": tuple(names),
            "__record_types__": types,
            "__record_defaults__": defaults,
            "__match_args__": tuple(names),
            "__init__": _first_init,
            "__repr__": _repr,
            "__eq__": _eq,
            # frozen: hashable and not assignable; mutable and comparable: not hashable (as dataclasses)
            "__hash__": _hash if frozen else None,
        }
        if frozen:
            methods.update(__setattr__=_refuse, __delattr__=_refuse)
        if order:
            for name, compare in (
                ("lt", tuple.__lt__),
                ("le", tuple.__le__),
                ("gt", tuple.__gt__),
                ("ge", tuple.__ge__),
            ):
                methods[f"__{name}__"] = _ordering(compare)
        for name, value in methods.items():
            setattr(cls, name, value)
        return cls

    return make if cls is None else make(cls)


def _values(value: Any) -> tuple[Any, ...]:
    get = value.__dict__.__getitem__
    return tuple(map(get, type(value).__record_fields__))


def _repr(self: Any) -> str:
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_fields__)
    return f"{type(self).__qualname__}({inner})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _ordering(compare: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]) -> Callable[[Any, Any], Any]:
    def method(a: Any, b: Any) -> Any:
        if b.__class__ is not a.__class__:
            return NotImplemented
        return compare(_values(a), _values(b))

    return method


def _refuse(self: Any, name: str, *value: Any) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """Write this class's real `__init__` (as a dataclass would have), install it, and run it."""
    cls = type(self)
    cls.__init__ = _compile_init(cls)
    cls.__init__(self, *args, **kwargs)


def _compile_init(cls: type) -> Callable[..., None]:
    names = cls.__record_fields__  # type: ignore[attr-defined]
    defaults = cls.__record_defaults__  # type: ignore[attr-defined]
    scope: dict[str, Any] = {"_MISSING": _MISSING}
    params, body = [], ["    d = self.__dict__"]
    for name in names:
        if name not in defaults:
            params.append(name)
            body.append(f"    d[{name!r}] = {name}")
        elif isinstance(defaults[name], _Factory):
            scope[f"_make_{name}"] = defaults[name].make
            params.append(f"{name}=_MISSING")
            body.append(f"    d[{name!r}] = _make_{name}() if {name} is _MISSING else {name}")
        else:
            scope[f"_default_{name}"] = defaults[name]
            params.append(f"{name}=_default_{name}")
            body.append(f"    d[{name!r}] = {name}")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, scope)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


_MISSING = object()
