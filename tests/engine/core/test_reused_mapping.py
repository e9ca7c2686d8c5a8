"""Reused read-only mappings: handed back only while their contents are truly the same."""

from __future__ import annotations

import math

import pytest

from engine.core.reused_mapping import ReusedMapping

KEYS = ["w1", "w2"]


def test_equal_values_give_back_the_same_mapping():
    reused = ReusedMapping()
    first = reused.of(KEYS, [0.5, 0.25])
    assert reused.of(KEYS, [0.5, 0.25]) is first
    assert dict(first) == {"w1": 0.5, "w2": 0.25}


def test_a_changed_value_gives_a_new_mapping():
    reused = ReusedMapping()
    first = reused.of(KEYS, [0.5, 0.25])
    second = reused.of(KEYS, [0.5, 0.125])
    assert second is not first and second["w2"] == 0.125 and first["w2"] == 0.25


def test_the_sign_of_zero_is_not_lost():
    reused = ReusedMapping()
    reused.of(KEYS, [0.0, 1.0])
    negative = reused.of(KEYS, [-0.0, 1.0])  # equal to 0.0, but prints differently
    assert math.copysign(1.0, negative["w1"]) == -1.0


def test_nan_and_numbers_replace_each_other():
    reused = ReusedMapping()
    reused.of(KEYS, [1.0, 1.0])
    assert math.isnan(reused.of(KEYS, [math.nan, 1.0])["w1"])
    assert reused.of(KEYS, [1.0, 1.0])["w1"] == 1.0


def test_other_keys_give_a_new_mapping():
    reused = ReusedMapping()
    reused.of(KEYS, [1.0, 2.0])
    assert list(reused.of(["b1", "b2"], [1.0, 2.0])) == ["b1", "b2"]


def test_mappings_are_read_only():
    mapping = ReusedMapping().of(KEYS, [1.0, 2.0])
    with pytest.raises(TypeError):
        mapping["w1"] = 3.0  # type: ignore[index]


def test_a_view_follows_the_object_it_views():
    reused = ReusedMapping()
    states = {"w1": {"momentum": 0.1}}
    view = reused.view(states)
    assert reused.view(states) is view and view["w1"] == {"momentum": 0.1}
    assert reused.view({"w1": {}}) is not view


def test_a_grown_dict_gives_a_new_mapping_and_the_same_size_does_not():
    reused, owner, seen = ReusedMapping(), object(), {"h1": 1.0}
    first = reused.grown(owner, len(seen), lambda: dict(seen))
    assert reused.grown(owner, len(seen), lambda: {"rebuilt": 0.0}) is first
    seen["h2"] = 2.0
    grown = reused.grown(owner, len(seen), lambda: dict(seen))
    assert dict(grown) == {"h1": 1.0, "h2": 2.0}
    assert dict(reused.grown(object(), len(seen), lambda: {"other": 0.0})) == {"other": 0.0}
