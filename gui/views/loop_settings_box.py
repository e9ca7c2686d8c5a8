"""The settings form's "Data and loop" group: the dataset, mini-batches, epochs, shuffling,
the validation share, the learning-rate schedule and gradient clipping.

Every one of them needs a new model (they change what each iteration is), so Apply rebuilds,
through the same question and Undo as a new layer size. The group reads its widgets into the
keyword arguments of Config.replace; the engine's checks (Config) say what is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from engine.data.datasets import DATASET_NAMES
from engine.models.config import Config
from engine.models.schedule_spec import SCHEDULER_NAMES, SCHEDULER_STEPS
from gui.views.checked_field import CheckedField, parse_float

CLIPS = ("off", "norm", "value")
MAX_BATCH = 10_000_000


def tr(text: str) -> str:
    """The group's texts keep the settings panel's context (and so their translations)."""
    return QCoreApplication.translate("SettingsPanel", text)


def keywords_text(text: str) -> str:
    """What the keywords field holds: the k=v list as the learner types it."""
    return text.strip()


class LoopSettingsBox(QGroupBox):
    """One row per loop setting; `changed` carries the widget the learner changed."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Data and loop"), parent)
        self._filling = False
        form = QFormLayout(self)
        self.dataset_box = QComboBox()
        self.dataset_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )  # a long file name must not widen the dock
        self.dataset_box.setMinimumContentsLength(12)
        self.dataset_box.setToolTip(
            tr("The samples the run learns from (File → Open dataset… adds a CSV or IDX file)")
        )
        self._watch(self.dataset_box)
        form.addRow(tr("Dataset"), self.dataset_box)
        self.batch_box = self._spin(
            0,
            MAX_BATCH,
            tr("all"),
            tr("Samples per batch (all: the whole training set every iteration)"),
        )
        form.addRow(tr("Batch size"), self.batch_box)
        self.epochs_box = self._spin(
            0, 100_000, tr("not set"), tr("Epochs the run and its schedule plan for")
        )
        form.addRow(tr("Epochs"), self.epochs_box)
        self.shuffle_box = QCheckBox(tr("Shuffle"))
        self.shuffle_box.setToolTip(tr("Draw the batches in a new seeded order every epoch"))
        self._watch(self.shuffle_box)
        form.addRow(self.shuffle_box)
        self.val_field = self._number(tr("Share of the samples held out for validation, in [0, 1)"))
        form.addRow(tr("Validation share"), self.val_field)
        self._scheduler_rows(form)
        form.addRow(tr("Clip gradients"), self._clip_row())

    # -- building ----------------------------------------------------------------------------
    def _spin(self, low: int, high: int, special: str, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSpecialValueText(special)
        box.setToolTip(tip)
        self._watch(box)
        return box

    def _number(self, tip: str) -> CheckedField:
        field = CheckedField(parse_float, tip)
        self._watch(field)
        return field

    def _scheduler_rows(self, form: QFormLayout) -> None:
        self.scheduler_box = QComboBox()
        self.scheduler_box.addItem(tr("none"), "")
        for name in SCHEDULER_NAMES:
            self.scheduler_box.addItem(name, name)
        self.scheduler_box.setToolTip(tr("A torch.optim.lr_scheduler class that moves the lr"))
        self._watch(self.scheduler_box)
        form.addRow(tr("Scheduler"), self.scheduler_box)
        self.keywords_field = CheckedField(
            keywords_text, tr("The scheduler's keywords, e.g. step_size=2,gamma=0.5")
        )
        self._watch(self.keywords_field)
        form.addRow(tr("Its keywords"), self.keywords_field)
        self.scheduler_step_box = QComboBox()
        for step, text in zip(SCHEDULER_STEPS, (tr("per batch"), tr("per epoch")), strict=True):
            self.scheduler_step_box.addItem(text, step)
        self.scheduler_step_box.setToolTip(tr("When scheduler.step() runs"))
        self._watch(self.scheduler_step_box)
        form.addRow(tr("It steps"), self.scheduler_step_box)

    def _clip_row(self) -> QHBoxLayout:
        self.clip_box = QComboBox()
        for clip, text in zip(CLIPS, (tr("off"), tr("by norm"), tr("by value")), strict=True):
            self.clip_box.addItem(text, clip)
        self.clip_box.setToolTip(
            tr("clip_grad_norm_ (the whole gradient's length) or clip_grad_value_ (each value)")
        )
        self._watch(self.clip_box)
        self.clip_field = self._number(tr("The largest norm, or the largest absolute value"))
        row = QHBoxLayout()
        row.addWidget(self.clip_box)
        row.addWidget(self.clip_field, 1)
        return row

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, CheckedField):
            widget.edited.connect(lambda: self._changed(widget))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _: self._changed(widget))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _: self._changed(widget))
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _: self._changed(widget))

    def _changed(self, widget: QWidget) -> None:
        self._enable()
        if not self._filling:
            self.changed.emit(widget)

    def _enable(self) -> None:
        scheduled = bool(self.scheduler_box.currentData())
        self.keywords_field.setEnabled(scheduled)
        self.scheduler_step_box.setEnabled(scheduled)
        self.clip_field.setEnabled(self.clip_box.currentData() != "off")

    # -- the dataset list --------------------------------------------------------------------
    def _fill_datasets(self, current: str) -> None:
        box = self.dataset_box
        box.clear()
        box.addItem(tr("(the preset's data)"), "")
        for name in DATASET_NAMES:
            box.addItem(name, name)
        if current and box.findData(current) < 0:
            box.addItem(Path(current).name, current)
            box.setItemData(box.count() - 1, current, 3)  # the whole path as the tooltip
        box.setCurrentIndex(max(box.findData(current), 0))

    def choose_file(self, path: str) -> None:
        """Select a data file (File → Open dataset… has loaded it); the form is re-checked."""
        if self.dataset_box.findData(path) < 0:
            self.dataset_box.addItem(Path(path).name, path)
        self.dataset_box.setCurrentIndex(self.dataset_box.findData(path))

    # -- filling and reading -----------------------------------------------------------------
    def fill(self, c: Config) -> None:
        """Show these settings; no `changed` comes of it."""
        self._filling = True
        try:
            self._fill_datasets(c.dataset)
            self.batch_box.setValue(c.batch_size)
            self.epochs_box.setValue(c.epochs)
            self.shuffle_box.setChecked(c.shuffle)
            self.val_field.set_text(repr(float(c.val_share)))
            name, _, keywords = c.scheduler.partition(":")
            index = self.scheduler_box.findData(name.strip())
            if index < 0:  # any spelling the engine took: the canonical name is listed
                index = next(
                    (i for i in range(self.scheduler_box.count())
                     if str(self.scheduler_box.itemData(i)).lower() == name.strip().lower()),
                    0,
                )  # fmt: skip
            self.scheduler_box.setCurrentIndex(index)
            self.keywords_field.set_text(keywords.strip())
            self.scheduler_step_box.setCurrentIndex(
                max(self.scheduler_step_box.findData(c.scheduler_step), 0)
            )
            clip = "norm" if c.clip_norm else "value" if c.clip_value else "off"
            self.clip_box.setCurrentIndex(self.clip_box.findData(clip))
            limit = c.clip_norm or c.clip_value
            self.clip_field.set_text(repr(float(limit)) if limit else "1.0")
        finally:
            self._filling = False
        self._enable()
        self.setEnabled(c.has_layers)

    def checked_fields(self) -> dict[str, CheckedField]:
        return {"val_share": self.val_field, "clip_limit": self.clip_field}

    def values(self) -> dict[str, Any]:
        """The loop's Config fields; raises ValueError (marked at its field) on a bad number."""
        scheduler = str(self.scheduler_box.currentData() or "")
        keywords = self.keywords_field.value()
        if scheduler and keywords:
            scheduler = f"{scheduler}:{keywords}"
        clip = self.clip_box.currentData()
        limit = self.clip_field.value() if clip != "off" else 0.0
        return {
            "dataset": str(self.dataset_box.currentData() or ""),
            "batch_size": self.batch_box.value(),
            "epochs": self.epochs_box.value(),
            "shuffle": self.shuffle_box.isChecked(),
            "val_share": self.val_field.value(),
            "scheduler": scheduler,
            "scheduler_step": str(self.scheduler_step_box.currentData()),
            "clip_norm": limit if clip == "norm" else 0.0,
            "clip_value": limit if clip == "value" else 0.0,
        }
