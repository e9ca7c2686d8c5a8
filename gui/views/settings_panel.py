"""Every setting of a run, checked as it is typed; Apply asks the controller to rebuild.

The panel builds a Config from its fields on top of the one in use (so data, starting values
and anything without a field are kept). A field that cannot be parsed, or a Config the engine
refuses, is marked at the field with the message; Apply stays disabled until it is fixed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.core.device import cuda_unavailable_reason
from engine.core.errors import EngineError
from engine.models.activations import ACTIVATION_NAMES, OUTPUT_ONLY
from engine.models.config import DTYPE_NAMES, OPTIMIZER_NAMES, Config
from engine.models.losses import LOSS_NAMES
from engine.models.presets import PRESETS
from gui.plain_text import plain_label
from gui.views.checked_field import CheckedField, parse_float, parse_sizes

MESSAGE_STYLE = "color: #b3401c;"
PENDING_STYLE = "color: #5f6b7a;"
MOMENTUM_OPTIMIZERS = ("sgd", "rmsprop")
BETA_OPTIMIZERS = ("adam", "adamw")
# Fields a test function does not have: it is f(x, y), not a network.
NETWORK_FIELDS = ("layers", "activations", "loss", "train_biases", "published_variant")


class SettingsPanel(QWidget):
    """The form; emits a validated Config on Apply and a preset name when one is chosen."""

    apply_requested = Signal(object)  # Config
    preset_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: Config | None = None
        self._filling = False
        self._last_edited: QWidget | None = None
        self.activation_boxes: list[QComboBox] = []
        form = QWidget()
        sections = QVBoxLayout(form)
        sections.addWidget(self._model_section())
        sections.addWidget(self._optimizer_section())
        sections.addWidget(self._loop_section())
        sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._message_row())
        layout.addLayout(self._button_row())

    # -- building the form -------------------------------------------------------------------
    def _model_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Model"))
        form = QFormLayout(box)
        self.preset_box = QComboBox()
        self.preset_box.addItems(list(PRESETS))
        self.preset_box.setToolTip(self.tr("Load a preset: its network, data and settings"))
        self.preset_box.activated.connect(
            lambda i: self.preset_requested.emit(self.preset_box.itemText(i))
        )
        form.addRow(self.tr("Preset"), self.preset_box)
        self.layers_field = CheckedField(
            parse_sizes,
            self.tr("Neurons per layer, input first and output last, e.g. 2,2,2 or 2,4,4,2"),
        )
        self.layers_field.edited.connect(self._layers_edited)
        form.addRow(self.tr("Layer sizes"), self.layers_field)
        self.activations_box = QWidget()
        self.activations_layout = QFormLayout(self.activations_box)
        self.activations_layout.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Activations"), self.activations_box)
        self.loss_box = self._combo(LOSS_NAMES, self.tr("The loss function compared to targets"))
        form.addRow(self.tr("Loss"), self.loss_box)
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        self.seed_box.setToolTip(self.tr("Seed of the initial weights not given by the preset"))
        self._watch(self.seed_box)
        form.addRow(self.tr("Init seed"), self.seed_box)
        self.biases_box = self._check(
            self.tr("Train biases"),
            self.tr("Let the optimizer update the biases too (Mazur's example keeps them fixed)"),
        )
        form.addRow(self.biases_box)
        self.dtype_box = self._combo(DTYPE_NAMES, self.tr("Floating-point precision of tensors"))
        form.addRow(self.tr("dtype"), self.dtype_box)
        self.device_box = self._device_combo()
        form.addRow(self.tr("Device"), self.device_box)
        return box

    def _optimizer_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Optimizer"))
        form = QFormLayout(box)
        self.optimizer_box = self._combo(OPTIMIZER_NAMES, self.tr("Which torch.optim optimizer"))
        self.optimizer_box.currentIndexChanged.connect(self._enable_hyperparameters)
        form.addRow(self.tr("Optimizer"), self.optimizer_box)
        self.lr_field = self._number(self.tr("Learning rate: how far each step moves (≥ 0)"))
        form.addRow(self.tr("Learning rate"), self.lr_field)
        self.momentum_field = self._number(self.tr("Momentum in [0, 1) (SGD and RMSprop)"))
        form.addRow(self.tr("Momentum"), self.momentum_field)
        self.nesterov_box = self._check(
            self.tr("Nesterov"), self.tr("Nesterov momentum (SGD with momentum > 0)")
        )
        form.addRow(self.nesterov_box)
        self.beta1_field = self._number(self.tr("Adam's β₁: decay of the 1st moment, in [0, 1)"))
        self.beta2_field = self._number(self.tr("Adam's β₂: decay of the 2nd moment, in [0, 1)"))
        betas = QHBoxLayout()
        betas.addWidget(self.beta1_field)
        betas.addWidget(self.beta2_field)
        form.addRow(self.tr("Betas"), betas)
        self.decay_field = self._number(self.tr("Weight decay (L2 penalty), ≥ 0"))
        form.addRow(self.tr("Weight decay"), self.decay_field)
        self.lookahead_k_box = QSpinBox()
        self.lookahead_k_box.setRange(0, 1000)
        self.lookahead_k_box.setSpecialValueText(self.tr("off"))
        self.lookahead_k_box.setToolTip(
            self.tr("Lookahead: sync the slow weights every k steps (0 = off)")
        )
        self.lookahead_k_box.valueChanged.connect(self._enable_hyperparameters)
        self._watch(self.lookahead_k_box)
        form.addRow(self.tr("Lookahead k"), self.lookahead_k_box)
        self.lookahead_alpha_field = self._number(
            self.tr("Lookahead α in (0, 1]: how far the slow weights move")
        )
        form.addRow(self.tr("Lookahead α"), self.lookahead_alpha_field)
        return box

    def _loop_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Training loop"))
        form = QFormLayout(box)
        self.skip_zero_grad_box = self._check(
            self.tr("Skip zero_grad()"),
            self.tr("Leave optimizer.zero_grad() out: gradients accumulate across iterations"),
        )
        form.addRow(self.skip_zero_grad_box)
        self.variant_box = self._check(
            self.tr("Published variant (Mazur)"),
            self.tr(
                "Reproduce the post's closing figures: hidden-layer gradients computed with "
                "the already-updated output weights (not correct backprop)"
            ),
        )
        form.addRow(self.variant_box)
        return box

    def _message_row(self) -> QLabel:
        self.message_label = plain_label()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(MESSAGE_STYLE)
        return self.message_label

    def _button_row(self) -> QHBoxLayout:
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Rebuild the model with these settings"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Show the settings in use again"))
        self.revert_button.clicked.connect(self.revert)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.apply_button)
        return row

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
        box = self._combo(("auto", "cpu", "cuda"), self.tr("Where the tensors live"))
        reason = cuda_unavailable_reason()
        if reason:
            model = box.model()
            assert isinstance(model, QStandardItemModel)
            model.item(2).setEnabled(False)
            why = self.tr("CUDA is unavailable: {0}").format(reason)
            box.setItemData(2, why, Qt.ItemDataRole.ToolTipRole)
            box.setToolTip(self.tr("Where the tensors live. {0}").format(why))
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
            box = self._combo(tuple(names), self.tr("Activation of this layer's neurons"))
            if box.findText(spec) < 0:
                box.addItem(spec)
            box.setCurrentText(spec)
            title = self.tr("output") if last else self.tr("hidden {0}").format(position)
            self.activations_layout.addRow(title, box)
            self.activation_boxes.append(box)

    # -- filling and reading -----------------------------------------------------------------
    def set_config(self, config: Config) -> None:
        """Show the settings in use (after a rebuild); clears any pending edit."""
        self._base = config
        self._filling = True
        try:
            self._fill(config)
        finally:
            self._filling = False
        self._last_edited = None
        self._enable_hyperparameters()
        self._validate()

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
        network = not c.function
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

    def _enable_hyperparameters(self) -> None:
        optimizer = self.optimizer_box.currentText()
        self.momentum_field.setEnabled(optimizer in MOMENTUM_OPTIMIZERS)
        self.nesterov_box.setEnabled(optimizer == "sgd")
        self.beta1_field.setEnabled(optimizer in BETA_OPTIMIZERS)
        self.beta2_field.setEnabled(optimizer in BETA_OPTIMIZERS)
        self.lookahead_alpha_field.setEnabled(self.lookahead_k_box.value() > 0)

    def _checked_fields(self) -> dict[str, CheckedField]:
        return {
            "layers": self.layers_field,
            "lr": self.lr_field,
            "momentum": self.momentum_field,
            "beta1": self.beta1_field,
            "beta2": self.beta2_field,
            "weight_decay": self.decay_field,
            "lookahead_alpha": self.lookahead_alpha_field,
        }

    def _parsed(self) -> dict[str, Any] | None:
        """Every field's value, or None when any field cannot be parsed (each is marked)."""
        values: dict[str, Any] = {}
        for name, field in self._checked_fields().items():
            try:
                values[name] = field.value()
                field.set_error(None)
            except ValueError as error:
                field.set_error(str(error))
        if len(values) < len(self._checked_fields()):
            return None
        values["betas"] = (values.pop("beta1"), values.pop("beta2"))
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

    def _data_width_error(self, base: Config, sizes: tuple[int, ...]) -> str | None:
        n_in, n_out = len(base.inputs[0]), len(base.targets[0])
        if len(sizes) >= 2 and (sizes[0] != n_in or sizes[-1] != n_out):
            return self.tr(
                "the data has {0} input(s) and {1} target(s) per sample: keep the first size at "
                "{0} and the last at {1}"
            ).format(n_in, n_out)
        return None

    # -- checking ----------------------------------------------------------------------------
    def _edited(self, widget: QWidget) -> None:
        if self._filling:
            return
        self._last_edited = widget
        self._validate()

    def _validate(self) -> Config | None:
        """The Config the form describes, or None with the reason shown at the field."""
        base = self._base
        values = self._parsed()
        if base is None or values is None:
            return self._refuse(self.tr("Fix the marked field before applying.") if base else "")
        if base.function:
            for name in NETWORK_FIELDS:
                values.pop(name, None)
        elif message := self._data_width_error(base, values["layers"]):
            self.layers_field.set_error(message)
            return self._refuse(self.tr("Fix the marked field before applying."))
        try:
            config = base.replace(**values)
        except EngineError as error:
            return self._refuse(str(error), at_field=True)
        pending = config != base
        self.apply_button.setEnabled(pending)
        self.message_label.setStyleSheet(PENDING_STYLE)
        self.message_label.setText(self.tr("Changed: Apply rebuilds the model.") if pending else "")
        return config

    def _refuse(self, message: str, at_field: bool = False) -> None:
        if at_field and isinstance(self._last_edited, CheckedField):
            self._last_edited.set_error(message)
        self.apply_button.setEnabled(False)
        self.message_label.setStyleSheet(MESSAGE_STYLE)
        self.message_label.setText(message)
        return None

    def error_text(self) -> str:
        """Every message shown now (field errors and the form's own), for tests and the window."""
        errors = [f.error() for f in self._checked_fields().values() if f.error()]
        return "\n".join([*errors, self.message_label.text()]).strip()

    # -- actions -----------------------------------------------------------------------------
    def apply(self) -> bool:
        """Emit the form's Config when it is valid and differs from the one in use."""
        config = self._validate()
        if config is None or config == self._base:
            return False
        self.apply_requested.emit(config)
        return True

    def revert(self) -> None:
        if self._base is not None:
            self.set_config(self._base)
