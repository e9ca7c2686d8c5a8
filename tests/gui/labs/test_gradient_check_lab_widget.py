"""The gradient-check lab runs the engine's check off the GUI thread and tabulates it."""

from __future__ import annotations

import numpy as np

from engine.core.errors import EngineError
from engine.labs.gradient_check import freeze, gradient_check
from engine.models.chain_rule import fmt
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.labs.gradient_check_lab import GradientCheckLab
from gui.theme import apply_plot_theme


def test_check_of_the_current_model(qtbot) -> None:
    apply_plot_theme()
    holder = {"stepper": Stepper(MAZUR)}
    lab = GradientCheckLab(lambda done: done(freeze(holder["stepper"])))
    qtbot.addWidget(lab)
    holder["stepper"].run(2)
    assert lab.hint.isVisible() and not lab.tolerance.isVisible()
    with qtbot.waitSignal(lab.task.finished, timeout=10_000):
        assert lab.run_check()
    qtbot.waitUntil(lambda: not lab.task.running, timeout=5000)
    expected = gradient_check(holder["stepper"])
    assert lab.table.rowCount() == 12
    for r, row in enumerate(expected.rows):
        assert lab.table.item(r, 0).text() == row.label
        assert lab.table.item(r, 3).text() == fmt(row.autograd)
        assert lab.table.item(r, 2).text() == fmt(row.finite_difference)
    assert "all three agree" in lab.summary.text()
    x, y = lab.errors_fd.getData()
    np.testing.assert_allclose(y, np.log10([max(r.error_autograd, 1e-17) for r in expected.rows]))
    assert lab.check_button.isEnabled() and not lab.cancel_button.isEnabled()
    assert not lab.hint.isVisible() and lab.tolerance.isVisible()


def test_a_copy_that_comes_later_is_checked_then(qtbot) -> None:
    """During a run the copy of the model comes at the run's next rest, not at once."""
    stepper, waiting = Stepper(MAZUR), []
    lab = GradientCheckLab(waiting.append)
    qtbot.addWidget(lab)
    assert lab.run_check() and not lab.check_button.isEnabled()
    assert not lab.run_check() and len(waiting) == 1  # asked once, not twice
    with qtbot.waitSignal(lab.task.finished, timeout=10_000):
        waiting[0](freeze(stepper))
    qtbot.waitUntil(lambda: not lab.task.running, timeout=5000)
    assert lab.table.rowCount() == 12 and lab.check_button.isEnabled()


def test_a_copy_that_could_not_be_made_is_reported(qtbot) -> None:
    lab = GradientCheckLab(lambda done: done(EngineError("the run diverged")))
    qtbot.addWidget(lab)
    assert lab.run_check()
    assert lab.summary.text() == "The check failed: the run diverged"
    assert lab.check_button.isEnabled() and lab.table.rowCount() == 0


def test_without_a_model_the_check_is_off(qtbot) -> None:
    lab = GradientCheckLab()
    qtbot.addWidget(lab)
    assert not lab.check_button.isEnabled() and not lab.run_check()
