"""An empty plot's hint stays centred in pixels and wraps to the plot's width."""

from __future__ import annotations

import pyqtgraph as pg

from gui.views.empty_hint import MARGIN, EmptyHint


def test_the_hint_is_centred_and_wrapped_as_the_plot_resizes(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    hint = EmptyHint(plot, "Press Start: the losses are drawn here, step by step, side by side.")
    view = plot.getPlotItem().getViewBox()
    for width in (900, 260):
        plot.resize(width, 400)
        plot.show()
        qtbot.waitUntil(lambda w=width: abs(view.boundingRect().width() - (w - 80)) < 60)
        box, text = view.boundingRect(), hint.mapRectToParent(hint.boundingRect())
        assert text.width() <= box.width() - 2 * MARGIN + 1  # wrapped, never clipped
        assert abs(text.center().x() - box.center().x()) < 1.0
        assert abs(text.center().y() - box.center().y()) < 1.0
    plot.getPlotItem().setRange(xRange=(100, 200))  # zooming the data leaves the hint in place
    assert abs(hint.mapRectToParent(hint.boundingRect()).center().x() - box.center().x()) < 1.0
