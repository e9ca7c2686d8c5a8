"""The 3-D surface's scales drawn without OpenGL: round ticks, and a colour bar of the loss."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from gui.views.surface_scale import colour_at, nice_ticks, paint_colour_bar, tick_text


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0.01, 0.32, [0.1, 0.2, 0.3]),
        (-3.2, 0.4, [-3.0, -2.0, -1.0, 0.0]),
        (-5.0, 5.0, [-4.0, -2.0, 0.0, 2.0, 4.0]),
        (0.0, 250.0, [0.0, 100.0, 200.0]),
        (2.0, 2.0, [2.0]),
    ],
)
def test_ticks_are_round_and_inside_the_range(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_tick_labels_tell_close_values_apart():
    ticks = nice_ticks(0.29837, 0.29838)
    labels = [tick_text(t, ticks) for t in ticks]
    assert len(set(labels)) == len(labels) == 3
    assert [float(text) for text in labels] == pytest.approx(ticks)
    assert [tick_text(t, [5000.0, 10000.0]) for t in (5000.0, 10000.0)] == ["5000", "10000"]


def test_the_colour_bar_runs_from_the_lowest_to_the_highest_loss_colour(qtbot):
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    bar = paint_colour_bar(painter, (600, 400), 0.01, 0.32, "loss", QColor("white"))
    painter.end()
    assert bar.right() < 600 and bar.top() > 0 and bar.bottom() < 400
    x = int(bar.center().x())
    for y, fraction in ((bar.bottom() - 2, 0.0), (bar.top() + 2, 1.0)):
        got, want = image.pixelColor(x, int(y)), colour_at(fraction)
        assert abs(got.red() - want.red()) + abs(got.green() - want.green()) < 40, (y, got.name())
    labels = image.copy(int(bar.right()) + 6, int(bar.top()), 50, int(bar.height()))
    lit = sum(
        QColor(labels.pixel(i, j)).lightness() > 128
        for i in range(labels.width())
        for j in range(labels.height())
    )
    assert lit > 60  # the tick values 0.1, 0.2 and 0.3 are written beside the bar
