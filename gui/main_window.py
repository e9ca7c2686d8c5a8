"""The main window: the network diagram in the middle, code and explanation below it,
plots and settings docked on the right, transport controls on top, a status bar below.

The window wires views to the controller and back; it reads Snapshots and never computes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGroupBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.labs.gradient_check import freeze
from engine.models.config import Config
from engine.training.code_listing import code_lines, setup_lines
from gui import figure_names as names
from gui.animation_export import FrameRecorder
from gui.controller import Controller
from gui.export_menu import install_plot_export, install_scene_export
from gui.labs import LabsWidget
from gui.language import add_language_menu
from gui.layout_memory import restore_layout, save_layout
from gui.lessons import install_lessons
from gui.loop_views import install_loop_views
from gui.loop_window import install_loop
from gui.loss_status import loss_status
from gui.pages import Page
from gui.pages.labs import LabsPage
from gui.pages.tabs import BasinsPage, RacePage, SurfacePage, TrainingPage
from gui.play_target import Animation, PlayTarget
from gui.run_edits import install_run_edits
from gui.settings_apply import SettingsSync
from gui.views.basin_view import BasinView
from gui.views.code_panel import CodePanel
from gui.views.diagram_pane import DiagramPane
from gui.views.explanation_panel import ExplanationPanel, phase_title
from gui.views.landscape_panel import LandscapePanel
from gui.views.plots_panel import PlotsPanel
from gui.views.race_view import RaceView
from gui.views.settings_panel import SettingsPanel
from gui.views.transport_bar import TransportBar
from gui.window_animations import AnimationExports
from gui.window_fit import DocksPerTab, PageTabs, compact_combo_boxes, narrow_docks
from gui.window_menus import WindowMenus

WINDOW_SIZE = (1280, 800)
PLOTS_WIDTH = 370
ANIMATION_MS = 300


def boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(widget)
    return box


class MainWindow(QMainWindow):
    """One training run on screen; `controller` holds the engine."""

    def __init__(self, config: Config, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.last_message = ""
        self.controller = Controller(config, self)
        self.animations = AnimationExports(self)
        self.setWindowTitle(self.tr("Backprop Studio"))
        self.resize(*WINDOW_SIZE)
        self._build_centre()
        self._build_docks()
        self.pages = self._build_pages()
        self.transport = TransportBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.transport)
        self.play_target = PlayTarget(self.tabs, self.transport, self._animations_by_tab(), self)
        self._build_status_bar()
        self._build_menus()
        self.lessons = install_lessons(self)
        lesson = self.tr("Lesson")
        self.lessons.player.busy_changed.connect(
            lambda busy: self.menus.run_undo.set_grouping(busy, lesson)
        )
        self.menus.run_undo.undone.connect(lambda w: w == lesson and self.lessons.player.leave())
        self._connect()
        self._install_export_menus()
        self._rebuild()
        self.run_edits = install_run_edits(self, self.controller, self.network_view)
        self.loop = install_loop(self)  # Step line and epoch, Open dataset, the batch drawn
        self.loop_views = install_loop_views(self)  # confusion matrix, live gradient cloud
        compact_combo_boxes(self)  # before the first layout: the window fits 1024×768
        aside = {self.race_view, self.basin_view, self.labs}
        self.docks_per_tab = DocksPerTab(self.tabs, [self.plots_dock, self.settings_dock], aside)
        if not restore_layout(self) and settings is not None:
            self.lessons.offer()  # a first launch: the lessons are where to begin

    # -- layout ------------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.diagram_pane = DiagramPane()
        self.network_view = self.diagram_pane.view
        self.network_view.setMinimumHeight(200)
        self.banner = self.diagram_pane.banner
        self.code_panel = CodePanel()
        self.explanation_panel = ExplanationPanel()
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(boxed(self.tr("Training loop"), self.code_panel))
        below.addWidget(boxed(self.tr("What happens now"), self.explanation_panel))
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 1)
        below.setSizes([450, 460])
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.diagram_pane)
        centre.addWidget(below)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 2)
        centre.setSizes([455, 235])  # the explanation's hidden-layer steps need no scrolling
        centre.setChildrenCollapsible(False)
        self.landscape_panel = LandscapePanel(self.controller.run_picture)
        self.race_view = RaceView()
        self.basin_view = BasinView()
        self.labs = LabsWidget(lambda done: self.controller.read_at_rest(freeze, done))
        self.tabs = PageTabs()
        self.tabs.setDocumentMode(True)
        pages = (
            (centre, self.tr("Training loop"), self.tr("The network stepping through backprop")),
            (self.landscape_panel, self.tr("Loss surface"),
             self.tr("The loss over a plane of parameters, with the descent path")),
            (self.race_view, self.tr("Optimizer race"),
             self.tr("SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, Lookahead side by side")),
            (self.basin_view, self.tr("Basin map"),
             self.tr("Which minimum each starting point reaches")),
            (self.labs, self.tr("Labs"),
             self.tr("Activations, vanishing gradients, softmax, autograd, classification")),
        )  # fmt: skip
        for page, title, tip in pages:
            self.tabs.setTabToolTip(self.tabs.addTab(page, title), tip)
        self.tabs.currentChanged.connect(lambda _: self._refresh_landscape())
        self.setCentralWidget(self.tabs)

    def show_page(self, name: str) -> None:
        """Open the tab a lesson names ("training", "surface", "labs"...)."""
        self.tabs.setCurrentWidget(self.pages[name].widget)

    def current_page(self) -> str:
        """The name of the open tab ("" for none of the pages)."""
        shown = self.tabs.currentWidget()
        return next((name for name, page in self.pages.items() if page.widget is shown), "")

    def _build_pages(self) -> dict[str, Page]:
        """The tabs as lessons and Export all see them (gui.pages)."""
        found: list[Page] = [
            TrainingPage(self.tabs.widget(0), self.plots_panel, self.network_view, self.code_panel),
            SurfacePage(self.landscape_panel, lambda: self.controller.config),
            RacePage(self.race_view),
            BasinsPage(self.basin_view),
            LabsPage(self.labs),
        ]
        return {page.name: page for page in found}

    def _animations_by_tab(self) -> dict[QWidget, Animation]:
        """What Play plays on each tab (gui.play_target); tabs not listed grey it out."""
        training = self.pages["training"].widget
        return {training: self.controller, self.landscape_panel: self.controller,
                self.race_view: self.race_view}  # fmt: skip

    def _build_docks(self) -> None:
        self.plots_panel = PlotsPanel()
        self.settings_panel = SettingsPanel()
        self.plots_dock = self._dock(self.tr("Plots"), "plots", self.plots_panel)
        self.settings_dock = self._dock(self.tr("Settings"), "settings", self.settings_panel)
        self.tabifyDockWidget(self.plots_dock, self.settings_dock)
        self.plots_dock.raise_()
        self.resizeDocks([self.plots_dock], [PLOTS_WIDTH], Qt.Orientation.Horizontal)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        f = QDockWidget.DockWidgetFeature
        dock.setFeatures(f.DockWidgetMovable | f.DockWidgetFloatable | f.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.iteration_label = QLabel()
        self.phase_label = QLabel()
        self.loss_label = QLabel()
        self.device_label = QLabel()
        tips = (
            self.tr("The iteration being stepped through, and how many have finished"),
            self.tr("The micro-step just executed"),
            self.tr(
                "This iteration's loss, once its forward pass has computed it; after its "
                "optimizer.step(), also the loss at the new parameters; after an edit, the "
                "previewed E at the edited values"
            ),
            self.tr("Where the tensors live, and their precision"),
        )
        labels = (self.iteration_label, self.phase_label, self.loss_label, self.device_label)
        for label, tip in zip(labels, tips, strict=True):
            label.setToolTip(tip)
            bar.addPermanentWidget(label)

    def _build_menus(self) -> None:
        self.menus = WindowMenus(self, lambda: add_language_menu(self))
        self.session_menu = self.menus.session_menu
        self.starting_parameters = self.menus.starting_parameters
        self.cancel_action = self.menus.cancel_action
        self.view_menu = self.menus.view_menu
        self.language_menu = self.menus.language_menu
        self.theme_menu = self.menus.theme_menu

    # -- wiring ------------------------------------------------------------------------------
    def _connect(self) -> None:
        c, t = self.controller, self.transport
        c.snapshot_changed.connect(self._show_snapshot)
        c.network_changed.connect(self._rebuild)
        c.trajectory_changed.connect(self._show_trajectory)
        c.message.connect(self.show_message)
        c.alert.connect(self.banner.show_message)
        c.busy_changed.connect(self._set_busy)
        c.run_progress.connect(t.set_progress)
        c.run_preview.connect(self.plots_panel.show_preview)
        c.previous_run_changed.connect(self.plots_panel.show_previous)
        for action in (t.back_action, t.step_action, t.iteration_action, t.play_action):
            action.triggered.connect(self.banner.dismiss)  # a notice lasts until the next step
        t.back_action.triggered.connect(c.back)
        t.step_action.triggered.connect(c.step)  # a line on a wide network
        t.iteration_action.triggered.connect(c.step_iteration)
        t.play_action.triggered.connect(self.play_target.toggle)
        t.reset_action.triggered.connect(c.reset)
        t.speed_changed.connect(self._set_speed)
        t.run_requested.connect(c.run_count)
        t.cancel_requested.connect(c.cancel_run)
        self._set_speed(t.speed_slider.value())
        self.network_view.element_hovered.connect(self._hovered)
        self.network_view.element_clicked.connect(self._clicked)
        self.network_view.weight_edit_requested.connect(c.edit_parameter)
        self.landscape_panel.place_requested.connect(self._place_on_surface)
        save, code = self.session_menu.save_dialog, self.code_panel  # settings keep the run
        self.settings_sync = SettingsSync(self, self.settings_panel, code, save)
        self.labs.use_activation_requested.connect(self._use_activation)

    def _install_export_menus(self) -> None:
        """Right-click any figure to export it, under the name Export all gives it."""
        plots = (
            (self.plots_panel.loss_plot.plot_widget, self.tr("Loss per iteration"),
             names.LOSS_CURVE),
            (self.plots_panel.grad_norm_plot.plot_widget,
             self.tr("Gradient norm per iteration"), names.GRADIENT_NORM),
            (self.plots_panel.param_plot.plot_widget,
             self.tr("Parameter values per iteration"), names.PARAMETERS),
            (self.landscape_panel.view, self.tr("Loss surface"), names.LOSS_SURFACE),
            (self.race_view.surface, self.tr("Optimizer race paths"), names.RACE_PATHS),
            (self.race_view.loss_plot, self.tr("Optimizer race losses"), names.RACE_LOSSES),
            (self.basin_view.plot, self.tr("Basin map"), names.BASIN_MAP),
        )  # fmt: skip
        for widget, title, stem in plots:
            install_plot_export(widget, title, stem)
        install_scene_export(self.network_view, self.tr("Network"), names.NETWORK_DIAGRAM)

    def export_all_to(self, folder: Path) -> None:
        """Every figure and table of one consistent state: during a run, of its next rest."""
        self.menus.export_all_to(folder)

    def export_animation(self, target: Path) -> FrameRecorder | None:
        """Start recording the descent path on the loss surface; progress and Cancel shown."""
        return self.animations.descent(target)

    def export_iteration_animation(self, target: Path) -> FrameRecorder | None:
        """The network diagram through every micro-step of the current (or last) iteration."""
        return self.animations.iteration(target)

    def _use_activation(self, spec: str) -> None:
        """The activation lab's "Use in network": every hidden layer of the current model."""
        try:
            config = self.controller.config.with_hidden_activation(spec)
        except EngineError as error:
            self.banner.show_message(str(error))
            return
        if self.controller.apply_config(config):
            self.tabs.setCurrentIndex(0)

    def _set_speed(self, steps_per_second: int) -> None:
        self.controller.set_speed(steps_per_second)
        # The weight animation must end before the next micro-step replaces it.
        self.network_view.animation_ms = min(ANIMATION_MS, int(800 / steps_per_second))

    def _place_on_surface(self, values: dict[str, float]) -> None:
        """A click on the surface: the plane's parameters set by hand, one edit each (a
        session or script replays edits one parameter at a time), so ← twice undoes it."""
        if all(self.controller.edit_parameter(label, value) for label, value in values.items()):
            placed = ", ".join(f"{label} = {value:.6g}" for label, value in values.items())
            self.show_message(
                self.tr("{0} placed from the surface: {1} edits, ← undoes each.").format(
                    placed, len(values)
                )
            )

    def _set_busy(self, busy: bool) -> None:
        self.transport.set_busy(busy)
        self.play_target.refresh()  # Play stays greyed on tabs where it plays nothing
        self.cancel_action.setEnabled(busy)
        self.settings_panel.setEnabled(not busy)
        if not busy:
            self.transport.back_action.setEnabled(self.controller.can_go_back)

    def _hovered(self, label: str) -> None:
        text = self.controller.describe(label)
        if text:
            self.network_view.set_hover_text(label, text)

    def _clicked(self, label: str) -> None:
        text = self.controller.describe(label)
        if text:
            self.explanation_panel.show_detail(label, text)

    # -- redrawing ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """A new model: rebuild the diagram, code and plots, and show the settings in use."""
        config, network = self.controller.config, self.controller.network()
        activations = config.activations if config.has_layers else ()
        self.diagram_pane.set_network(network.neurons, network.params, activations)
        self.transport.clear_progress()
        self.code_panel.set_code(setup_lines(config), code_lines(config))
        data = self.controller.trajectory()
        self.plots_panel.set_labels(data.labels, data.trained)
        self.settings_panel.set_config(config)
        self.device_label.setText(self.tr("{0} · {1}").format(network.device, config.dtype))
        self._landscape_stale = True
        self._show_snapshot(self.controller.snapshot)
        self._show_trajectory()

    def prepare_landscape(self) -> None:
        """Bring the loss surface up to date even when its tab is hidden (before an export)."""
        if self._landscape_stale:
            self._landscape_stale = False
            self.landscape_panel.rebuild()
        self.landscape_panel.refresh(self.controller.snapshot, force=True)
        self.landscape_panel.finish_surface()  # a big network's surface is computed in a worker

    def _refresh_landscape(self) -> None:
        """The surface is recomputed only while its tab is shown: it costs milliseconds."""
        if self.tabs.currentWidget() is not self.landscape_panel:
            return
        if not self.controller.at_rest:  # a worker owns the stepper: the run's end redraws it
            return
        if self._landscape_stale:
            self._landscape_stale = False
            self.landscape_panel.rebuild()
        self.landscape_panel.refresh(self.controller.snapshot)

    def _show_snapshot(self, snapshot: Snapshot) -> None:
        self.diagram_pane.show_snapshot(snapshot)
        self.code_panel.show_line(snapshot.code_line)
        self.explanation_panel.show_snapshot(snapshot)
        done = snapshot.completed
        self.iteration_label.setText(
            self.tr("Iteration {0} · {1} done").format(snapshot.iteration + 1, done)
        )
        phase = phase_title(snapshot.phase)
        self.phase_label.setText(f"{phase}: {snapshot.focus}" if snapshot.focus else phase)
        self.loss_label.setText(loss_status(snapshot, self.controller.current_loss))
        self.transport.back_action.setEnabled(self.controller.can_go_back)
        self._refresh_landscape()

    def _show_trajectory(self) -> None:
        self.plots_panel.show_trajectory(self.controller.trajectory())
        self._refresh_landscape()

    def show_message(self, text: str) -> None:
        self.last_message = text
        self.statusBar().showMessage(text, 10_000)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow_docks(self, [self.plots_dock, self.settings_dock, self.lessons.dock])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.animations.abort()  # no frames grabbed from a closing window
        self.controller.shutdown()
        self.labs.shutdown()
        self.basin_view.shutdown()
        self.session_menu.task.wait(10_000)
        self.docks_per_tab.restore()  # the docks as the learner left them, not as a tab hid them
        save_layout(self)
        super().closeEvent(event)
