"""The previous run on the loss and gradient-norm plots: a faint dashed curve to compare
against, copied from the run a rebuild, preset, Reset, lesson, Undo or Redo replaced."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import gui.settings_apply as settings_apply
from engine.models.presets import PRESETS

MAZUR = PRESETS["mazur"]


def mazur_losses_and_norms(iterations: int, lr: float) -> tuple[np.ndarray, np.ndarray]:
    """Mazur's 2-2-2 net trained with plain PyTorch (biases frozen, as in his example): each
    iteration's loss and the norm of the trained parameters' gradient."""
    layers = [torch.nn.Linear(2, 2).double(), torch.nn.Linear(2, 2).double()]
    starts = (
        ([[0.15, 0.20], [0.25, 0.30]], [0.35, 0.35]),
        ([[0.40, 0.45], [0.50, 0.55]], [0.60, 0.60]),
    )
    with torch.no_grad():
        for layer, (weight, bias) in zip(layers, starts, strict=True):
            layer.weight.copy_(torch.tensor(weight, dtype=torch.float64))
            layer.bias.copy_(torch.tensor(bias, dtype=torch.float64))
    net = torch.nn.Sequential(layers[0], torch.nn.Sigmoid(), layers[1], torch.nn.Sigmoid())
    weights = [layer.weight for layer in layers]
    for layer in layers:
        layer.bias.requires_grad_(False)
    optimizer = torch.optim.SGD(weights, lr=lr)
    x = torch.tensor([[0.05, 0.10]], dtype=torch.float64)
    target = torch.tensor([[0.01, 0.99]], dtype=torch.float64)
    losses, norms = [], []
    for _ in range(iterations):
        optimizer.zero_grad()
        loss = (0.5 * (target - net(x)) ** 2).sum()
        loss.backward()
        grads = torch.cat([w.grad.reshape(-1) for w in weights])
        losses.append(loss.item())
        norms.append(float(grads.norm()))
        optimizer.step()
    return np.array(losses), np.array(norms)


@pytest.fixture
def start_anyway(monkeypatch):
    """The rebuild question answered "Start a new run (keep this one)"."""
    monkeypatch.setattr(settings_apply, "ask_to_rebuild", lambda *args, **kwargs: True)


def shown_previous(plot) -> tuple[np.ndarray, np.ndarray]:
    x, y = plot.previous.curve.getData()
    return (np.empty(0), np.empty(0)) if x is None else (x, y)


def test_a_preset_after_progress_leaves_the_old_losses_as_the_previous_run(window, start_anyway):
    controller, plots = window.controller, window.plots_panel
    controller.run_blocking(30)
    old_losses = controller.trajectory().losses.copy()
    assert not plots.loss_plot.previous.box.isVisibleTo(plots)  # nothing to compare yet
    window.settings_panel.preset_requested.emit("xor")
    assert controller.config.preset == "xor"
    x, y = shown_previous(plots.loss_plot)
    expected, norms = mazur_losses_and_norms(30, 0.5)
    np.testing.assert_allclose(old_losses, expected, rtol=1e-12)
    np.testing.assert_array_equal(y, old_losses)
    np.testing.assert_array_equal(x, np.arange(1, 31))
    kept = controller.previous_run  # an immutable copy: the old run itself is nowhere here
    assert not kept.losses.flags.writeable and not kept.grad_norms.flags.writeable
    np.testing.assert_allclose(shown_previous(plots.grad_norm_plot)[1], norms, rtol=1e-9)
    box = plots.loss_plot.previous.box
    assert box.isVisibleTo(plots) and box.isChecked() and box.text() == "previous run"
    legend = [label.text for _, label in plots.loss_plot.plot_item.legend.items]
    assert legend == ["this run", "previous run"]
    plots.loss_plot.log_box.setChecked(True)  # a log axis redraws it (read-only data)
    np.testing.assert_allclose(plots.loss_plot.previous.curve.getData()[0], np.arange(1, 31))
    np.testing.assert_allclose(plots.loss_plot.previous.curve.getData()[1], np.log10(old_losses))
    plots.loss_plot.log_box.setChecked(False)
    box.setChecked(False)  # hidden by the learner
    assert shown_previous(plots.loss_plot)[1].size == 0
    assert [label.text for _, label in plots.loss_plot.plot_item.legend.items] == []
    controller.run_blocking(3)  # the new run's curves go on; the previous one stays hidden
    assert shown_previous(plots.loss_plot)[1].size == 0
    box.setChecked(True)
    np.testing.assert_array_equal(shown_previous(plots.loss_plot)[1], old_losses)


def test_the_previous_curve_is_faint_and_dashed(window, start_anyway):
    from PySide6.QtCore import Qt

    window.controller.run_blocking(5)
    window.settings_panel.preset_requested.emit("xor")
    pen = window.plots_panel.loss_plot.previous.curve.opts["pen"]
    assert pen.style() == Qt.PenStyle.DashLine and pen.color().alpha() < 255


def test_a_second_replacement_shows_the_newest_previous_run(window, start_anyway):
    controller, loss_plot = window.controller, window.plots_panel.loss_plot
    controller.run_blocking(10)
    controller.reset()
    controller.run_blocking(4)
    four = controller.trajectory().losses.copy()
    loss_plot.previous.box.setChecked(False)
    window.settings_panel.preset_requested.emit("xor")
    assert loss_plot.previous.box.isChecked()  # a new comparison is shown again
    np.testing.assert_array_equal(shown_previous(loss_plot)[1], four)


def test_a_run_without_a_finished_iteration_keeps_the_older_comparison(window):
    controller, loss_plot = window.controller, window.plots_panel.loss_plot
    controller.run_blocking(6)
    six = controller.trajectory().losses.copy()
    controller.reset()
    controller.step_phase()  # started, but no iteration finished: nothing to compare
    controller.reset()
    np.testing.assert_array_equal(shown_previous(loss_plot)[1], six)


def test_undo_shows_the_run_it_replaced_and_redo_the_one_before(window):
    controller, loss_plot, undo = window.controller, window.plots_panel.loss_plot, window.menus
    controller.run_blocking(8)
    eight = controller.trajectory().losses.copy()
    controller.reset()
    controller.run_blocking(3)
    three = controller.trajectory().losses.copy()
    assert undo.run_undo.undo()  # the eight-iteration run is back; the three-iteration one
    assert controller.snapshot.completed == 8  # is now the previous run
    np.testing.assert_array_equal(shown_previous(loss_plot)[1], three)
    assert undo.run_undo.redo()
    assert controller.snapshot.completed == 3
    np.testing.assert_array_equal(shown_previous(loss_plot)[1], eight)


def test_hovering_reads_the_previous_run_at_the_same_iteration(window, start_anyway):
    controller, loss_plot = window.controller, window.plots_panel.loss_plot
    controller.run_blocking(20)
    old = controller.trajectory().losses.copy()
    window.settings_panel.preset_requested.emit("xor")
    controller.run_blocking(5)
    now = controller.trajectory().losses
    text = loss_plot.hover_at(3)
    assert text == f"iteration 4: loss {now[3]:.9g} · previous run {old[3]:.9g}"
    assert loss_plot.hover_at(12) == f"iteration 5: loss {now[4]:.9g} · previous run {old[4]:.9g}"


def test_with_a_previous_run_the_window_still_fits_a_projector(window, qtbot):
    window.controller.run_blocking(12)
    window.controller.reset()
    assert window.plots_panel.grad_norm_plot.previous.box.isVisibleTo(window)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768, hint
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.waitUntil(lambda: window.plots_dock.width() <= 0.3 * 1024 + 1)
