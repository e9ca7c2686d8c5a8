"""Transport controls: back, step, step iteration, play/pause, speed, reset, run N with cancel.

The actions carry the keyboard shortcuts (Space, →, ←); as actions of a toolbar inside the main
window they work wherever the focus is in that window, the network diagram included.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from gui.glyphs import with_glyphs
from gui.play_clock import DEFAULT_SPEED, MAX_SPEED, MIN_SPEED

MAX_RUN = 1_000_000
DEFAULT_RUN = 1000


class TransportBar(QToolBar):
    """Buttons and shortcuts that drive the controller; knows nothing of the engine."""

    speed_changed = Signal(int)  # micro-steps per second
    run_requested = Signal(int, str)  # how many, and of what: "batches" or "epochs"
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transport")
        self.setWindowTitle(self.tr("Transport"))
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._make_actions()
        self._make_speed()
        self.addSeparator()
        self.addAction(self.reset_action)
        self.addSeparator()
        self._make_run()

    # -- actions -----------------------------------------------------------------------------
    def _action(self, text: str, tip: str, keys: QKeySequence | None = None) -> QAction:
        action = QAction(with_glyphs(text), self)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _make_actions(self) -> None:
        self.back_action = self._action(
            self.tr("← Back"),
            self.tr("Undo one micro-step exactly: parameters, gradients and optimizer state"),
            QKeySequence(Qt.Key.Key_Left),
        )
        self.step_action = self._action(
            self.tr("Step →"),
            self.tr("Run one micro-step: one neuron, one gradient or one parameter update"),
            QKeySequence(Qt.Key.Key_Right),
        )
        self.iteration_action = self._action(
            self.tr("Step iteration ⇥"),
            self.tr("Run to the end of the current iteration"),
            QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Right),
        )
        self.play_action = self._action(
            self.tr("▶ Play"),
            self.tr("Play or pause: one micro-step per tick at the chosen speed"),
            QKeySequence(Qt.Key.Key_Space),
        )
        self.play_action.setCheckable(True)
        self.reset_action = self._action(
            self.tr("⟲ Reset"),
            self.tr("Back to the starting parameters; clears the history"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R),
        )
        for action in (self.back_action, self.step_action, self.iteration_action):
            self.addAction(action)
        self.addAction(self.play_action)

    def _make_speed(self) -> None:
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(MIN_SPEED, MAX_SPEED)
        self.speed_slider.setValue(DEFAULT_SPEED)
        self.speed_slider.setFixedWidth(70)  # with the lr slider, the toolbar fits 1024 px
        self.speed_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ←/→ stay with stepping
        self.speed_slider.setToolTip(self.tr("Play speed in micro-steps per second"))
        self.speed_label = QLabel()
        self.speed_label.setToolTip(self.speed_slider.toolTip())
        self.speed_label.setMinimumWidth(52)
        self.speed_slider.valueChanged.connect(self._speed_moved)
        self._speed_moved(self.speed_slider.value())
        self.addWidget(self.speed_slider)
        self.addWidget(self.speed_label)

    def _speed_moved(self, value: int) -> None:
        self.speed_label.setText(self.tr("{0}/s").format(value))
        self.speed_changed.emit(value)

    def _make_run(self) -> None:
        self.run_count = QSpinBox()
        self.run_count.setRange(1, MAX_RUN)
        self.run_count.setValue(DEFAULT_RUN)
        self.run_count.setGroupSeparatorShown(True)
        self.run_count.setToolTip(self.tr("How many whole iterations Run performs"))
        self.run_action = self._action(
            self.tr("Run"),
            self.tr("Fast-forward this many iterations in the background"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
        )
        self.run_action.triggered.connect(
            lambda: self.run_requested.emit(self.run_count.value(), self.unit())
        )
        self._make_units()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(150)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m"))
        self.progress.setTextVisible(False)  # until a run starts; hidden until then too:
        # an empty bar beside Run read as a text field
        self.progress.setToolTip(self.tr("Iterations done in the current run"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the run after the current iteration"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.addWidget(self.run_count)
        self.addAction(self.run_action)
        self._menu_on(self.run_action, self.unit_menu)
        self.progress_item = self.addWidget(self.progress)  # a toolbar hides its item
        self.progress_item.setVisible(False)
        self.addWidget(self.cancel_button)

    def _make_units(self) -> None:
        """Run counts batches (iterations) or epochs: a choice in the Run button's menu, the
        count's suffix saying which (the toolbar fits 1024 pixels)."""
        self.unit_menu = QMenu(self)
        self.unit_menu.setToolTipsVisible(True)
        group = QActionGroup(self)
        self.unit_actions: dict[str, QAction] = {}
        texts = {"batches": self.tr("Count batches"), "epochs": self.tr("Count epochs")}
        tips = {
            "batches": self.tr("Run performs this many iterations, one batch each"),
            "epochs": self.tr("Run goes on to the end of this many epochs from here"),
        }
        for unit, text in texts.items():
            action = self.unit_menu.addAction(text)
            action.setCheckable(True)
            action.setToolTip(tips[unit])
            action.triggered.connect(lambda _=False, u=unit: self.set_unit(u))
            group.addAction(action)
            self.unit_actions[unit] = action
        self.unit_actions["batches"].setChecked(True)

    def _menu_on(self, action: QAction, menu: QMenu) -> None:
        """A small arrow beside the action's button opens `menu`; a click runs the action."""
        button = self.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def unit(self) -> str:
        return "epochs" if self.unit_actions["epochs"].isChecked() else "batches"

    def set_unit(self, unit: str) -> None:
        self.unit_actions[unit].setChecked(True)
        self.run_count.setSuffix(self.tr(" epochs") if unit == "epochs" else "")
        self.run_count.setToolTip(
            self.tr("How many epochs Run goes through")
            if unit == "epochs"
            else self.tr("How many whole iterations Run performs")
        )

    def add_step_menu(self, actions: tuple[QAction, ...]) -> None:
        """More sizes of step (a line, an epoch) in Step iteration's menu; each keeps its
        shortcut and its place in the Run menu."""
        self.step_menu = QMenu(self)
        self.step_menu.setToolTipsVisible(True)
        for action in actions:
            self.step_menu.addAction(action)
        self._menu_on(self.iteration_action, self.step_menu)

    # -- state from the controller -----------------------------------------------------------
    def stepping_actions(self) -> tuple[QAction, ...]:
        return (
            self.back_action,
            self.step_action,
            self.iteration_action,
            self.play_action,
            self.reset_action,
        )

    def set_busy(self, busy: bool) -> None:
        for action in (*self.stepping_actions(), self.run_action):
            action.setEnabled(not busy)
        self.run_count.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def set_playing(self, playing: bool) -> None:
        self.play_action.setChecked(playing)
        text = self.tr("⏸ Pause") if playing else self.tr("▶ Play")
        self.play_action.setText(with_glyphs(text))  # no empty box where fonts lack ⏸

    def set_play_enabled(self, enabled: bool) -> None:
        """Greyed out (Space with it) on a tab where Play has nothing to play."""
        self.play_action.setEnabled(enabled)

    def clear_progress(self) -> None:
        """A new model: the last run's "n / n" no longer describes anything shown."""
        self.progress_item.setVisible(False)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def set_progress(self, done: int, total: int) -> None:
        self.progress_item.setVisible(True)
        self.progress.setTextVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
