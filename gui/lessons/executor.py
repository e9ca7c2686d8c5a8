"""Doing one lesson action to the window, through the window's and controller's public API.

`perform` returns None when the action is done, or a predicate that turns true once a
background job it started (a run, a basin map, a lab computation) has finished.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from engine.code_listing import PHASE_LINES
from engine.errors import EngineError
from engine.lessons import Action, settings_config
from gui.lessons.targets import lab_pages, tab_pages

if TYPE_CHECKING:
    from gui.main_window import MainWindow

Done = Callable[[], bool]


def tr(text: str) -> str:
    return QCoreApplication.translate("LessonPlayer", text)


class ActionExecutor:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = window.controller

    def perform(self, action: Action) -> Done | None:
        """Do `action`; EngineError (one line) when the app refuses it."""
        return getattr(self, f"_{action.name}")(action.args)

    def _require(self, done: bool) -> None:
        if not done:
            raise EngineError(self.window.last_message or tr("The app refused this step."))

    # -- the training loop -------------------------------------------------------------------
    def _load_preset(self, args: Mapping[str, Any]) -> None:
        self._require(self.controller.load_preset(args["name"]))
        self.window.code_panel.highlight(None)

    def _settings(self, args: Mapping[str, Any]) -> None:
        self._require(self.controller.apply_config(settings_config(args)))
        self.window.code_panel.highlight(None)

    def _step(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.step_phase())

    def _step_iteration(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.step_iteration())

    def _step_until(self, args: Mapping[str, Any]) -> None:
        """Micro-steps until the phase (and focus) named; at most one iteration's worth."""
        phase, focus = args["phase"], args.get("focus")
        for _ in range(self.controller.stepper.micro_steps_per_iteration + 1):
            self._require(self.controller.step_phase())
            snapshot = self.controller.snapshot
            if snapshot.phase == phase and focus in (None, snapshot.focus):
                return
        where = f"{phase} {focus}" if focus else phase
        raise EngineError(tr("This model never reaches {0}.").format(where))

    def _run(self, args: Mapping[str, Any]) -> Done:
        self._require(self.controller.run_iterations(args["iterations"]))
        return lambda: not self.controller.busy

    def _back(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.back())

    def _reset(self, _: Mapping[str, Any]) -> None:
        self._require(self.controller.reset())

    # -- pointing at things ------------------------------------------------------------------
    def _highlight(self, args: Mapping[str, Any]) -> None:
        label = args["label"]
        if not self.window.network_view.highlight(label) and label:
            raise EngineError(tr("The network has no element {0}.").format(label))

    def _highlight_code(self, args: Mapping[str, Any]) -> None:
        line = args["line"]
        self.window.code_panel.highlight(None if line == "none" else PHASE_LINES[line])

    def _show_tab(self, args: Mapping[str, Any]) -> None:
        self.window.tabs.setCurrentWidget(tab_pages(self.window)[args["tab"]])

    # -- the other tabs ----------------------------------------------------------------------
    def _surface(self, args: Mapping[str, Any]) -> None:
        panel = self.window.landscape_panel
        self._show_tab({"tab": "surface"})
        if self.controller.config.function:
            return  # a test function has one plane: its own two coordinates
        _choose(panel.plane_box, args["plane"])
        for box, label in zip((panel.axis_a, panel.axis_b), args.get("axes", []), strict=False):
            if box.findText(label) < 0:
                raise EngineError(tr("The network has no parameter {0}.").format(label))
            box.setCurrentText(label)
        if "seed" in args:
            panel.seed.setValue(args["seed"])

    def _race(self, args: Mapping[str, Any]) -> None:
        race = self.window.race_view
        self._show_tab({"tab": "race"})
        if race.function_box.currentData() == args["function"]:
            race.reset()
        else:
            _choose(race.function_box, args["function"])  # the change resets the race
        if args.get("steps"):
            race.advance(args["steps"])
        if args.get("play", False):
            race.toggle()

    def _basin_map(self, args: Mapping[str, Any]) -> Done:
        view = self.window.basin_view
        self._show_tab({"tab": "basins"})
        _choose(view.function_box, args["function"])
        if "optimizer" in args:
            view.optimizer_box.setCurrentText(args["optimizer"])
        for key, box in (("lr", view.lr), ("steps", view.steps), ("starts", view.res)):
            if key in args:
                box.setValue(args[key])
        view.start()
        return lambda: not view.running

    def _open_lab(self, args: Mapping[str, Any]) -> Done | None:
        self._show_tab({"tab": "labs"})
        lab = lab_pages(self.window)[args["lab"]]
        self.window.labs.setCurrentWidget(lab)
        if args["lab"] == "activation":
            if "activation" in args:
                _choose(lab.choice, args["activation"])
            if "x" in args:
                lab.x_box.setValue(args["x"])
        if args["lab"] != "vanishing":
            return None
        # Set every control quietly, then compute once (each change would start a job).
        controls = (lab.activation, lab.depth, lab.init)
        for widget in controls:
            widget.blockSignals(True)
        if "activation" in args:
            _choose(lab.activation, args["activation"])
        if "depth" in args:
            lab.depth.setValue(args["depth"])
        if "init" in args:
            _choose(lab.init, args["init"])
        for widget in controls:
            widget.blockSignals(False)
        lab.refresh()
        return lambda: not lab.task.running


def _choose(box: QComboBox, data: str) -> None:
    index = box.findData(data)
    if index < 0:
        raise EngineError(tr("{0} is not offered here.").format(data))
    box.setCurrentIndex(index)
