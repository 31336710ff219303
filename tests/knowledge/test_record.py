"""Records behave as the frozen dataclasses they replace: constructor, equality, hashing, order, replace."""

from __future__ import annotations

import pytest

from wizard.knowledge.findings import Where
from wizard.knowledge.model import Subtree, Tree
from wizard.knowledge.record import FrozenRecordError, field, fields, record, replace


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
