"""Explanations built late read the same numbers as explanations built at once."""

from __future__ import annotations

import pytest

from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import Stepper

CONFIGS = {
    "mazur": MAZUR,
    "adam-decay": MAZUR.replace(optimizer="adam", lr=0.05, weight_decay=0.1),
    "published-variant": MAZUR.replace(published_variant=True),
    "deep-lookahead": MAZUR.replace(
        layers=(2, 3, 3, 2), activations=("tanh", "relu", "sigmoid"), lookahead_k=2
    ),
    "xor": get_preset("xor"),
    "rosenbrock-momentum": get_preset("rosenbrock").replace(momentum=0.9, lr=0.001),
}


def _told(snapshot) -> tuple:
    return snapshot.explanation, snapshot.formula, [f.as_dict() for f in snapshot.formulas]


@pytest.mark.parametrize("name", CONFIGS)
def test_a_snapshot_read_three_iterations_later_tells_the_same(name: str) -> None:
    at_once, later = Stepper(CONFIGS[name]), Stepper(CONFIGS[name])
    read_at_once, kept = [], []
    while at_once.snapshot.completed < 3:
        read_at_once.append(_told(at_once.step_phase()))
        kept.append(later.step_phase())
    assert [_told(snapshot) for snapshot in kept] == read_at_once
