"""Snapshot.from_fields builds the same frozen Snapshot as its constructor, or refuses."""

from __future__ import annotations

import dataclasses

import pytest

from engine.core.snapshot import Snapshot
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def some_fields() -> dict[str, object]:
    snapshot = Stepper(MAZUR).step_phase()
    return {f.name: getattr(snapshot, f.name) for f in dataclasses.fields(Snapshot)}


def test_from_fields_equals_the_constructor():
    fields = some_fields()
    built = Snapshot.from_fields(dict(fields))
    assert built == Snapshot(**fields) and type(built) is Snapshot


def test_from_fields_is_frozen_too():
    built = Snapshot.from_fields(some_fields())
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.tick = 5  # type: ignore[misc]


@pytest.mark.parametrize("change", ["missing", "extra"])
def test_from_fields_refuses_anything_but_exactly_its_fields(change):
    fields = some_fields()
    if change == "missing":
        del fields["loss"]
    else:
        fields["lossy"] = 1.0
    with pytest.raises(TypeError, match="loss"):
        Snapshot.from_fields(fields)


def test_snapshots_share_unchanged_mappings_and_never_stale_ones():
    stepper = Stepper(MAZUR)
    zero_grad, forward = stepper.step_phase(), stepper.step_phase()
    assert forward.params is zero_grad.params  # no parameter moved
    assert forward.neurons is not zero_grad.neurons and "h1" in forward.neurons
    while stepper.snapshot.phase != "step":
        stepper.step_phase()
    first_step = stepper.snapshot
    second_step = stepper.step_phase()
    assert first_step.params != second_step.params  # one more parameter revealed
    assert first_step.params[first_step.focus] == second_step.params[first_step.focus]
