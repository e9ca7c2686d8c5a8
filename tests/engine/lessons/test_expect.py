"""A step's `expect` is compared with the app's state: matches pass, mismatches are named."""

from __future__ import annotations

from engine.lessons import LessonState, failures
from engine.lessons.loop_facts import LoopFacts
from engine.training.evaluation import Evaluation


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


def loop_state() -> LessonState:
    evaluations = (Evaluation(1, 0.6, 0.49, 0.78), Evaluation(2, 0.44, 0.42, 0.81))
    facts = LoopFacts(batch_size=32, epoch=2, batch=10, lr=0.25, clip_scale=0.8387,
                      evaluations=evaluations)  # fmt: skip
    return state(loop=facts)


def test_loop_facts_that_match_have_no_failures():
    expect = {"batch_size": 32, "epoch": 2, "batch": 10, "lr": 0.25, "clip_scale": 0.8387,
              "evaluated": 2, "train_loss": 0.44, "val_loss": 0.42,
              "val_accuracy_above": 0.81, "val_accuracy_below": 0.82}  # fmt: skip
    assert failures(expect, loop_state()) == []


def test_each_loop_mismatch_is_named_and_the_last_epoch_counts():
    expect = {"batch_size": 16, "epoch": 1, "batch": 9, "lr": 0.5, "clip_scale": 1.0,
              "evaluated": 1, "train_loss": 0.6, "val_loss": 0.49,
              "val_accuracy_above": 0.9, "val_accuracy_below": 0.8}  # fmt: skip
    found = failures(expect, loop_state())
    assert len(found) == len(expect)
    assert "val_accuracy is 0.81, expected at least 0.9" in found
    assert any(line.startswith("lr is 0.25") for line in found)


def test_loop_expectations_fail_when_there_is_nothing_to_check():
    no_loop = state()
    assert failures({"batch_size": 4}, no_loop) == ["batch_size is None, expected 4"]
    unevaluated = state(loop=LoopFacts(4, 1, 1, 0.5, None))
    assert failures({"val_accuracy_above": 0.0}, unevaluated) != []
    assert failures({"clip_scale": 1.0}, unevaluated) != []
    assert failures({"val_loss": 0.3}, unevaluated) != []
