"""Records behave as the frozen dataclasses they replace: constructor, equality, hashing, order, replace."""

from __future__ import annotations

import pytest

from wizard.knowledge.findings import Where
from wizard.knowledge.model import Subtree, Tree
from wizard.knowledge.record import FrozenRecordError, deferred, field, fields, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: dict = field(default_factory=dict)


@record(frozen=False)
class Box:
    items: list = field(default_factory=list)


def test_constructor_takes_positions_keywords_and_defaults():
    assert Point(1) == Point(x=1, y=0)
    assert Point(1, 2).y == 2
    assert Point(1).tags == {} and Point(1).tags is not Point(1).tags  # a fresh default each time
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]  # x is required
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]


def test_frozen_records_refuse_assignment_and_hash_by_value():
    p = Point(1, 2)
    with pytest.raises(FrozenRecordError):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y
    assert hash(Point(3, 4, ())) == hash(Point(3, 4, ()))  # type: ignore[arg-type]
    assert Point(1) != Point(2) and Point(1) != (1, 0, {})
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags={})"


def test_mutable_records_can_change_and_are_not_hashable():
    box = Box()
    box.items.append(1)
    box.items = [2]
    assert box == Box([2])
    with pytest.raises(TypeError):
        hash(box)


def test_order_sorts_by_fields_in_turn():
    places = [Where("b.yaml", 1, 1), Where("a.yaml", 9, 1), Where("a.yaml", 2, 5)]
    assert sorted(places) == [Where("a.yaml", 2, 5), Where("a.yaml", 9, 1), Where("b.yaml", 1, 1)]


def test_fields_and_replace_follow_inheritance():
    names = [name for name, _annotation in fields(Tree)]
    assert names[:2] == ["key", "start"] and names[-3:] == ["protocol", "code", "versions"]
    assert dict(fields(Subtree))["title"] == "Text"
    tree = Tree(key="http:403.1", start="a", nodes={}, protocol="http", code="403.1")
    changed = replace(tree, start="b")
    assert changed.start == "b" and tree.start == "a" and changed.code == "403.1"
    with pytest.raises(TypeError):
        replace(tree, colour="red")


def test_a_deferred_record_reads_its_other_fields_once_when_first_used():
    calls = []

    def rest():
        calls.append(1)
        return {"y": 2, "tags": {"a": 1}}

    late = deferred(Point, {"x": 1}, rest)
    assert late.x == 1 and not calls  # a field it has: nothing read
    assert isinstance(late, Point) and type(late) is not Point
    assert late.y == 2 and late.tags == {"a": 1} and len(calls) == 1  # y has a class default: still read
    assert type(late) is Point and late == Point(1, 2, {"a": 1})
    assert late.tags is late.tags and len(calls) == 1
    with pytest.raises(AttributeError):
        late.nope  # noqa: B018
    with pytest.raises(FrozenRecordError):
        late.x = 3  # type: ignore[misc]


def test_deferred_records_compare_hash_show_and_copy_as_complete_ones():
    def make():
        return deferred(Point, {"x": 1}, lambda: {"y": 2, "tags": ()})

    assert Point(1, 2, ()) == make() and make() == Point(1, 2, ())  # type: ignore[arg-type]
    assert hash(make()) == hash(Point(1, 2, ()))  # type: ignore[arg-type]
    assert repr(make()) == "Point(x=1, y=2, tags=())"
    assert replace(make(), y=5) == Point(1, 5, ())  # type: ignore[arg-type]
    assert make() != Point(1, 3, ())  # type: ignore[arg-type]


def test_two_threads_completing_one_deferred_record_leave_it_whole():
    import threading
    import time

    both = threading.Barrier(2)

    def rest():
        time.sleep(0.05)  # both threads are inside here at once
        return {"y": 2, "tags": {}}

    late = deferred(Point, {"x": 1}, rest)
    seen = []

    def read():
        both.wait()
        seen.append(late.y)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [2, 2] and type(late) is Point and late == Point(1, 2, {})
