"""The cloud's arrows: where they start and end, their scale, and the item's bounds."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from engine.landscape.gradient_cloud import GradientCloud
from engine.landscape.surface import mlp_surface, parameter_plane, random_plane
from engine.models.build import build_model
from engine.models.losses import get_loss
from engine.models.presets import MAZUR
from gui.views.gradient_cloud_item import (
    BATCH_COLOUR,
    cloud_arrows,
    visible_scale,
)
from gui.views.gradient_cloud_layer import scale_prefix
from gui.views.surface_view import SurfaceView


def hand_cloud() -> GradientCloud:
    per_sample = np.array([[1.0, 0.0], [0.0, -2.0], [-0.5, 0.5]])
    return GradientCloud(("w5", "w6"), (0.4, 0.45), per_sample, per_sample.mean(axis=0),
                         np.array([0.2, -0.3]))  # fmt: skip


def test_arrows_point_downhill_from_the_current_point():
    arrows = cloud_arrows(hand_cloud(), scale=0.5)
    assert [a.kind for a in arrows] == ["sample"] * 3 + ["full", "batch"]
    assert all(a.start == (0.4, 0.45) for a in arrows)
    assert arrows[0].end == pytest.approx((0.4 - 0.5, 0.45))
    assert arrows[1].end == pytest.approx((0.4, 0.45 + 1.0))
    assert arrows[3].end == pytest.approx((0.4 - 0.1, 0.45 + 0.15))
    assert arrows[4].end == pytest.approx((0.4 - 0.5 * 1 / 6, 0.45 - 0.5 * -0.5))


@pytest.mark.parametrize(("lr", "extent", "factor"), [
    (0.5, 4.0, 1.0),     # longest 1.0: 25 % of the view, the true step
    (0.5, 400.0, 100.0), # 0.25 %: the largest 1-2-5 factor under 45 % (180 fits): 100
    (0.5, 0.1, 0.02),    # 1000 %: shrunk to at most 45 % of the view (0.045 fits): 0.02
    (0.0, 4.0, 0.5),     # no learning rate: −g itself, 2 long is 50 %, over 45 %: halved
])  # fmt: skip
def test_the_scale_keeps_the_longest_arrow_visible(lr, extent, factor):
    scale, chosen = visible_scale(hand_cloud(), lr, extent)
    assert chosen == pytest.approx(factor)
    assert scale == pytest.approx((lr or 1.0) * factor)
    longest = 2.0 * scale  # the second sample's gradient is the longest, |g| = 2
    assert 0.04 * extent <= longest <= 0.45 * extent


def test_a_kept_scale_stays_while_the_arrows_fit():
    cloud = hand_cloud()
    assert visible_scale(cloud, 0.5, 4.0, keep=2.0) == (1.0, 2.0)  # 2 long: 50 % of 4
    assert visible_scale(cloud, 0.5, 4.0, keep=5.0)[1] == 1.0  # 5 long: over 60 %, rechosen


def test_the_legend_says_the_scale():
    assert scale_prefix(0.5, 1.0) == "−lr·"
    assert scale_prefix(0.5, 20.0) == "−20·lr·"
    assert scale_prefix(0.5, 0.01) == "−0.01·lr·"
    assert scale_prefix(0.0, 1.0) == "−"


def test_the_bounding_rect_contains_every_arrow_at_any_zoom(qtbot):
    view = SurfaceView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    item = view.cloud.item
    item.set_cloud(hand_cloud(), scale=0.5)
    for x_range, y_range in (((-1, 2), (-1, 2)), ((0.3, 0.5), (-10, 10))):
        view.plot_item.setRange(xRange=x_range, yRange=y_range, padding=0)
        qtbot.wait(10)
        rect = item.boundingRect()
        # a head reaches up to 0.4 of its length beside the line's end, in screen pixels
        reach_x, reach_y = 0.4 * 14 * item.pixelWidth(), 0.4 * 14 * item.pixelHeight()
        for arrow in item.arrows:
            assert rect.contains(QPointF(*arrow.start))
            for dx, dy in ((reach_x, reach_y), (-reach_x, -reach_y)):
                assert rect.contains(QPointF(arrow.end[0] + dx, arrow.end[1] + dy))
    item.set_cloud(None)
    assert item.arrows == [] and item.boundingRect().isEmpty()


def mazur_surface(axes: tuple[str, str] | None = ("w5", "w6")):
    """A slice over `axes` of Mazur's loss; None: over random directions."""
    model = build_model(MAZUR)
    x, target = model.data(MAZUR)
    values = model.values()
    plane = random_plane(model, values) if axes is None else parameter_plane(model, values, *axes)
    return mlp_surface(model, x, target, get_loss("half_sse"), plane, (-1, 2, -1, 2), 16)


def test_the_surface_view_paints_the_batch_arrow_and_clears_it(qtbot):
    view = SurfaceView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    view.show_surface(mazur_surface(), "w5, w6")
    assert view.show_gradient_cloud(hand_cloud(), lr=0.5)
    qtbot.wait(20)
    assert view.cloud.is_shown() and view.cloud.legend.isVisible()
    assert len(view.cloud.item.arrows) == 5
    assert orange_pixels(view) > 20
    view.show_gradient_cloud(None)
    qtbot.wait(20)
    assert not view.cloud.is_shown() and not view.cloud.legend.isVisible()
    assert orange_pixels(view) == 0


def orange_pixels(view) -> int:
    image = view.grab().toImage()
    target = QColor(BATCH_COLOUR)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(
                c.blue() - target.blue()) < 30:  # fmt: skip
                count += 1
    return count


def test_a_cloud_along_other_axes_than_the_surfaces_is_not_drawn(qtbot):
    view = SurfaceView()
    qtbot.addWidget(view)
    view.show_surface(mazur_surface(None), "random")
    assert not view.show_gradient_cloud(hand_cloud(), lr=0.5)  # w5, w6 on a random plane
    assert not view.cloud.is_shown()
    view.show_surface(mazur_surface(), "w5, w6")
    assert view.show_gradient_cloud(hand_cloud(), lr=0.5)
    view.show_surface(mazur_surface(("w1", "w2")), "w1, w2")
    assert not view.cloud.is_shown() and not view.cloud.legend.isVisible()
