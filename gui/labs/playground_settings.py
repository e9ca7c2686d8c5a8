"""The playground's settings form: dataset, noise, split, network, output, optimiser, seed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from engine.labs.datasets import DATASET_NAMES, MAX_NOISE
from engine.labs.output_heads import HEADS
from engine.labs.playground import PlaygroundConfig
from engine.models.activations import ACTIVATION_NAMES, OUTPUT_ONLY
from gui.labs.value_slider import ValueSlider

OWN_POINTS = "own"


class PlaygroundSettings(QWidget):
    """Emits `changed` whenever a setting changes; `config()` reads them all."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.dataset = QComboBox()
        for name in DATASET_NAMES:
            self.dataset.addItem(self.tr(name), name)
        self.points = self._int(20, 5000, 400, self.tr("How many points to generate"))
        self.noise = self._slider(0.0, MAX_NOISE, 0.01, 0.05, self.tr("Std of the Gaussian jitter"))
        self.test_fraction = self._slider(0.05, 0.9, 0.05, 0.3, self.tr("Share of points held out"))
        self.hidden = QLineEdit("8")
        self.hidden.setToolTip(self.tr("Hidden layer sizes, e.g. 8 or 16, 16"))
        self.activation = QComboBox()
        for name in ACTIVATION_NAMES:
            if name not in OUTPUT_ONLY:
                self.activation.addItem(name, name)
        self.activation.setCurrentIndex(self.activation.findData("tanh"))
        self.head = QComboBox()
        for head in HEADS:
            self.head.addItem(self.tr(head.title), head.key)
            self.head.setItemData(self.head.count() - 1, head.code, Qt.ItemDataRole.ToolTipRole)
        self.lr = self._float(0.001, 5.0, 0.5, 0.05, self.tr("SGD learning rate"))
        self.batch = self._int(1, 1024, 64, self.tr("Mini-batch size"))
        self.seed = self._int(
            0, 9999, 0, self.tr("Seed of the data, the split, the weights and the batch order")
        )
        rows = (
            (self.tr("data"), self.dataset),
            (self.tr("points"), self.points),
            (self.tr("noise"), self.noise),
            (self.tr("test share"), self.test_fraction),
            (self.tr("hidden layers"), self.hidden),
            (self.tr("hidden act."), self.activation),
            (self.tr("output"), self.head),
            (self.tr("learning rate"), self.lr),
            (self.tr("batch"), self.batch),
            (self.tr("seed"), self.seed),
        )
        for label, widget in rows:
            form.addRow(label, widget)
        for box in (self.dataset, self.activation, self.head):
            box.currentIndexChanged.connect(self.changed)
        self.hidden.editingFinished.connect(self.changed)
        self.dataset.setToolTip(self.tr("A built-in dataset, or your own points from a CSV file"))
        self.activation.setToolTip(self.tr("Activation of the hidden layers"))
        self.head.setToolTip(self.tr("Output activation and the loss it is trained with"))

    def _int(self, lo: int, hi: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setValue(value)
        spin.setToolTip(tip)
        spin.valueChanged.connect(self.changed)
        return spin

    def _slider(self, lo: float, hi: float, step: float, value: float, tip: str) -> ValueSlider:
        slider = ValueSlider(lo, hi, step, value)
        slider.setToolTip(tip)
        slider.valueChanged.connect(self.changed)
        return slider

    def _float(self, lo: float, hi: float, value: float, step: float, tip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(lo, hi)
        spin.setDecimals(3)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setToolTip(tip)
        spin.valueChanged.connect(self.changed)
        return spin

    def add_own_points(self, name: str) -> None:
        """Offer (and select) the learner's loaded points as the dataset."""
        index = self.dataset.findData(OWN_POINTS)
        if index < 0:
            self.dataset.addItem("", OWN_POINTS)
            index = self.dataset.count() - 1
        self.dataset.setItemText(index, self.tr("own: {name}").format(name=name))
        self.dataset.setCurrentIndex(index)

    @property
    def own_points(self) -> bool:
        return self.dataset.currentData() == OWN_POINTS

    def config(self) -> PlaygroundConfig:
        """The settings as a config; raises ValueError with a reason when they do not fit."""
        try:
            hidden = tuple(int(p) for p in self.hidden.text().replace(",", " ").split())
        except ValueError:
            raise ValueError(self.tr("hidden layers must be whole numbers, e.g. 16, 16")) from None
        dataset = "circle" if self.own_points else self.dataset.currentData()
        return PlaygroundConfig(
            dataset=dataset,
            points=self.points.value(),
            noise=self.noise.value(),
            test_fraction=self.test_fraction.value(),
            hidden=hidden,
            activation=self.activation.currentData(),
            head=self.head.currentData(),
            lr=self.lr.value(),
            batch_size=self.batch.value(),
            seed=self.seed.value(),
        )
