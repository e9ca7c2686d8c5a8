"""Every setting of a run, checked as it is typed; Apply hands the new settings on.

The panel builds a Config from its form's fields on top of the one in use (so data, starting
values and anything without a field are kept). A field that cannot be parsed, or a Config the
engine refuses, is marked at the field with the message; Apply stays disabled until it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from engine.core.errors import EngineError
from engine.models.config import Config
from gui.plain_text import plain_label
from gui.views.checked_field import CheckedField
from gui.views.settings_check import FieldRefused, assemble
from gui.views.settings_form import SettingsForm

MESSAGE_STYLE = "color: #b3401c;"
PENDING_STYLE = "color: #5f6b7a;"


class SettingsPanel(QWidget):
    """The form; emits a validated Config on Apply and a preset name when one is chosen."""

    apply_requested = Signal(object)  # Config
    preset_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: Config | None = None
        self._last_edited: QWidget | None = None
        # What Apply will do with a change (the window says whether the run goes on).
        self.change_note: Callable[[Config, Config], str] | None = None
        self.form = SettingsForm()
        self.form.edited.connect(self._edited)
        self.form.preset_chosen.connect(self.preset_requested)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._message_row())
        layout.addLayout(self._button_row())

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

    def set_config(self, config: Config) -> None:
        """Show the settings in use (after a rebuild); clears any pending edit."""
        self._base = config
        self.form.fill(config)
        self._last_edited = None
        self._validate()

    # -- checking ----------------------------------------------------------------------------
    def _edited(self, widget: QWidget) -> None:
        self._last_edited = widget
        self._validate()

    def _validate(self) -> Config | None:
        """The Config the form describes, or None with the reason shown at the field."""
        base = self._base
        values = self.form.values()
        if base is None or values is None:
            return self._refuse(self.tr("Fix the marked field before applying.") if base else "")
        try:
            config = assemble(base, values)
        except FieldRefused as refused:
            field = self.form.checked_fields().get(refused.field)
            if field is None:  # a choice, not a typed field: the message says it all
                return self._refuse(refused.message)
            field.set_error(refused.message)
            return self._refuse(self.tr("Fix the marked field before applying."))
        except EngineError as error:
            return self._refuse(str(error), at_field=True)
        pending = config != base
        self.apply_button.setEnabled(pending)
        self.message_label.setStyleSheet(PENDING_STYLE)
        note = self.tr("Changed: Apply rebuilds the model.")
        if pending and self.change_note is not None:
            note = self.change_note(base, config) or note
        if config.layers != values.get("layers", config.layers):
            sizes = ",".join(str(n) for n in config.layers)
            note += " " + self.tr("Layer sizes become {0} to fit the data.").format(sizes)
        self.message_label.setText(note if pending else "")
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
        errors = [f.error() for f in self.form.checked_fields().values() if f.error()]
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
