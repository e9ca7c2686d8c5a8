"""The 1-D descent path's labels: each point numbered by the iteration that reached it.

On the parabola the learning-rate lesson is about the order of the points (zig-zag, then
divergence), which a plain line of dots does not tell.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

MAX_NUMBERED = 12  # the first points, where they are still apart, and always the last


def numbered_indices(count: int) -> list[int]:
    """Which points get their number: the first MAX_NUMBERED and the last."""
    first = list(range(min(count, MAX_NUMBERED)))
    return first + [count - 1] if count > MAX_NUMBERED else first


class NumberedPath:
    """Text items on a plot, one per numbered point, reused from one redraw to the next."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self._plot = plot_item
        self._labels: list[pg.TextItem] = []

    @property
    def texts(self) -> list[str]:
        return [label.toPlainText() for label in self._labels if label.isVisible()]

    def show(self, xs: np.ndarray, ys: np.ndarray, colour: str) -> None:
        indices = numbered_indices(len(xs))
        while len(self._labels) < len(indices):
            label = pg.TextItem(anchor=(0.5, 1.2))  # just above its point
            label.setZValue(20)
            self._plot.addItem(label)
            self._labels.append(label)
        for label, index in zip(self._labels, indices, strict=False):
            label.setText(str(index), color=colour)
            label.setPos(float(xs[index]), float(ys[index]))
            label.setVisible(bool(np.isfinite(xs[index]) and np.isfinite(ys[index])))
        for label in self._labels[len(indices) :]:
            label.setVisible(False)

    def hide(self) -> None:
        for label in self._labels:
            label.setVisible(False)
