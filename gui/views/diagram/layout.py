"""Where the diagram's parts go: neuron centres, sizes, and spots for the weight labels.

Positions are plain arithmetic on scene coordinates, so they are checked without a window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QLineF, QPointF, QRectF

LABEL_POSITIONS = tuple(k / 20 for k in range(2, 19))  # where along an edge a label may sit
LABEL_MARGIN = 3.0  # half the clear space kept between two labels
MAX_LABELLED_EDGES = 32  # beyond this a layer's labels could not be read anyway
SEARCH_BUDGET = 400  # tries; each filters every other label's spots
ROW_GAP = 10.0  # clear space between one neuron's tags and the next neuron's, scene units
VALUES_GAP = 4.0  # from a neuron's circle to its values tag below
BIAS_LIFT = 0.7  # a bias tag above its neuron floats this many text heights over the circle
HEADING_AIR = 0.5  # text heights between a layer's heading and the bias tag under it


@dataclass(frozen=True)
class Geometry:
    """Sizes in scene units: roomy for textbook nets, tighter once a layer is wide."""

    radius: float
    row: float
    column: float
    label_px: int
    text_px: int
    bias_beside: bool = False  # a bias tag left of its neuron, not above: rows pack closer
    bias_height: float = 0.0  # a bias tag at its fullest in the fonts' own height (0: unknown)

    @staticmethod
    def for_widest(width: int) -> Geometry:
        if width <= 2:
            return Geometry(radius=30, row=300, column=370, label_px=21, text_px=16)
        if width <= 4:
            return Geometry(radius=30, row=250, column=390, label_px=21, text_px=16)
        return Geometry(radius=22, row=110, column=380, label_px=15, text_px=13, bias_beside=True)

    def with_room(self, bias_height: float, values_height: float) -> Geometry:
        """Rows far enough apart that a neuron's bias and values tags of these heights (the
        fonts' own, which differ between systems) clear the neighbouring neuron's."""
        gap = ROW_GAP
        if self.bias_beside:
            above = max(self.radius, bias_height / 2)
        else:
            above = self.radius + bias_height + BIAS_LIFT * self.text_px
        need = above + self.radius + VALUES_GAP + values_height + gap
        return replace(self, row=max(self.row, need), bias_height=bias_height)


def neuron_centres(neurons: list[list[str]], g: Geometry) -> dict[str, tuple[float, float]]:
    """Layers left to right one column apart, each layer centred on y = 0, one row apart."""
    centres = {}
    for layer, names in enumerate(neurons):
        for row, name in enumerate(names):
            centres[name] = (layer * g.column, (row - (len(names) - 1) / 2) * g.row)
    return centres


def headings_top(centres: dict[str, tuple[float, float]], g: Geometry) -> float:
    """Where the layer headings end: above the top neuron and the bias tags over it, close to
    them when their height is measured (the figure is no taller than it needs)."""
    top = min(y for _, y in centres.values()) - g.radius
    if g.bias_beside:
        return top - 1.5 * g.text_px - g.label_px
    if g.bias_height > 0:
        return top - (BIAS_LIFT + HEADING_AIR) * g.text_px - g.bias_height
    return top - 4.2 * g.text_px - g.label_px  # room for a bias tag's two lines and air


def preferred_spot(row: int, col: int) -> float:
    """Neighbouring edges prefer opposite ends, so their labels start apart."""
    return 0.3 if (row + col) % 2 == 0 else 0.7


def label_spots(line: QLineF, box: QRectF, preferred: float) -> list[QRectF]:
    """Where a label of this size may sit: on the line nearest the preferred place first,
    then just above or below it."""
    spots = []
    for shift in (0.0, -0.55, 0.55):
        for t in sorted(LABEL_POSITIONS, key=lambda t: abs(t - preferred)):
            rect = QRectF(box)
            rect.moveCenter(line.pointAt(t) + QPointF(0, shift * box.height()))
            spots.append(rect.adjusted(-LABEL_MARGIN, -LABEL_MARGIN, LABEL_MARGIN, LABEL_MARGIN))
    return spots


def place_labels(candidates: list[list[QRectF]]) -> list[QRectF] | None:
    """One spot per label with no two overlapping, or None.

    A bounded depth-first search: it fills the label with the fewest spots left first and
    drops, from the others, the spots the new choice covers (forward checking).
    """
    if len(candidates) > MAX_LABELLED_EDGES:
        return None
    chosen: dict[int, QRectF] = {}
    budget = [SEARCH_BUDGET]

    def search(left: dict[int, list[QRectF]]) -> bool:
        if not left:
            return True
        k = min(left, key=lambda j: len(left[j]))
        for rect in left[k]:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            rest = {j: [r for r in spots if not r.intersects(rect)] for j, spots in left.items()}
            del rest[k]
            if all(rest.values()):
                chosen[k] = rect
                if search(rest):
                    return True
        return False

    found = search(dict(enumerate(candidates)))
    return [chosen[k] for k in range(len(candidates))] if found else None
