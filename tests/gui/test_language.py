"""The Chinese interface: every visible text translated, the menu, the switch keeping the run."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QListWidget,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from engine.data.datasets import DATASET_NAMES
from engine.labs.activation_curves import LAB_KEYS
from engine.models.activations import ACTIVATION_NAMES
from engine.models.config import DEVICE_NAMES, OPTIMIZER_NAMES
from engine.models.losses import LOSS_NAMES
from engine.models.presets import PRESETS
from engine.models.schedule_spec import SCHEDULER_NAMES
from engine.models.test_functions import FUNCTIONS
from gui import language
from gui.background import wait_for_all
from gui.main_window import MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")
# What may stay in Latin letters in a Chinese interface, by kind rather than string by string:
CODE = re.compile(
    r"[A-Za-z_][\w.′]*\([^()]*\)"  # calls: loss.backward(), softmax(a), f′(net)
    r"|[A-Za-z_]*(?:\.\w+)+"  # attributes and modules: p.grad, .grad, torch.optim
    r"|\w*_\w*"  # snake_case identifiers: zero_grad, net_h1, log_softmax
    r"|\b[a-zA-Z]+\d+\w*"  # labels and dtypes: w1, h1, o2, float64
    r"|\b[A-Z][A-Z0-9]+s?\b"  # acronyms and units: SGD, CSV, GIF, CUDA, NLL, FD
    r"|\b[A-Za-z]\b"  # one-letter symbols: x, y, a, E, k
    r"|\b(?:None|True|False|lr|dtype|logits?|max|min|log|exp|sum|diag)\b"  # code and maths
    r"|\w+Error: .*"  # PyTorch's own error message, quoted as the learner would see it
    r"|\b(?:Ctrl|Shift|Alt|Meta)\+\S+"  # shortcuts, as Qt names the keys
)
# A line with = or ← is a formula or a line of code (E = Σ ½(target − out)²), unless it holds
# a phrase: three Latin words in a row.
FORMULA = re.compile(r"[=←]")
PHRASE = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")
CODE_INDENT = " " * 4  # the continuation of a line of code in a listing
# Names that are the same in every language: the app, libraries, people, and every name the
# engine's registries accept (they are also the command line's vocabulary).
PROPER_NAMES = {"backprop", "studio", "pytorch", "autograd", "mazur", "opengl", "li", "et", "al"}
PROPER_NAMES |= {"xavier", "glorot", "kaiming", "he", "python", "pyside", "qt", "pyqtgraph"}
PROPER_NAMES |= {"numpy", "leakyrelu", "prelu", "latex"}
PROPER_NAMES |= {name.lower() for name in language.LANGUAGE_NAMES.values()}  # "English"
ENGINE_NAMES = {
    word.lower()
    for name in (*ACTIVATION_NAMES, *LAB_KEYS, *OPTIMIZER_NAMES, *PRESETS, *LOSS_NAMES)
    for word in re.findall(r"[A-Za-z]+", name)
}
ENGINE_NAMES |= {name.lower() for name in (*FUNCTIONS, *DEVICE_NAMES)}
# Dataset names and torch's class names (the scheduler classes, DataLoader) are what code types.
ENGINE_NAMES |= {name.lower() for name in (*DATASET_NAMES, *SCHEDULER_NAMES, "DataLoader")}
ENGINE_NAMES |= {"momentum", "nesterov", "lookahead", "adagrad", "rmsprop", "relu", "swish"}


def untranslated_words(text: str) -> list[str]:
    """The Latin words of `text` that are neither code, a symbol nor a name."""
    plain = re.sub(r"<[^>]*>|&\w+;", " ", text)  # rich text: tags and entities are not words
    lines = [CODE.sub(" ", line) for line in plain.splitlines()]
    prose = [
        line
        for line in lines
        if not line.startswith(CODE_INDENT) and (not FORMULA.search(line) or PHRASE.search(line))
    ]
    words = re.findall(r"[A-Za-z]{2,}", " ".join(prose))
    return [w for w in words if w.lower() not in PROPER_NAMES | ENGINE_NAMES]


@pytest.fixture
def chinese_window(qtbot):
    assert language.install_language(language.CHINESE)
    win = MainWindow(PRESETS["mazur"])
    qtbot.addWidget(win)
    win.network_view.animation_ms = 0
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    wait_for_all()
    language.install_language(language.ENGLISH)


def visible_texts(window: MainWindow) -> set[str]:
    """Every text a learner can see or hover in the window (tooltips included)."""
    texts = {label.text() for label in window.findChildren(QLabel)}
    texts |= {button.text() for button in window.findChildren(QAbstractButton)}
    texts |= {box.title() for box in window.findChildren(QGroupBox)}
    texts |= {dock.windowTitle() for dock in window.findChildren(QDockWidget)}
    texts |= {action.text() for action in window.findChildren(QAction)}
    for menu_action in window.menuBar().actions():
        texts.add(menu_action.text())
        texts |= {action.text() for action in menu_action.menu().actions()}
    for bar in window.findChildren(QTabBar):
        texts |= {bar.tabText(i) for i in range(bar.count())}
    for items in window.findChildren(QListWidget):
        texts |= {items.item(i).text() for i in range(items.count())}
    for table in window.findChildren(QTableWidget):
        headers = (table.horizontalHeaderItem(i) for i in range(table.columnCount()))
        texts |= {header.text() for header in headers if header is not None}
    for combo in window.findChildren(QComboBox):
        texts |= {combo.itemText(i) for i in range(combo.count())}
    texts |= {widget.toolTip() for widget in window.findChildren(QWidget)}
    texts |= {action.toolTip() for action in window.findChildren(QAction)}
    for spin in window.findChildren(QAbstractSpinBox):
        texts |= {spin.prefix(), spin.suffix()} if hasattr(spin, "suffix") else set()
    return {text for text in texts if text.strip()}


def visit_every_tab(window: MainWindow, qtbot) -> None:
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(5)
    window.tabs.setCurrentIndex(0)
    window.settings_dock.raise_()


def test_no_visible_text_is_left_in_english(chinese_window, qtbot):
    window = chinese_window
    visit_every_tab(window, qtbot)
    texts = visible_texts(window)
    explanations: set[str] = set()
    for preset in ("mazur", "xor", "rosenbrock"):  # networks (one sample, four), a function
        assert window.controller.load_preset(preset)
        explanations.add(window.explanation_panel.toPlainText())
        for _ in range(window.controller.stepper.micro_steps_per_iteration + 1):
            window.controller.step_phase()  # every phase, and the next iteration's zero_grad
            explanations.add(window.explanation_panel.toPlainText())
            texts |= {label.text() for label in window.statusBar().findChildren(QLabel)}
        model = window.controller.stepper.model
        for label in [*model.index, *(name for layer in model.neurons for name in layer)]:
            texts.add(window.controller.describe(label))  # the diagram's hover texts
    untranslated = {
        text: words for text in texts | explanations if (words := untranslated_words(text))
    }
    assert untranslated == {}, "\n".join(
        f"{words}: {text!r}" for text, words in untranslated.items()
    )
    assert all(CJK.search(text) for text in explanations)


def test_the_allowed_tokens_are_code_symbols_and_names_only():
    assert untranslated_words("∂E/∂w5 = 0.74136507 × 0.1868156 · loss.backward()") == []
    assert untranslated_words("optimizer.step()：SGD 更新 w5。") == []
    assert untranslated_words("Rosenbrock 函数，LeakyReLU，float64") == []
    assert untranslated_words("第 1 次迭代 · forward pass") == ["forward", "pass"]
    assert untranslated_words("Training loop") == ["Training", "loop"]


def test_language_menu_lists_both_languages_and_switches(window):
    titles = [action.text() for action in window.language_menu.actions()]
    assert titles == ["English", "简体中文"]
    checked = [action.text() for action in window.language_menu.actions() if action.isChecked()]
    assert checked == ["English"]
    window.language_menu.actions()[1].trigger()  # 简体中文, as a click does
    new = language.rebuilt_window()
    try:
        assert new is not window and not window.isVisible()
        chosen = [action.text() for action in new.language_menu.actions() if action.isChecked()]
        assert chosen == ["简体中文"]
        assert new.language_menu.title() == "语言(&L)"
    finally:
        language.switch_language(new, language.ENGLISH).close()
        wait_for_all()
        QSettings().remove(language.LANGUAGE_KEY)


def test_switching_keeps_the_run_and_is_remembered(window, qtbot):
    controller = window.controller
    controller.step_iteration()
    for _ in range(9):  # into the backward pass of the second iteration
        controller.step_phase()
    window.tabs.setCurrentIndex(1)
    before = controller.stepper
    iteration, tick, values = before.snapshot.iteration, before.tick, before.model.values().copy()
    geometry = window.geometry()
    snapshot = before.snapshot
    new = language.switch_language(window, language.CHINESE)
    try:
        assert new is not window
        assert new.controller.stepper is before
        assert new.controller.snapshot is snapshot  # re-rendered, not replayed
        assert new.controller.stepper.tick == tick
        assert new.controller.snapshot.iteration == iteration
        assert (new.controller.stepper.model.values() == values).all()
        assert new.tabs.currentIndex() == 1
        assert new.geometry().size() == geometry.size()
        assert CJK.search(new.explanation_panel.toPlainText())
        assert CJK.search(new.tabs.tabText(0))
        assert QSettings().value(language.LANGUAGE_KEY) == language.CHINESE
        assert language.chosen_language() == language.CHINESE
        new.controller.step_phase()  # the run goes on in the new window
        assert new.controller.stepper.tick == tick + 1
    finally:
        back = language.switch_language(new, language.ENGLISH)
        assert back.tabs.tabText(0) == "Training loop"
        back.close()
        wait_for_all()
        QSettings().remove(language.LANGUAGE_KEY)


def test_without_a_choice_the_system_locale_decides(monkeypatch):
    QSettings().remove(language.LANGUAGE_KEY)
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.Chinese))
    assert language.chosen_language() == language.CHINESE
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.German))
    assert language.chosen_language() == language.ENGLISH


def test_english_uninstalls_every_translator(qapp):
    assert language.install_language(language.CHINESE)
    assert qapp.translate("MainWindow", "Training loop") == "训练循环"
    language.install_language(language.ENGLISH)
    assert qapp.translate("MainWindow", "Training loop") == "Training loop"


def test_switching_at_the_start_retells_the_first_step(window):
    new = language.switch_language(window, language.CHINESE)
    try:
        assert new.controller.stepper.tick == 0
        assert new.explanation_panel.toPlainText().count("就绪：2-2-2 网络") == 1
    finally:
        back = language.switch_language(new, language.ENGLISH)
        assert "Ready: a 2-2-2 network" in back.explanation_panel.toPlainText()
        back.close()
        wait_for_all()
        QSettings().remove(language.LANGUAGE_KEY)


def test_switching_renders_the_same_snapshot_without_replaying(window, monkeypatch):
    """The explanation is data: the new language renders it; nothing is recomputed."""
    from engine.training.stepper import Stepper

    controller = window.controller
    while controller.snapshot.phase != "step":
        controller.step_phase()
    english = window.explanation_panel.toPlainText()
    assert "optimizer.step(): sgd updates" in english

    def no_replay(*args, **kwargs):
        raise AssertionError("the run was replayed")

    monkeypatch.setattr(Stepper, "goto", no_replay)  # how the run used to be retold
    new = language.switch_language(window, language.CHINESE)
    try:
        chinese = new.explanation_panel.toPlainText()
        assert CJK.search(chinese) and "optimizer.step(): sgd updates" not in chinese
        formula = new.controller.snapshot.formula
        assert formula in chinese.replace("\u2029", "\n") or formula.splitlines()[0] in chinese
    finally:
        monkeypatch.undo()
        back = language.switch_language(new, language.ENGLISH)
        assert "optimizer.step(): sgd updates" in back.explanation_panel.toPlainText()
        back.close()
        wait_for_all()
        QSettings().remove(language.LANGUAGE_KEY)


def test_the_about_dialog_shows_its_own_words_in_chinese(qtbot, monkeypatch):
    """The facts that are the app's words (no CUDA device, unknown CPU…) are translated too;
    versions and hardware names stay as they are, and Copy keeps English for bug reports."""
    from dataclasses import replace

    from gui import about_dialog, about_info

    def placeholder_facts(model_device: str = "cpu") -> about_info.AboutFacts:
        facts = about_info.about_facts(model_device)
        return replace(
            facts,
            cuda_device=about_info.NO_CUDA,
            cpu=about_info.UNKNOWN_CPU,
            pyqtgraph=about_info.NOT_INSTALLED,
            qt=about_info.NOT_LOADED,
            app_version=about_info.UNKNOWN,
        )

    monkeypatch.setattr(about_dialog, "about_facts", placeholder_facts)
    assert language.install_language(language.CHINESE)
    try:
        dialog = about_dialog.AboutDialog("cpu")
        qtbot.addWidget(dialog)
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        texts |= {button.text() for button in dialog.findChildren(QAbstractButton)}
        texts |= {dialog.windowTitle()}
        untranslated = {text: w for text in texts if (w := untranslated_words(text))}
        assert untranslated == {}
        assert about_info.NO_CUDA in dialog.facts.as_text()  # the bug report stays English
    finally:
        language.install_language(language.ENGLISH)


def ctrl_z(qtbot, window, shift: bool = False) -> None:
    """Ctrl+Z (or Ctrl+Shift+Z) pressed in `window`, as the learner would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts go there
    window.network_view.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, modifiers)


def test_undo_after_a_language_switch_brings_back_the_run_before(window, qtbot):
    controller = window.controller
    controller.run_blocking(6)
    first, six = controller.stepper, controller.trajectory().losses.copy()
    controller.reset()
    controller.run_blocking(2)
    second, two = controller.stepper, controller.trajectory().losses.copy()
    new = language.switch_language(window, language.CHINESE)
    back = None
    try:
        assert new.controller.stepper is second
        # The comparison shown before the switch is shown after it.
        np.testing.assert_array_equal(new.plots_panel.loss_plot.previous.values, six)
        ctrl_z(qtbot, new)
        assert new.controller.stepper is first and new.controller.snapshot.completed == 6
        np.testing.assert_array_equal(new.plots_panel.loss_plot.previous.values, two)
        back = language.switch_language(new, language.ENGLISH)  # with a redo waiting
        assert back.menus.run_undo.redo_action.isEnabled()
        ctrl_z(qtbot, back, shift=True)
        assert back.controller.stepper is second and back.controller.snapshot.completed == 2
        ctrl_z(qtbot, back)
        assert back.controller.stepper is first
    finally:
        if back is None:
            back = language.switch_language(new, language.ENGLISH)
        back.close()
        wait_for_all()
        QSettings().remove(language.LANGUAGE_KEY)


def test_the_previous_run_and_the_preview_speak_chinese(chinese_window):
    window, controller = chinese_window, chinese_window.controller
    controller.run_blocking(3)
    controller.reset()
    plot = window.plots_panel.loss_plot
    assert plot.previous.box.text() == "上一次训练"
    assert [label.text for _, label in plot.plot_item.legend.items] == ["本次训练", "上一次训练"]
    assert controller.edit_parameter("w5", 3.0)
    assert window.loss_label.text().endswith("（预览）")
    assert untranslated_words(plot.previous.box.toolTip()) == []
    controller.run_blocking(2)
    hover = plot.hover_at(1)
    assert "上一次训练" in hover and untranslated_words(hover) == []
