"""Doing one lesson action to the window, through the window's and controller's public API.

`perform` returns None when the action is done, or a predicate that turns true once a
background job it started (a run, a basin map, a lab computation) has finished.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from engine.core.errors import EngineError
from engine.lessons import Action, settings_config
from engine.training.code_listing import phase_lines

if TYPE_CHECKING:
    from gui.pages.tabs import TrainingPage
    from gui.window_parts import WindowParts

Done = Callable[[], bool]


def tr(text: str) -> str:
    return QCoreApplication.translate("LessonPlayer", text)


class ActionExecutor:
    def __init__(self, window: WindowParts) -> None:
        self.window = window
        self.controller = window.controller

    def perform(self, action: Action) -> Done | None:
        """Do `action`; EngineError (one line) when the app refuses it."""
        return getattr(self, f"_{action.name}")(action.args)

    @property
    def _training(self) -> TrainingPage:
        return self.window.pages["training"]

    def _require(self, done: bool) -> None:
        if not done:
            raise EngineError(self.window.last_message or tr("The app refused this step."))

    # -- the training loop -------------------------------------------------------------------
    def _load_preset(self, args: Mapping[str, Any]) -> None:
        self._require(self.controller.load_preset(args["name"]))
        self._training.highlight_line(None)

    def _settings(self, args: Mapping[str, Any]) -> None:
        self._require(self.controller.apply_config(settings_config(args)))
        self._training.highlight_line(None)

    def _step(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.step_phase())

    def _step_line(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.step_line())

    def _step_iteration(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.step_iteration())

    def _step_until(self, args: Mapping[str, Any]) -> None:
        """Micro-steps until the phase (and focus) named; at most one iteration's worth."""
        phase, focus = args["phase"], args.get("focus")
        for _ in range(self.controller.network().longest_iteration + 1):
            self._require(self.controller.step_phase())
            snapshot = self.controller.snapshot
            if snapshot.phase == phase and focus in (None, snapshot.focus):
                return
        where = f"{phase} {focus}" if focus else phase
        raise EngineError(tr("This model never reaches {0}.").format(where))

    def _run(self, args: Mapping[str, Any]) -> Done:
        self._require(self.controller.run_iterations(args["iterations"]))
        return lambda: not self.controller.busy

    def _run_epochs(self, args: Mapping[str, Any]) -> Done:
        """Run to the end of the current epoch, then `count` − 1 more (an epoch begun counts)."""
        per_epoch = self.controller.read(lambda stepper: stepper.timeline.per_epoch)
        started = self.controller.snapshot.completed % per_epoch
        return self._run({"iterations": per_epoch * args.get("count", 1) - started})

    def _back(self, args: Mapping[str, Any]) -> None:
        for _ in range(args.get("count", 1)):
            self._require(self.controller.back())

    def _reset(self, _: Mapping[str, Any]) -> None:
        self._require(self.controller.reset())

    # -- pointing at things ------------------------------------------------------------------
    def _highlight(self, args: Mapping[str, Any]) -> None:
        label = args["label"]
        if not self._training.highlight(label) and label:
            raise EngineError(tr("The network has no element {0}.").format(label))

    def _highlight_code(self, args: Mapping[str, Any]) -> None:
        line = args["line"]
        if line == "none":
            self._training.highlight_line(None)
            return
        lines = phase_lines(self.controller.config)
        if line not in lines:
            raise EngineError(tr("This loop has no {0} line.").format(line))
        self._training.highlight_line(lines[line])

    def _show_tab(self, args: Mapping[str, Any]) -> None:
        self.window.show_page(args["tab"])

    # -- the other tabs: each page applies its own settings ----------------------------------
    def _on_page(self, name: str, args: Mapping[str, Any]) -> Done | None:
        self._show_tab({"tab": name})
        return self.window.pages[name].apply(args)

    def _surface(self, args: Mapping[str, Any]) -> Done | None:
        return self._on_page("surface", args)

    def _race(self, args: Mapping[str, Any]) -> Done | None:
        return self._on_page("race", args)

    def _basin_map(self, args: Mapping[str, Any]) -> Done | None:
        return self._on_page("basins", args)

    def _open_lab(self, args: Mapping[str, Any]) -> Done | None:
        return self._on_page("labs", args)
