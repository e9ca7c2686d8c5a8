"""Help → About: the versions, the device, and Copy to clipboard."""

from __future__ import annotations

import torch
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from gui.about_dialog import AboutDialog


def shown_text(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_dialog_shows_versions_and_device(qtbot):
    dialog = AboutDialog("cpu")
    qtbot.addWidget(dialog)
    text = shown_text(dialog)
    facts = dialog.facts
    for value in (facts.app_version, facts.python, facts.torch, facts.numpy, facts.pyqtgraph):
        assert value in text
    assert f"{facts.pyside6} / {facts.qt}" in text
    assert facts.cuda_device in text and facts.cpu in text
    assert str(torch.get_num_threads()) in text


def test_copy_puts_the_facts_on_the_clipboard(qtbot):
    dialog = AboutDialog("cpu")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.facts.as_text()
    assert dialog.copy_button.toolTip()


def test_help_about_opens_it_with_the_models_device(window):
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            seen.append(dialog.facts.model_device)
            dialog.reject()

    QTimer.singleShot(200, close_it)
    about = next(a for a in window.findChildren(QAction) if a.text() == "&About Backprop Studio")
    about.trigger()
    assert seen == ["cpu"]
