"""The diagram with what explains it: a banner row above, a legend, a hint and zoom buttons below.

The banner takes its own row rather than lying over the figure, so a notice never hides a
neuron; the legend says what the figure's colours, widths and dashes mean, in its colours.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from engine.core.snapshot import Snapshot
from engine.models.parameters import ParamInfo
from gui.views.diagram_switch import DiagramSwitch
from gui.views.flow_layout import FlowLayout
from gui.views.layer_columns.colour_maps import MISSING
from gui.views.message_banner import MessageBanner
from gui.views.network_view import NetworkView


class DiagramPane(QWidget):
    """`view` is the diagram (`switch.columns` for wide networks); `banner` its notices;
    `legend`, `hint` and the zoom buttons below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = NetworkView()
        self.switch = DiagramSwitch(self.view)
        self.banner = MessageBanner()
        self.legend = QWidget()
        self.legend.setLayout(FlowLayout(spacing=12))
        self.legend.setToolTip(self.tr("What the diagram's colours, widths and dashes mean"))
        self.legend_entries: list[QLabel] = []
        self.hint = QLabel(self.tr("Wheel or +/− to zoom, drag to pan"))
        self.hint.setStyleSheet("color: #7a8591;")
        self.zoom_in = self._button("+", self.tr("Zoom in (or turn the wheel)"), self.view.zoom_in)
        self.zoom_out = self._button("−", self.tr("Zoom out"), self.view.zoom_out)
        self.fit = self._button(
            self.tr("Fit"),
            self.tr("The whole network, or as much as fits at a readable size"),
            self.view.fit_figure,
        )
        below = QHBoxLayout()
        below.setContentsMargins(4, 0, 4, 0)
        below.addWidget(self.legend, 1)
        below.addWidget(self.hint)
        for button in (self.zoom_out, self.zoom_in, self.fit):
            below.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(self.switch, 1)
        layout.addLayout(below)
        self._show_legend()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ←/→ stay with stepping
        button.clicked.connect(slot)
        return button

    def set_network(
        self,
        neurons: Sequence[Sequence[str]],
        params: Sequence[ParamInfo],
        activations: Sequence[str] = (),
    ) -> None:
        """The textbook figure for a small network, layers as columns for a wide one."""
        self.switch.set_network(neurons, params, activations)
        for figure_only in (self.hint, self.zoom_in, self.zoom_out, self.fit):
            figure_only.setVisible(not self.switch.wide)
        self._show_legend()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.switch.show_snapshot(snapshot)

    def set_dark(self, dark: bool) -> None:
        """The theme's hook: the legend in the diagram's colours for the new theme."""
        self.view.set_dark(dark)
        self.switch.set_colours(self.view.colours)
        self._show_legend()

    def legend_text(self) -> str:
        """The legend's entries as shown (rich text), one after another."""
        return " ".join(label.text() for label in self.legend_entries if label.text())

    def _show_legend(self) -> None:
        wide = self.switch.wide
        entries = legend_entries(self._column_entries() if wide else self._figure_entries())
        while len(self.legend_entries) < len(entries):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)  # built here from fixed words only
            self.legend.layout().addWidget(label)
            self.legend_entries.append(label)
        for i, label in enumerate(self.legend_entries):
            label.setText(entries[i] if i < len(entries) else "")
            label.setVisible(i < len(entries))

    def _figure_entries(self) -> list[tuple[QColor | None, str, str]]:
        """What the textbook figure's colours, widths and dashes mean."""
        c = self.view.colours
        return [
            (c.positive, "——", self.tr("weight > 0")),
            (c.negative, "——", self.tr("weight < 0")),
            (None, "", self.tr("thicker = larger |weight|")),
            (c.frozen, "- - -", self.tr("frozen (not trained)")),
            (c.backward, "∂E/∂w, δ", self.tr("gradients")),
            (c.focus, self.tr("orange"), self.tr("this micro-step")),
        ]

    def _column_entries(self) -> list[tuple[QColor | None, str, str]]:
        """What the layer columns' colours mean."""
        c = self.view.colours
        return [
            (c.positive, "■", self.tr("weight > 0")),
            (c.negative, "■", self.tr("weight < 0")),
            (MISSING, "■", self.tr("not computed yet")),
            (c.focus, "□", self.tr("this micro-step")),
            (None, "", self.tr("click a neuron to zoom into its weights")),
        ]


def legend_entries(entries: list[tuple[QColor | None, str, str]]) -> list[str]:
    """Each entry as rich text: a coloured mark and its words."""

    shown = []
    for colour, mark, words in entries:
        entry = html.escape(words)
        if colour is not None:
            style = f"color:{colour.name()}; font-weight:bold"
            entry = f"<span style='{style}'>{html.escape(mark)}</span> {entry}"
        shown.append(entry)
    return shown
