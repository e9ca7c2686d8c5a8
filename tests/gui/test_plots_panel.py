"""A new model starts its plots and the run's progress afresh, not at the last run's scale."""

from __future__ import annotations


def test_a_new_model_shows_empty_axes_and_no_old_progress(window, qtbot):
    assert window.controller.load_preset("himmelblau")
    assert window.controller.run_iterations(50)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=30_000)
    progress = window.transport.progress
    assert progress.isTextVisible() and progress.value() == 50
    loss_box = window.plots_panel.loss_plot.plot_item.getViewBox()
    loss_box.updateAutoRange()  # auto-range fits lazily, when next painted
    assert loss_box.viewRange()[1][1] > 100  # Himmelblau's losses
    assert window.controller.load_preset("mazur")
    assert not progress.isTextVisible() and progress.value() == 0
    for plot in (window.plots_panel.loss_plot, window.plots_panel.grad_norm_plot):
        (x0, x1), (y0, y1) = plot.plot_item.getViewBox().viewRange()
        assert (x0, x1, y0, y1) == (0.5, 1.5, 0.0, 1.0)
    assert all(loss_box.autoRangeEnabled())  # the first point will be fitted again
    window.controller.step_iteration()
    loss_box.updateAutoRange()
    (y0, y1) = loss_box.viewRange()[1]
    assert y0 < window.plots_panel.loss_plot.losses[0] < y1 < 100
