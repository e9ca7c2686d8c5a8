"""A run's outcome in one line, and a model in one line; the loss is computed only when told."""

from __future__ import annotations

from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import RunResult
from gui.run_report import run_summary, summary


def never() -> float:
    raise AssertionError("the loss is not needed for this outcome")


def test_a_finished_run_names_its_iterations_and_the_loss():
    assert run_summary(RunResult(1), 1, lambda: 0.25) == "Ran 1 iteration; the loss is now 0.25."
    assert "Ran 7 iterations" in run_summary(RunResult(7), 7, lambda: 0.5)


def test_a_cancelled_or_diverged_run_does_not_compute_the_loss():
    assert run_summary(RunResult(3, cancelled=True), 10, never) == (
        "Cancelled after 3 of 10 iterations."
    )
    assert "diverged in iteration 5" in run_summary(RunResult(4, diverged_at=4), 10, never)


def test_a_model_in_one_line():
    assert summary(MAZUR) == "mazur, 2-2-2, sgd lr 0.5, cpu"


def test_a_function_preset_is_named_once():
    assert summary(get_preset("parabola")) == "parabola, sgd lr 0.1, cpu"
