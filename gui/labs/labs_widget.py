"""All learning labs in one tab widget, for the main window to embed.

A lab is built when its tab is first shown or its attribute first read, not with the window:
six labs of plots cost a fifth of a second that the first paint need not wait for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from gui.copy_image import add_copy_to_plot_menu
from gui.labs.activation_lab import ActivationLab
from gui.labs.autograd_lab import AutogradLab
from gui.labs.gradient_check_lab import GradientCheckLab, ModelReader
from gui.labs.playground_lab import PlaygroundLab
from gui.labs.softmax_lab import SoftmaxLab
from gui.labs.vanishing_lab import VanishingLab
from gui.theme import current_look, restyle

LabT = TypeVar("LabT", bound=QWidget)


def _literal(title: str) -> str:
    """A tab title shown as written: a single & would underline the next letter instead."""
    return title.replace("&", "&&")


@dataclass(frozen=True)
class _Tab:
    key: str
    title: str
    tip: str
    build: Callable[[], QWidget]


class LabsWidget(QTabWidget):
    """Activation, vanishing-gradient, softmax, autograd, gradient-check and playground labs.

    `read_model` hands a copy of the app's current model to a callback (the gradient check
    reads it; see gradient_check_lab.ModelReader);
    `use_activation_requested(spec)` asks the owner to put an activation spec into that model.
    """

    use_activation_requested = Signal(str)

    def __init__(
        self, read_model: ModelReader | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._built: dict[str, QWidget] = {}
        self._tabs = (
            _Tab("activation", self.tr("Activations"),
                 self.tr("f(x), f′(x), saturation, tangent"), ActivationLab),
            _Tab("vanishing", self.tr("Vanishing gradients"),
                 self.tr("Gradient norm per layer"), VanishingLab),
            _Tab("softmax", self.tr("Softmax & cross-entropy"),
                 self.tr("Jacobian and p − y"), SoftmaxLab),
            _Tab("autograd", self.tr("autograd.grad vs backward"),
                 self.tr("Same numbers, different side effects"), AutogradLab),
            _Tab("gradient_check", self.tr("Gradient check"),
                 self.tr("Finite differences, autograd, chain rule"),
                 lambda: GradientCheckLab(read_model)),
            _Tab("playground", self.tr("Classification"),
                 self.tr("Decision boundary and output activations"), PlaygroundLab),
        )  # fmt: skip
        for tab in self._tabs:
            self.setTabToolTip(self.addTab(QWidget(), _literal(tab.title)), tab.tip)
        self.currentChanged.connect(self._build_page)

    # -- the labs, each built on first use ---------------------------------------------------
    @property
    def activation(self) -> ActivationLab:
        return self._lab("activation", ActivationLab)

    @property
    def vanishing(self) -> VanishingLab:
        return self._lab("vanishing", VanishingLab)

    @property
    def softmax(self) -> SoftmaxLab:
        return self._lab("softmax", SoftmaxLab)

    @property
    def autograd(self) -> AutogradLab:
        return self._lab("autograd", AutogradLab)

    @property
    def gradient_check(self) -> GradientCheckLab:
        return self._lab("gradient_check", GradientCheckLab)

    @property
    def playground(self) -> PlaygroundLab:
        return self._lab("playground", PlaygroundLab)

    def _lab(self, key: str, kind: type[LabT]) -> LabT:
        lab = self._built[key] if key in self._built else self._build(key)
        assert isinstance(lab, kind)
        return lab

    def showEvent(self, event: QShowEvent) -> None:
        self._build_page(self.currentIndex())
        super().showEvent(event)

    def _build_page(self, index: int) -> None:
        if 0 <= index < len(self._tabs) and self._tabs[index].key not in self._built:
            self._build(self._tabs[index].key)

    def _build(self, key: str) -> QWidget:
        """Build a lab and put it in place of its tab's placeholder, keeping the open tab."""
        index = next(i for i, tab in enumerate(self._tabs) if tab.key == key)
        tab = self._tabs[index]
        lab = tab.build()
        self._built[key] = lab
        for plot in lab.findChildren(pg.PlotWidget):  # they keep pyqtgraph's own menu
            add_copy_to_plot_menu(plot)
        if isinstance(lab, ActivationLab):
            lab.use_activation_requested.connect(self.use_activation_requested)
        restyle(lab, current_look())
        current, placeholder = self.currentIndex(), self.widget(index)
        blocked = self.blockSignals(True)
        self.removeTab(index)
        self.setTabToolTip(self.insertTab(index, lab, _literal(tab.title)), tab.tip)
        self.setCurrentIndex(current)
        self.blockSignals(blocked)
        placeholder.deleteLater()
        return lab

    def built(self) -> list[QWidget]:
        """The labs built so far."""
        return list(self._built.values())

    def shutdown(self) -> None:
        """Stop timers and wait for background jobs (call before the window closes)."""
        built = self._built
        if "playground" in built:
            self.playground.pause()
            self.playground.comparison.task.wait()
            self.playground.csv_task.wait()  # a CSV file still loading stops at once
        if "vanishing" in built:
            self.vanishing.task.wait()
        if "gradient_check" in built:
            self.gradient_check.task.wait()
