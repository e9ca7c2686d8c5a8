"""A step's `expect` is compared with the app's state: matches pass, mismatches are named."""

from __future__ import annotations

from engine.lessons import LessonState, failures


def state(**changes) -> LessonState:
    base = dict(phase="step", focus="w1", iteration=1, completed=1, diverged=False,
                tab="training", lab="activation", params={"w1": 0.1497807161327628},
                grads={"w1": 0.0004385677344743467, "w2": None}, loss=0.29102777369)  # fmt: skip
    return LessonState(**{**base, **changes})


def test_a_state_that_matches_has_no_failures():
    expect = {"phase": "step", "focus": "w1", "params": {"w1": 0.149780716},
              "grads": {"w1": 0.000438568}, "cleared": ["w2"], "loss": 0.291027774}  # fmt: skip
    assert failures(expect, state()) == []


def test_each_mismatch_is_named():
    expect = {"phase": "backward", "params": {"w1": 0.15}, "diverged": True, "cleared": ["w1"],
              "loss_below": 0.1, "tab": "race"}  # fmt: skip
    found = failures(expect, state())
    assert len(found) == 6
    assert any(line.startswith("params.w1 is 0.149780716") for line in found)
    assert any(line.startswith("phase is 'step'") for line in found)


def test_the_tolerance_is_absolute_and_can_be_widened():
    assert failures({"params": {"w1": 0.1497}}, state()) != []
    assert failures({"params": {"w1": 0.1497}, "tolerance": 1e-4}, state()) == []


def test_vanishing_ratios_are_compared_within_one_percent():
    shown = state(vanishing_ratio={"sigmoid": 3.92e-11})
    assert failures({"vanishing_ratio": {"sigmoid": 3.9e-11}}, shown) == []
    assert failures({"vanishing_ratio": {"sigmoid": 3.5e-11}}, shown) != []
    assert failures({"vanishing_ratio": {"relu": 0.5}}, shown) != []
