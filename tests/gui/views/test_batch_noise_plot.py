"""The variance plot shows the engine's estimate as dots and the exact curve as a line."""

import numpy as np

from engine.landscape.gradient_cloud import BatchNoise
from gui.views.batch_noise_plot import BatchNoisePlot


def noise() -> BatchNoise:
    sizes = np.array([1, 2, 4, 8])
    every = np.arange(1, 9)
    exact = 3.0 / every * (8 - every) / 7  # tr(Σ) = 3, N = 8: 0 at B = 8
    return BatchNoise(sizes, np.array([3.1, 1.4, 0.6, 1e-31]), every, exact, 8)


def test_the_plot_has_the_estimated_points_and_the_exact_line(qtbot):
    plot = BatchNoisePlot()
    qtbot.addWidget(plot)
    plot.show_noise(noise())
    xs, ys = plot.shown_points()
    # B = N's rounding (1e-31, under 1e-12 of the largest) has no place on a log axis
    np.testing.assert_array_equal(xs, [1, 2, 4])
    np.testing.assert_array_equal(ys, [3.1, 1.4, 0.6])
    line_x, line_y = plot.exact.xData, plot.exact.yData
    np.testing.assert_array_equal(line_x, np.arange(1, 8))  # B = 8: exactly 0, left out
    np.testing.assert_allclose(line_y, 3.0 / line_x * (8 - line_x) / 7)
    assert plot.plot_item.ctrl.logXCheck.isChecked() and plot.plot_item.ctrl.logYCheck.isChecked()
    plot.plot_item.vb.updateAutoRange()
    (x0, x1), (y0, y1) = plot.plot_item.vb.viewRange()
    assert x0 <= 0 <= np.log10(7) <= x1  # log₁₀ of the batch sizes
    assert y0 <= np.log10(3 / 7 * 1 / 7) and np.log10(3.1) <= y1


def test_the_chosen_batch_size_is_marked(qtbot):
    plot = BatchNoisePlot()
    qtbot.addWidget(plot)
    plot.show_noise(noise())
    plot.mark_batch_size(4)
    assert plot.mark.isVisible() and plot.mark.value() == np.log10(4)
    plot.mark_batch_size(None)
    assert not plot.mark.isVisible()
