"""The diagram's layout is arithmetic: neuron centres and label spots, checked without a window."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF

from gui.views.diagram.layout import (
    BIAS_LIFT,
    LABEL_MARGIN,
    MAX_LABELLED_EDGES,
    Geometry,
    headings_top,
    label_spots,
    neuron_centres,
    place_labels,
    preferred_spot,
)


def test_layers_stand_one_column_apart_each_centred_on_the_axis():
    g = Geometry.for_widest(2)
    centres = neuron_centres([["i1", "i2"], ["h1"], ["o1", "o2", "o3"]], g)
    assert centres["i1"] == (0.0, -g.row / 2) and centres["i2"] == (0.0, g.row / 2)
    assert centres["h1"] == (g.column, 0.0)
    assert [centres[n] for n in ("o1", "o2", "o3")] == [
        (2 * g.column, -g.row),
        (2 * g.column, 0.0),
        (2 * g.column, g.row),
    ]


def test_wide_layers_get_a_tighter_geometry():
    roomy, tight = Geometry.for_widest(2), Geometry.for_widest(8)
    assert tight.radius < roomy.radius and tight.row < roomy.row and tight.text_px < roomy.text_px


def test_headings_sit_above_the_top_neuron_and_its_bias():
    g = Geometry.for_widest(2)
    top = headings_top({"a": (0.0, -170.0), "b": (420.0, 0.0)}, g)
    assert top < -170.0 - g.radius - g.text_px


def test_neighbouring_edges_prefer_opposite_ends():
    assert (
        preferred_spot(0, 0) == 0.3 and preferred_spot(0, 1) == 0.7 and preferred_spot(1, 1) == 0.3
    )


def test_the_first_spot_is_on_the_line_at_the_preferred_place():
    line = QLineF(0, 0, 100, 0)
    spots = label_spots(line, QRectF(0, 0, 20, 10), preferred=0.3)
    assert spots[0].center().x() == 30 and spots[0].center().y() == 0
    assert spots[0].width() == 20 + 2 * LABEL_MARGIN


def test_labels_are_placed_without_overlap_or_not_at_all():
    a, b = QRectF(0, 0, 10, 10), QRectF(5, 0, 10, 10)
    c = QRectF(20, 0, 10, 10)
    assert place_labels([[a, c], [b]]) == [c, b]
    assert place_labels([[a], [b]]) is None  # the only spots overlap
    many = [[QRectF(40 * k, 0, 10, 10)] for k in range(MAX_LABELLED_EDGES + 1)]
    assert place_labels(many) is None  # too many to read, however they would fit


def test_headings_come_close_to_a_bias_tag_of_measured_height():
    g = Geometry.for_widest(2).with_room(bias_height=40.0, values_height=60.0)
    centres = {"a": (0.0, -170.0)}
    top = headings_top(centres, g)
    bias_top = -170.0 - g.radius - BIAS_LIFT * g.text_px - 40.0
    assert top < bias_top  # clear of the tag
    assert top > bias_top - g.text_px  # but not a line's height away: no idle paper
