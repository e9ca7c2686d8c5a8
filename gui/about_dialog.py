"""Help → About: what the app is, the versions it runs on, the device, and a copy button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.about_info import (
    APP_NAME,
    NO_CUDA,
    NOT_INSTALLED,
    NOT_LOADED,
    UNKNOWN,
    UNKNOWN_CPU,
    AboutFacts,
    about_facts,
)


class AboutDialog(QDialog):
    """The facts of `about_facts` as a form; Copy puts them on the clipboard as text."""

    def __init__(self, model_device: str = "cpu", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = about_facts(model_device)
        self.setWindowTitle(self.tr("About Backprop Studio"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_NAME} {self.shown_value(self.facts.app_version)}</h2>")
        layout.addWidget(title)
        blurb = QLabel(
            self.tr(
                "Backprop Studio steps through a real PyTorch training loop one micro-step at a "
                "time: zero_grad, the forward pass neuron by neuron, the loss, backward gradient "
                "by gradient, and the optimizer's step parameter by parameter."
            )
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        form = QFormLayout()
        for label, value in self.rows(self.facts):
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        layout.addLayout(form)
        self.copy_button = QPushButton(self.tr("&Copy to clipboard"))
        self.copy_button.setToolTip(self.tr("Copy these versions, e.g. for a bug report"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Close"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self, facts: AboutFacts) -> list[tuple[str, str]]:
        shown = self.shown_value
        return [
            (self.tr("Python"), shown(facts.python)),
            (self.tr("PyTorch"), shown(facts.torch)),
            (self.tr("PySide6 / Qt"), f"{shown(facts.pyside6)} / {shown(facts.qt)}"),
            (self.tr("pyqtgraph"), shown(facts.pyqtgraph)),
            (self.tr("numpy"), shown(facts.numpy)),
            (self.tr("Model device"), shown(facts.model_device)),
            (self.tr("CPU"), shown(facts.cpu)),
            (self.tr("CUDA device"), shown(facts.cuda_device)),
            (self.tr("PyTorch threads"), str(facts.torch_threads)),
        ]

    def shown_value(self, value: str) -> str:
        """A fact in the interface's language where it is one of the app's own words."""
        words = {
            NO_CUDA: self.tr("no CUDA device"),
            NOT_INSTALLED: self.tr("not installed"),
            NOT_LOADED: self.tr("not loaded"),
            UNKNOWN: self.tr("unknown"),
            UNKNOWN_CPU: self.tr("unknown CPU"),
        }
        return words.get(value, value)

    def copy(self) -> str:
        text = self.facts.as_text()
        QApplication.clipboard().setText(text)
        return text
