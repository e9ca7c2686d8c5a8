"""The diagram with what explains it: a banner row above, a legend, a hint and zoom buttons below.

The banner takes its own row rather than lying over the figure, so a notice never hides a
neuron; the legend says what the figure's colours, widths and dashes mean, in its colours.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from gui.views.flow_layout import FlowLayout
from gui.views.message_banner import MessageBanner
from gui.views.network_view import NetworkView


class DiagramPane(QWidget):
    """`view` is the diagram; `banner` its notices; `legend`, `hint` and the zoom buttons below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = NetworkView()
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
        layout.addWidget(self.view, 1)
        layout.addLayout(below)
        self._show_legend()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ←/→ stay with stepping
        button.clicked.connect(slot)
        return button

    def set_dark(self, dark: bool) -> None:
        """The theme's hook: the legend in the diagram's colours for the new theme."""
        self.view.set_dark(dark)
        self._show_legend()

    def legend_text(self) -> str:
        """The legend's entries as shown (rich text), one after another."""
        return " ".join(label.text() for label in self.legend_entries)

    def _show_legend(self) -> None:
        c = self.view.colours
        entries = legend_entries(
            [
                (c.positive, "——", self.tr("weight > 0")),
                (c.negative, "——", self.tr("weight < 0")),
                (None, "", self.tr("thicker = larger |weight|")),
                (c.frozen, "- - -", self.tr("frozen (not trained)")),
                (c.backward, "∂E/∂w, δ", self.tr("gradients")),
                (c.focus, self.tr("orange"), self.tr("this micro-step")),
            ]
        )
        if not self.legend_entries:
            for _ in entries:
                label = QLabel()
                label.setTextFormat(Qt.TextFormat.RichText)  # built here from fixed words only
                self.legend.layout().addWidget(label)
                self.legend_entries.append(label)
        for label, entry in zip(self.legend_entries, entries, strict=True):
            label.setText(entry)


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
