"""The backward graph autograd built, in layers from the output's grad_fn down to the leaves."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont

from engine.labs.autograd_compare import GraphNode

NODE_BRUSH = pg.mkBrush("#dbe9f6")
LEAF_BRUSH = pg.mkBrush("#fde0c5")
BULGE = 1.3  # how far an edge that skips layers bows out, so it does not hide behind others


class AutogradGraphView(pg.PlotWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMouseEnabled(x=False, y=False)
        self.getViewBox().invertY(True)
        self.positions = np.zeros((0, 2))
        self._items: list[pg.GraphicsObject] = []

    def show_graph(self, nodes: tuple[GraphNode, ...], edges: tuple[tuple[int, int], ...]) -> None:
        for item in self._items:
            self.removeItem(item)
        self._items = []
        self.positions = _layout(nodes)
        for a, b in edges:
            self._edge(self.positions[a], self.positions[b])
        for node, (x, y) in zip(nodes, self.positions, strict=True):
            label = f"{node.name}\n→ {node.leaf}.grad" if node.leaf else node.name
            text = pg.TextItem(
                label,
                color="k",
                anchor=(0.5, 0.5),
                border=pg.mkPen("#333"),
                fill=LEAF_BRUSH if node.leaf else NODE_BRUSH,
            )
            text.setFont(QFont("monospace", 9))
            text.setPos(x, y)
            self._add(text)
        width = max(1.0, float(np.ptp(self.positions[:, 0])) if len(nodes) else 1.0)
        depth = max((n.depth for n in nodes), default=0)
        self.setRange(
            xRange=(-0.5 * width - 1.0, 0.5 * width + 1.0), yRange=(-0.5, depth + 0.5), padding=0
        )

    def _edge(self, start: np.ndarray, end: np.ndarray) -> None:
        """A straight arrow to the next layer; one that skips layers bows out to the right."""
        t = np.linspace(0.0, 1.0, 30)
        bulge = BULGE if end[1] - start[1] > 1 else 0.0
        x = start[0] + (end[0] - start[0]) * t + bulge * np.sin(np.pi * t)
        y = start[1] + 0.18 + (end[1] - start[1] - 0.36) * t
        self._add(pg.PlotCurveItem(x, y, pen=pg.mkPen("#555", width=1.5)))
        angle = _angle(x[-2], y[-2], x[-1], y[-1])
        self._add(pg.ArrowItem(pos=(x[-1], y[-1]), angle=angle, headLen=12, brush="#555", pen=None))

    def _add(self, item: pg.GraphicsObject) -> None:
        self.addItem(item)
        self._items.append(item)


def _layout(nodes: tuple[GraphNode, ...]) -> np.ndarray:
    """Depth down the page; nodes of one depth spread evenly across, centred on 0."""
    positions = np.zeros((len(nodes), 2))
    for depth in {n.depth for n in nodes}:
        members = [i for i, n in enumerate(nodes) if n.depth == depth]
        for k, i in enumerate(members):
            positions[i] = (1.6 * (k - (len(members) - 1) / 2), depth)
    return positions


def _angle(x0: float, y0: float, x1: float, y1: float) -> float:
    """ArrowItem's angle for a head at (x1, y1) pointing along the edge (y grows downwards)."""
    return float(np.degrees(np.arctan2(y1 - y0, x1 - x0))) + 180
