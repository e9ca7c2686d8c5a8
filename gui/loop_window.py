"""The loop around the model in the window: Step line and Step epoch (toolbar, Run menu,
shortcuts), File → Open dataset…, the batch strip under the diagram and "epoch e/E, batch b/n"
in the status bar.

Installed by the main window, which stays short; it names the window's parts through
gui.window_parts and reaches the run through the controller's commands and copies only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenuBar, QSplitter, QStatusBar, QWidget

from engine.core.snapshot import Snapshot
from gui.dataset_opener import DatasetOpener
from gui.glyphs import with_glyphs
from gui.views.batch_strip import BatchStrip

if TYPE_CHECKING:
    from gui.controller import Controller
    from gui.settings_apply import SettingsSync
    from gui.views.message_banner import MessageBanner
    from gui.views.transport_bar import TransportBar
    from gui.window_menus import WindowMenus


class LoopHost(Protocol):
    """What the loop's parts use of the main window (naming its class would be a circle)."""

    controller: Controller
    transport: TransportBar
    banner: MessageBanner
    diagram_pane: QWidget
    settings_sync: SettingsSync
    menus: WindowMenus

    def show_message(self, text: str) -> None: ...

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...


STEP_TIP = "Run one micro-step: one neuron, one gradient or one parameter update"
WIDE_STEP_TIP = "Run one line of the loop: this network is too wide to follow one value at a time"


def tr(text: str) -> str:
    return QCoreApplication.translate("LoopWindow", text)


def epoch_text(iteration: int, per_epoch: int, epochs: int) -> str:
    """'Epoch 2/5 · batch 3/23' for iteration `iteration` (0-based)."""
    epoch, batch = divmod(iteration, per_epoch)
    total = f"/{epochs}" if epochs else ""
    return tr("Epoch {0}{1} · batch {2}/{3}").format(epoch + 1, total, batch + 1, per_epoch)


class LoopWindow:
    """The loop's commands and views, wired to the window's controller."""

    def __init__(self, window: LoopHost) -> None:
        self.window = window
        self.controller = controller = window.controller
        self.line_action = self._action(
            tr("Step line ↓"),
            tr("Run every micro-step of the current line of the loop (all of forward, …)"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Right),
            controller.step_line,
        )
        self.epoch_action = self._action(
            tr("Step epoch ⇥⇥"),
            tr("Run to the end of the current epoch (off the window's thread when long)"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Right),
            controller.step_epoch,
        )
        self.open_action = QAction(tr("Open &dataset…"), window)
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        tip = tr("Use a CSV (x, y, label) or an MNIST-format IDX images file as the dataset")
        self.open_action.setToolTip(tip)
        self.open_action.setStatusTip(tip)
        self.opener = DatasetOpener(
            window, lambda: controller.config, window.settings_sync.apply, window.show_message
        )
        self.open_action.triggered.connect(self.opener.dialog)
        self._place_actions()
        self.strip = BatchStrip()
        centre = window.diagram_pane.parent()
        if isinstance(centre, QSplitter):
            centre.insertWidget(1, self.strip)
            centre.setStretchFactor(1, 0)
        self.epoch_label = QLabel()
        self.epoch_label.setToolTip(tr("The epoch and the batch within it"))
        window.statusBar().insertPermanentWidget(0, self.epoch_label)
        controller.network_changed.connect(self.new_run)
        controller.snapshot_changed.connect(self.show_snapshot)
        controller.busy_changed.connect(self._busy)
        controller.run_progress.connect(self._progress)
        self._run_start = 0
        self.new_run()

    def _action(self, text: str, tip: str, keys: QKeySequence, slot) -> QAction:
        action = QAction(with_glyphs(text), self.window)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        native = keys.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({native})")
        action.setStatusTip(action.toolTip())
        action.triggered.connect(self.window.banner.dismiss)
        action.triggered.connect(slot)
        return action

    def _place_actions(self) -> None:
        transport, menus = self.window.transport, self.window.menus
        transport.add_step_menu((self.line_action, self.epoch_action))
        run_menu = menus.run_menu
        run_menu.insertAction(transport.iteration_action, self.line_action)
        after = run_menu.actions().index(transport.iteration_action) + 1
        run_menu.insertAction(run_menu.actions()[after], self.epoch_action)
        file_menu = menus.file_menu
        export = next(a for a in file_menu.actions() if a.shortcut() == QKeySequence("Ctrl+E"))
        file_menu.insertAction(export, self.open_action)
        file_menu.insertSeparator(export)

    # -- the run -------------------------------------------------------------------------------
    def new_run(self) -> None:
        """A new model: the strip's training set, and the Step button's size of step."""
        facts = self.controller.loop()
        self.strip.set_loop(facts)
        wide = self.controller.wide
        step = self.window.transport.step_action
        tip = (
            tr("Run one line of the loop: this network is too wide to follow value by value")
            if wide
            else QCoreApplication.translate("TransportBar", STEP_TIP)  # the bar's own words
        )
        step.setToolTip(
            f"{tip} ({step.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        self.show_snapshot(self.controller.snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        facts = self.controller.loop()
        self.strip.show_snapshot(snapshot)
        self.epoch_label.setVisible(facts.batched or facts.train is not None)
        self.epoch_label.setText(epoch_text(snapshot.iteration, facts.per_epoch, facts.epochs))

    def _busy(self, busy: bool) -> None:
        for action in (self.line_action, self.epoch_action, self.open_action):
            action.setEnabled(not busy)
        if busy:
            self._run_start = self.controller.snapshot.completed

    def _progress(self, done: int, _: int) -> None:
        if done > 0:
            facts = self.controller.loop()
            iteration = self._run_start + done - 1
            self.epoch_label.setText(epoch_text(iteration, facts.per_epoch, facts.epochs))


def install_loop(window: LoopHost) -> LoopWindow:
    return LoopWindow(window)
