"""What the window shows of the loop while it runs: the learning rate with its schedule, the
per-epoch losses and accuracy, the confusion matrix and the live batch's gradient cloud, each
checked against a plain PyTorch computation written here (or the engine's own, tested ones)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from helpers.loop_runs import (
    digits_config,
    moons_config,
    plain_predictions,
    tally,
    warmup_cosine_lrs,
)

from engine.data.datasets import load_dataset, split
from engine.landscape.gradient_cloud import batch_noise, gradient_cloud
from engine.models.presets import MAZUR
from gui.background import wait_for_all
from gui.gradient_cloud_panel import noise_sizes, random_batch
from gui.main_window import MainWindow


@pytest.fixture
def windows(qtbot):
    """Main windows on a given config, closed (their threads stopped) after the test."""
    made: list[MainWindow] = []

    def make(config) -> MainWindow:
        window = MainWindow(config)
        qtbot.addWidget(window)
        window.network_view.animation_ms = 0
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    wait_for_all()


def curve_data(curve) -> tuple[list[float], list[float]]:
    x, y = curve.getData()
    return ([] if x is None else x.tolist()), ([] if y is None else y.tolist())


# -- the learning rate ---------------------------------------------------------------------------
def test_the_lr_plot_shows_the_lrs_used_and_the_plan_ahead(windows) -> None:
    window = windows(moons_config())
    controller, plot = window.controller, window.plots_panel.lr_plot
    per_epoch = controller.stepper.timeline.per_epoch
    planned = warmup_cosine_lrs(0.3, 5 * per_epoch)  # the whole run's schedule, plainly
    assert curve_data(plot.plan_curve) == (list(range(1, 5 * per_epoch + 1)), planned)
    assert curve_data(plot.lr_curve) == ([], [])
    assert controller.run_blocking(37)
    x, y = curve_data(plot.lr_curve)
    assert x == list(range(1, 38))
    assert y == controller.stepper.trajectory.lrs.tolist() == planned[:37]
    assert y[0] == pytest.approx(0.03) and max(y[:21]) == y[20] == 0.3  # warm-up, then cosine
    assert y[36] < y[20]
    assert curve_data(plot.now_dot) == ([38], [planned[37]])  # the iteration being stepped
    assert plot.now_line.value() == 38
    assert controller.step_iteration() and controller.step_iteration()  # stepped, not run
    assert curve_data(plot.lr_curve)[1] == planned[:39]
    assert plot.plot_item.getAxis("bottom").labelText == "iteration"


def test_a_constant_lr_and_a_slider_change_show_as_a_step(windows) -> None:
    window = windows(MAZUR)
    controller, plot = window.controller, window.plots_panel.lr_plot
    for _ in range(2):
        assert controller.step_iteration()
    assert controller.change_settings(controller.config.replace(lr=0.9))
    for _ in range(2):
        assert controller.step_iteration()
    assert curve_data(plot.lr_curve) == ([1, 2, 3, 4], [0.5, 0.5, 0.9, 0.9])
    assert curve_data(plot.lr_curve)[1] == controller.stepper.trajectory.lrs.tolist()
    assert curve_data(plot.plan_curve) == ([], [])  # no schedule: nothing planned
    assert curve_data(plot.now_dot) == ([5], [0.9])


def test_fast_forward_previews_the_lrs_as_they_are_used(windows, qtbot) -> None:
    window = windows(moons_config())
    controller, plot = window.controller, window.plots_panel.lr_plot
    seen: list[tuple[np.ndarray, list[float]]] = []
    # Connected after the window's own slot: the plot has drawn the preview when this runs.
    controller.run_preview.connect(
        lambda preview: seen.append((preview.lrs, curve_data(plot.lr_curve)[1]))
    )
    assert controller.run_iterations(600)  # previews come with progress, every 256
    qtbot.waitUntil(lambda: not controller.busy, timeout=60_000)
    assert seen
    used = warmup_cosine_lrs(0.3, 600)  # past the planned epochs the cosine goes on
    for lrs, drawn in seen:
        assert drawn == lrs.tolist() == used[: lrs.size]
    assert curve_data(plot.lr_curve)[1] == used
    assert curve_data(plot.now_dot) == ([], [])  # past the plan: no planned lr to mark


# -- per epoch ---------------------------------------------------------------------------------
def test_the_per_epoch_plots_are_the_epochs_of_a_plain_evaluation(windows) -> None:
    config = moons_config(val_share=0.25, scheduler="", epochs=3)
    window = windows(config)
    controller, panel = window.controller, window.plots_panel
    per_epoch = controller.stepper.timeline.per_epoch
    assert controller.run_blocking(3 * per_epoch)
    evaluations = controller.stepper.trajectory.evaluations
    assert [e.epoch for e in evaluations] == [1, 2, 3]
    assert curve_data(panel.epoch_loss_plot.train_curve) == (
        [1, 2, 3],
        [e.train_loss for e in evaluations],
    )
    assert curve_data(panel.epoch_loss_plot.val_curve)[1] == [e.val_loss for e in evaluations]
    assert curve_data(panel.accuracy_plot.accuracy_curve)[1] == [
        e.val_accuracy for e in evaluations
    ]
    # The last epoch, plainly: the mean of its batch losses, and the validation pass at the
    # parameters the run ends with.
    losses = controller.stepper.trajectory.losses
    assert evaluations[-1].train_loss == pytest.approx(losses[-per_epoch:].mean(), rel=1e-12)
    _, val = split(load_dataset("moons", config.seed), 0.25, config.seed)
    weights = [p.detach().clone() for p in controller.stepper.model.parameters()]
    out = plain_predictions([(weights[0], weights[1]), (weights[2], weights[3])], val.x, torch.tanh)
    labels = torch.as_tensor(val.labels)
    assert curve_data(panel.epoch_loss_plot.val_curve)[1][-1] == pytest.approx(
        float(F.cross_entropy(out, labels)), rel=1e-12
    )
    accuracy = float((out.argmax(dim=1) == labels).double().mean())
    assert curve_data(panel.accuracy_plot.accuracy_curve)[1][-1] == accuracy
    for plot in (panel.epoch_loss_plot, panel.accuracy_plot):
        assert plot.plot_item.getAxis("bottom").labelText == "epoch"


# -- the confusion matrix ------------------------------------------------------------------------
def plain_digits_counts(window) -> np.ndarray:
    config = window.controller.config
    _, val = split(load_dataset("digits", config.seed), 0.2, config.seed)
    weight, bias = (p.detach().clone() for p in window.controller.stepper.model.parameters())
    out = torch.log_softmax(plain_predictions([(weight, bias)], val.x, None), dim=1)
    return tally(val.labels, out.argmax(dim=1).numpy(), 10)


def test_the_confusion_matrix_comes_at_each_epochs_end_and_on_demand(windows) -> None:
    window = windows(digits_config())
    controller, view = window.controller, window.plots_panel.confusion_view
    assert view.matrix is None and not view.isHidden()
    per_epoch = controller.stepper.timeline.per_epoch
    assert controller.run_blocking(per_epoch)  # the first epoch ends
    matrix = view.matrix
    assert matrix is not None and matrix.completed == per_epoch
    np.testing.assert_array_equal(matrix.counts, plain_digits_counts(window))
    assert matrix.total == 359  # the validation set, every sample once
    assert [cell.toPlainText() for cell in view.cells] == [str(c) for c in matrix.counts.ravel()]
    assert matrix.accuracy == controller.stepper.trajectory.evaluations[-1].val_accuracy
    assert controller.run_blocking(5)  # mid-epoch: the matrix stays the epoch's
    assert view.matrix is matrix
    view.compute_button.click()  # on demand: at the parameters now
    assert view.matrix.completed == per_epoch + 5
    np.testing.assert_array_equal(view.matrix.counts, plain_digits_counts(window))
    controller.reset()  # no epoch evaluated any more
    assert view.matrix is None


def test_a_run_that_does_not_classify_shows_no_matrix(windows) -> None:
    panel = windows(MAZUR).plots_panel
    assert panel.confusion_view.isHidden() and panel.accuracy_plot.isHidden()


# -- the gradient cloud of the live batch -------------------------------------------------------
def test_the_cloud_on_the_surface_is_the_live_batchs(windows, qtbot) -> None:
    config = moons_config(val_share=0.25, scheduler="")
    window = windows(config)
    controller, live = window.controller, window.loop_views.cloud
    assert live.panel.isHidden() is False and live.panel.batch_size.value() == 16
    window.show_page("surface")
    assert controller.step_phase()  # the DataLoader draws the first batch
    snapshot = controller.snapshot
    assert snapshot.phase == "batch" and len(snapshot.batch) == 16
    train, _ = split(load_dataset("moons", config.seed), 0.25, config.seed)
    axes = window.landscape_panel.landscape.plane.axes
    values = controller.stepper.params()
    expected = gradient_cloud(config, values, train.x, train.y, np.array(snapshot.batch), axes)
    cloud = live.cloud
    assert cloud is not None and cloud.axes == axes
    np.testing.assert_array_equal(cloud.per_sample, expected.per_sample)
    np.testing.assert_array_equal(cloud.batch, expected.batch)
    qtbot.waitUntil(lambda: not window.landscape_panel.computing, timeout=60_000)
    assert window.landscape_panel.view.cloud.axes == axes  # drawn on the surface, once it shows
    assert window.landscape_panel.view.cloud.is_shown()
    while controller.snapshot.phase != "step":
        assert controller.step_phase()
    grads = controller.snapshot.grads  # what loss.backward() gave on this batch
    assert cloud.batch.tolist() == pytest.approx([grads[axes[0]], grads[axes[1]]], rel=1e-12)


def test_the_batch_size_control_draws_a_seeded_batch_and_marks_the_noise(windows, qtbot) -> None:
    config = moons_config(val_share=0.25, scheduler="")
    window = windows(config)
    controller, live = window.controller, window.loop_views.cloud
    window.show_page("surface")
    assert controller.step_phase()
    train, _ = split(load_dataset("moons", config.seed), 0.25, config.seed)
    axes = window.landscape_panel.landscape.plane.axes
    values = controller.stepper.params()
    for size in (1, 64):
        live.panel.batch_size.setValue(size)
        rows = random_batch(len(train.x), size, config.seed)
        expected = gradient_cloud(config, values, train.x, train.y, rows, axes)
        np.testing.assert_array_equal(live.cloud.per_sample, expected.per_sample)
        assert live.panel.noise_plot.mark.value() == pytest.approx(math.log10(size))
    qtbot.waitUntil(lambda: live.panel.noise_plot.noise is not None, timeout=60_000)
    noise = live.panel.noise_plot.noise  # computed off the GUI thread, at the run's parameters
    expected = batch_noise(config, values, train.x, train.y, noise_sizes(len(train.x)), config.seed)
    np.testing.assert_array_equal(noise.exact, expected.exact)
    np.testing.assert_array_equal(noise.estimate, expected.estimate)


def test_the_cloud_waits_for_the_surface_tab(windows) -> None:
    window = windows(moons_config(scheduler=""))
    controller, live = window.controller, window.loop_views.cloud
    assert controller.step_phase()
    assert live.cloud is None  # the surface is not shown: nothing computed
    window.show_page("surface")
    assert live.cloud is not None
    first = live.cloud
    window.show_page("training")
    assert controller.step_iteration()
    assert live.cloud is first


def test_the_lr_plot_grows_while_playing(windows, qtbot) -> None:
    window = windows(moons_config())
    controller, plot = window.controller, window.plots_panel.lr_plot
    controller.set_speed(200)
    controller.play()
    qtbot.waitUntil(lambda: len(curve_data(plot.lr_curve)[1]) >= 3, timeout=60_000)
    controller.pause()
    drawn = curve_data(plot.lr_curve)[1]
    assert drawn == controller.stepper.trajectory.lrs.tolist()
    assert drawn == warmup_cosine_lrs(0.3, len(drawn))
