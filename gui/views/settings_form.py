"""The settings form: one field per setting, filled from a Config and read back as values.

The form knows its widgets only: it says which one the learner changed, and reads them all
into the keyword arguments of Config.replace (gui.views.settings_check makes the Config).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.core.device import cuda_unavailable_reason
from engine.models.activations import ACTIVATION_NAMES, OUTPUT_ONLY
from engine.models.config import DTYPE_NAMES, OPTIMIZER_NAMES, Config
from engine.models.losses import LOSS_NAMES
from engine.models.presets import PRESETS
from gui.views.checked_field import CheckedField, parse_float, parse_sizes
from gui.views.loop_settings_box import LoopSettingsBox

MOMENTUM_OPTIMIZERS = ("sgd", "rmsprop")
BETA_OPTIMIZERS = ("adam", "adamw")


def tr(text: str) -> str:
    """The form's texts keep the settings panel's context (and so their translations)."""
    return QCoreApplication.translate("SettingsPanel", text)


class SettingsForm(QWidget):
    """The model, optimizer and training-loop sections, with one activation box per layer."""

    edited = Signal(object)  # the widget the learner changed (never while the form is filled)
    preset_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.activation_boxes: list[QComboBox] = []
        sections = QVBoxLayout(self)
        sections.addWidget(self._model_section())
        sections.addWidget(self._optimizer_section())
        sections.addWidget(self._loop_section())
        self.loop_box = LoopSettingsBox()
        self.loop_box.changed.connect(self._edited)
        sections.addWidget(self.loop_box)
        sections.addStretch(1)

    # -- building ----------------------------------------------------------------------------
    def _model_section(self) -> QGroupBox:
        box = QGroupBox(tr("Model"))
        form = QFormLayout(box)
        self.preset_box = QComboBox()
        self.preset_box.addItems(list(PRESETS))
        self.preset_box.setToolTip(tr("Load a preset: its network, data and settings"))
        self.preset_box.activated.connect(
            lambda i: self.preset_chosen.emit(self.preset_box.itemText(i))
        )
        form.addRow(tr("Preset"), self.preset_box)
        self.layers_field = CheckedField(
            parse_sizes,
            tr("Neurons per layer, input first and output last, e.g. 2,2,2 or 2,4,4,2"),
        )
        self.layers_field.edited.connect(self._layers_edited)
        form.addRow(tr("Layer sizes"), self.layers_field)
        self.activations_box = QWidget()
        self.activations_layout = QFormLayout(self.activations_box)
        self.activations_layout.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Activations"), self.activations_box)
        self.loss_box = self._combo(LOSS_NAMES, tr("The loss function compared to targets"))
        form.addRow(tr("Loss"), self.loss_box)
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        self.seed_box.setToolTip(tr("Seed of the initial weights not given by the preset"))
        self._watch(self.seed_box)
        form.addRow(tr("Init seed"), self.seed_box)
        self.biases_box = self._check(
            tr("Train biases"),
            tr("Let the optimizer update the biases too (Mazur's example keeps them fixed)"),
        )
        form.addRow(self.biases_box)
        self.dtype_box = self._combo(DTYPE_NAMES, tr("Floating-point precision of tensors"))
        form.addRow(tr("dtype"), self.dtype_box)
        self.device_box = self._device_combo()
        form.addRow(tr("Device"), self.device_box)
        return box

    def _optimizer_section(self) -> QGroupBox:
        box = QGroupBox(tr("Optimizer"))
        form = QFormLayout(box)
        self.optimizer_box = self._combo(OPTIMIZER_NAMES, tr("Which torch.optim optimizer"))
        self.optimizer_box.currentIndexChanged.connect(self.enable_hyperparameters)
        form.addRow(tr("Optimizer"), self.optimizer_box)
        self.lr_field = self._number(tr("Learning rate: how far each step moves (≥ 0)"))
        form.addRow(tr("Learning rate"), self.lr_field)
        self.momentum_field = self._number(tr("Momentum in [0, 1) (SGD and RMSprop)"))
        form.addRow(tr("Momentum"), self.momentum_field)
        self.nesterov_box = self._check(
            tr("Nesterov"), tr("Nesterov momentum (SGD with momentum > 0)")
        )
        form.addRow(self.nesterov_box)
        self.beta1_field = self._number(tr("Adam's β₁: decay of the 1st moment, in [0, 1)"))
        self.beta2_field = self._number(tr("Adam's β₂: decay of the 2nd moment, in [0, 1)"))
        betas = QHBoxLayout()
        betas.addWidget(self.beta1_field)
        betas.addWidget(self.beta2_field)
        form.addRow(tr("Betas"), betas)
        self.decay_field = self._number(tr("Weight decay (L2 penalty), ≥ 0"))
        form.addRow(tr("Weight decay"), self.decay_field)
        self.lookahead_k_box = QSpinBox()
        self.lookahead_k_box.setRange(0, 1000)
        self.lookahead_k_box.setSpecialValueText(tr("off"))
        self.lookahead_k_box.setToolTip(
            tr("Lookahead: sync the slow weights every k steps (0 = off)")
        )
        self.lookahead_k_box.valueChanged.connect(self.enable_hyperparameters)
        self._watch(self.lookahead_k_box)
        form.addRow(tr("Lookahead k"), self.lookahead_k_box)
        self.lookahead_alpha_field = self._number(
            tr("Lookahead α in (0, 1]: how far the slow weights move")
        )
        form.addRow(tr("Lookahead α"), self.lookahead_alpha_field)
        return box

    def _loop_section(self) -> QGroupBox:
        box = QGroupBox(tr("Training loop"))
        form = QFormLayout(box)
        self.skip_zero_grad_box = self._check(
            tr("Skip zero_grad()"),
            tr("Leave optimizer.zero_grad() out: gradients accumulate across iterations"),
        )
        form.addRow(self.skip_zero_grad_box)
        self.variant_box = self._check(
            tr("Published variant (Mazur)"),
            tr(
                "Reproduce the post's closing figures: hidden-layer gradients computed with "
                "the already-updated output weights (not correct backprop)"
            ),
        )
        form.addRow(self.variant_box)
        return box

    def _combo(self, items: tuple[str, ...], tip: str) -> QComboBox:
        box = QComboBox()
        box.addItems(list(items))
        box.setToolTip(tip)
        self._watch(box)
        return box

    def _check(self, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setToolTip(tip)
        self._watch(box)
        return box

    def _number(self, tip: str) -> CheckedField:
        field = CheckedField(parse_float, tip)
        self._watch(field)
        return field

    def _device_combo(self) -> QComboBox:
        box = self._combo(("auto", "cpu", "cuda"), tr("Where the tensors live"))
        reason = cuda_unavailable_reason()
        if reason:
            model = box.model()
            assert isinstance(model, QStandardItemModel)
            model.item(2).setEnabled(False)
            why = tr("CUDA is unavailable: {0}").format(reason)
            box.setItemData(2, why, Qt.ItemDataRole.ToolTipRole)
            box.setToolTip(tr("Where the tensors live. {0}").format(why))
        return box

    def _watch(self, widget: QWidget) -> None:
        """Re-check the whole form whenever this widget changes."""
        if isinstance(widget, CheckedField):
            widget.edited.connect(lambda: self._edited(widget))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _: self._edited(widget))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _: self._edited(widget))
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _: self._edited(widget))

    def _edited(self, widget: QWidget) -> None:
        if not self._filling:
            self.edited.emit(widget)

    # -- activations, one box per layer after the input --------------------------------------
    def _layers_edited(self) -> None:
        """A new number of layers gets one activation box per layer, then the form is checked."""
        try:
            sizes = self.layers_field.value()
        except ValueError:
            sizes = ()
        if len(sizes) >= 2 and len(sizes) - 1 != len(self.activation_boxes):
            current = [box.currentText() for box in self.activation_boxes]
            hidden = current[0] if len(current) > 1 else "sigmoid"
            output = current[-1] if current else "sigmoid"
            self._filling = True
            try:
                self._set_activations([hidden] * (len(sizes) - 2) + [output])
            finally:
                self._filling = False
        self._edited(self.layers_field)

    def _set_activations(self, specs: list[str]) -> None:
        while self.activations_layout.rowCount():
            self.activations_layout.removeRow(0)
        self.activation_boxes = []
        for position, spec in enumerate(specs, start=1):
            last = position == len(specs)
            names = [n for n in ACTIVATION_NAMES if last or n not in OUTPUT_ONLY]
            box = self._combo(tuple(names), tr("Activation of this layer's neurons"))
            if box.findText(spec) < 0:
                box.addItem(spec)
            box.setCurrentText(spec)
            title = tr("output") if last else tr("hidden {0}").format(position)
            self.activations_layout.addRow(title, box)
            self.activation_boxes.append(box)

    # -- filling and reading -----------------------------------------------------------------
    def fill(self, config: Config) -> None:
        """Show these settings; no `edited` comes of it."""
        self._filling = True
        try:
            self._fill(config)
        finally:
            self._filling = False
        self.enable_hyperparameters()

    def _fill(self, c: Config) -> None:
        self.preset_box.setCurrentText(c.preset)
        self.layers_field.set_text(",".join(str(n) for n in c.layers))
        self._set_activations(list(c.activations))
        self.loss_box.setCurrentText(c.loss)
        self.seed_box.setValue(c.seed)
        self.biases_box.setChecked(c.train_biases)
        self.dtype_box.setCurrentText(c.dtype)
        self.device_box.setCurrentText(c.device)
        self.optimizer_box.setCurrentText(c.optimizer)
        for field, value in self._number_fields(c):
            field.set_text(repr(float(value)))
        self.nesterov_box.setChecked(c.nesterov)
        self.lookahead_k_box.setValue(c.lookahead_k)
        self.skip_zero_grad_box.setChecked(c.skip_zero_grad)
        self.variant_box.setChecked(c.published_variant)
        self.loop_box.fill(c)
        network = c.has_layers
        network_widgets = (self.layers_field, self.activations_box, self.loss_box)
        for widget in (*network_widgets, self.biases_box, self.variant_box):
            widget.setEnabled(network)

    def _number_fields(self, c: Config) -> list[tuple[CheckedField, float]]:
        return [
            (self.lr_field, c.lr),
            (self.momentum_field, c.momentum),
            (self.beta1_field, c.betas[0]),
            (self.beta2_field, c.betas[1]),
            (self.decay_field, c.weight_decay),
            (self.lookahead_alpha_field, c.lookahead_alpha),
        ]

    def enable_hyperparameters(self) -> None:
        """Only the optimizer's own settings are editable."""
        optimizer = self.optimizer_box.currentText()
        self.momentum_field.setEnabled(optimizer in MOMENTUM_OPTIMIZERS)
        self.nesterov_box.setEnabled(optimizer == "sgd")
        self.beta1_field.setEnabled(optimizer in BETA_OPTIMIZERS)
        self.beta2_field.setEnabled(optimizer in BETA_OPTIMIZERS)
        self.lookahead_alpha_field.setEnabled(self.lookahead_k_box.value() > 0)

    def checked_fields(self) -> dict[str, CheckedField]:
        """The typed fields, by the value each one gives."""
        return {
            "layers": self.layers_field,
            "lr": self.lr_field,
            "momentum": self.momentum_field,
            "beta1": self.beta1_field,
            "beta2": self.beta2_field,
            "weight_decay": self.decay_field,
            "lookahead_alpha": self.lookahead_alpha_field,
            **self.loop_box.checked_fields(),
        }

    def values(self) -> dict[str, Any] | None:
        """Every field's value, or None when any field cannot be parsed (each is marked)."""
        values: dict[str, Any] = {}
        for name, field in self.checked_fields().items():
            try:
                values[name] = field.value()
                field.set_error(None)
            except ValueError as error:
                field.set_error(str(error))
        if len(values) < len(self.checked_fields()):
            return None
        values["betas"] = (values.pop("beta1"), values.pop("beta2"))
        for name in self.loop_box.checked_fields():
            values.pop(name)
        values.update(self.loop_box.values())
        values["activations"] = tuple(box.currentText() for box in self.activation_boxes)
        values.update(
            loss=self.loss_box.currentText(),
            seed=self.seed_box.value(),
            train_biases=self.biases_box.isChecked(),
            dtype=self.dtype_box.currentText(),
            device=self.device_box.currentText(),
            optimizer=self.optimizer_box.currentText(),
            nesterov=self.nesterov_box.isChecked(),
            lookahead_k=self.lookahead_k_box.value(),
            skip_zero_grad=self.skip_zero_grad_box.isChecked(),
            published_variant=self.variant_box.isChecked(),
        )
        return values
