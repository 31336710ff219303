"""Frozen records: what `@dataclass(frozen=True)` gives the model, without its cost at import.

`explain` builds every model class at start-up but, reading the tree cache, creates their
objects without calling `__init__`. The standard dataclass writes and compiles an `__init__`,
`__repr__`, `__eq__` and `__hash__` for each class when the class is made (and imports
`inspect` to do it); a record writes its `__init__` the first time an object is made that way,
and shares one plain implementation of the rest. Type checkers see a dataclass
(`dataclass_transform`): the same constructor signatures and the same frozen fields.

A record can also be made `deferred`: some fields now, the others read the first time any of them
is used. The tree cache makes its catalog entries that way, so `explain 403.1` decodes the text
of the entries it shows, not of all of them.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # `typing` alone costs ~3 ms of a plain start; type checkers take this block as true
if TYPE_CHECKING:
    from typing import Any, TypeVar, overload

    from typing_extensions import dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_options: object) -> Callable[[object], object]:
        return lambda decorator: decorator


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
    _complete(value)
    names = type(value).__record_fields__  # type: ignore[attr-defined]
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    made = object.__new__(type(value))
    made.__dict__.update(value.__dict__)
    made.__dict__.update(changes)
    return made


if TYPE_CHECKING:

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


def deferred(cls: type[T], known: dict[str, Any], rest: Callable[[], dict[str, Any]]) -> T:
    """An object of the record class `cls` with the fields in `known` set now; the first time another
    field is read (or the object is compared, hashed, shown or copied) `rest()` gives the others,
    and from then on it is an ordinary object of `cls`."""
    made: Any = object.__new__(_deferring(cls))
    made.__dict__.update(known)
    made.__dict__[_REST] = rest
    return made


#: Where a deferred object keeps the function that gives its other fields.
_REST = "__record_rest__"
_DEFERRING: dict[type, type] = {}
_RECORD_OF: dict[type, type] = {}  # each deferring class -> the record class it stands in for


def _deferring(cls: type) -> type:
    """`cls` with a `__getattr__` that completes the object (made once per class)."""
    found = _DEFERRING.get(cls)
    if found is None:
        body: dict[str, Any] = {
            "__getattr__": _read_rest,
            "__module__": cls.__module__,
            "__qualname__": cls.__qualname__,
        }
        # a field's default is a class attribute, which would answer before __getattr__ is asked
        body.update((name, _Pending(name)) for name in cls.__record_fields__ if hasattr(cls, name))  # type: ignore[attr-defined]
        found = _DEFERRING[cls] = type(cls.__name__, (cls,), body)
        _RECORD_OF[found] = cls
    return found


class _Pending:
    """A field of a deferring class that completes the object when read (unless it is set already)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        _complete(obj)
        return getattr(obj, self.name)


def _complete(value: Any) -> None:
    """Give a deferred object its other fields and its own class back; nothing for any other object."""
    state = value.__dict__
    rest = state.get(_REST)
    if rest is None:
        return
    state.update(rest())
    state.pop(_REST, None)
    own = _RECORD_OF.get(type(value))
    if own is not None:  # (another thread may have completed it meanwhile)
        object.__setattr__(value, "__class__", own)


def _read_rest(self: Any, name: str) -> Any:
    """Only called for a name the object does not have (yet)."""
    if _REST not in self.__dict__:
        raise AttributeError(name)
    _complete(self)
    return getattr(self, name)


def _values(value: Any) -> tuple[Any, ...]:
    _complete(value)
    get = value.__dict__.__getitem__
    return tuple(map(get, type(value).__record_fields__))


def _repr(self: Any) -> str:
    _complete(self)
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_fields__)
    return f"{type(self).__qualname__}({inner})"


def _same_class(a: Any, b: Any) -> bool:
    """Whether `b` compares with the record `a`: completed first, a deferred object is of its record class."""
    _complete(a)
    if _REST in getattr(b, "__dict__", ()):
        _complete(b)
    return b.__class__ is a.__class__


def _eq(self: Any, other: Any) -> Any:
    if not _same_class(self, other):
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _ordering(compare: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]) -> Callable[[Any, Any], Any]:
    def method(a: Any, b: Any) -> Any:
        if not _same_class(a, b):
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
