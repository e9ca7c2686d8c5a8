"""One page per tab of the main window."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engine.core.errors import EngineError
from engine.landscape.terrain import TERRAINS
from engine.models.config import Config
from gui import figure_names as names
from gui.pages.page import Done, Figure, choose


def tr(text: str) -> str:
    return QCoreApplication.translate("LessonPlayer", text)


class TrainingPage:
    """The diagram, the code and the explanation, with the plots dock beside them."""

    name = "training"

    def __init__(self, widget: QWidget, plots: Any, network_view: Any, code_panel: Any) -> None:
        self.widget, self.plots, self.network_view = widget, plots, network_view
        self.code_panel = code_panel

    def apply(self, args: Mapping[str, Any]) -> Done | None:
        return None  # the training loop is driven through the controller

    def highlight(self, label: str) -> bool:
        """Point at a neuron, weight or bias in the diagram ("" clears); False if none has it."""
        return self.network_view.highlight(label)

    def highlight_line(self, index: int | None) -> None:
        """Mark a line of the training loop's code (None: the line of the current micro-step)."""
        self.code_panel.highlight(index)

    def state(self) -> dict[str, Any]:
        return {"highlighted": self.network_view.highlighted}

    def figures(self, preset: str) -> list[Figure]:
        plots = self.plots
        return [
            Figure(names.LOSS_CURVE, f"Loss per iteration ({preset})",
                   lambda: plots.loss_plot.plot_item),
            Figure(names.GRADIENT_NORM, f"Gradient norm per iteration ({preset})",
                   lambda: plots.grad_norm_plot.plot_item),
            Figure(names.PARAMETERS, f"Parameter values per iteration ({preset})",
                   lambda: plots.param_plot.plot_item),
            Figure(names.NETWORK_DIAGRAM, f"Network ({preset})", self.network_view.figure_scene),
        ]  # fmt: skip


class SurfacePage:
    """The loss surface: a lesson picks the plane, its axes and the random plane's seed."""

    name = "surface"

    def __init__(self, panel: Any, config: Callable[[], Config]) -> None:
        self.widget, self.config = panel, config

    def apply(self, args: Mapping[str, Any]) -> Done | None:
        panel = self.widget
        if not TERRAINS[self.config().family].offers_planes:
            return None  # a test function has one plane: its own two coordinates
        choose(panel.plane_box, args["plane"])
        for box, label in zip((panel.axis_a, panel.axis_b), args.get("axes", []), strict=False):
            if box.findText(label) < 0:
                raise EngineError(tr("The network has no parameter {0}.").format(label))
            box.setCurrentText(label)
        if "seed" in args:
            panel.seed.setValue(args["seed"])
        return None

    def state(self) -> dict[str, Any]:
        return {}

    def figures(self, preset: str) -> list[Figure]:
        plot = self.widget.view.plot_item
        return [Figure(names.LOSS_SURFACE, f"Loss surface with the descent path ({preset})",
                       lambda: plot)]  # fmt: skip


class RacePage:
    name = "race"

    def __init__(self, race_view: Any) -> None:
        self.widget = race_view

    def apply(self, args: Mapping[str, Any]) -> Done | None:
        race = self.widget
        if race.function_box.currentData() == args["function"]:
            race.reset()
        else:
            choose(race.function_box, args["function"])  # the change resets the race
        if args.get("steps"):
            race.advance(args["steps"])
        if args.get("play", False):
            race.toggle()
        return None

    def state(self) -> dict[str, Any]:
        race = self.widget.race
        if race is None:
            return {"race_leader": None}
        finite = [r for r in race.racers if math.isfinite(r.losses[-1])]
        leader = min(finite, key=lambda r: r.losses[-1]).name if finite else None
        return {"race_leader": leader}

    def figures(self, preset: str) -> list[Figure]:
        race = self.widget
        if len(race.race.racers[0].path) <= 1:
            return []
        return [
            Figure(names.RACE_PATHS, "Optimizer race: paths",
                   lambda: race.surface.plot_item),
            Figure(names.RACE_LOSSES, "Optimizer race: loss per step",
                   lambda: race.loss_plot.getPlotItem()),
        ]  # fmt: skip


class BasinsPage:
    name = "basins"

    def __init__(self, basin_view: Any) -> None:
        self.widget = basin_view

    def apply(self, args: Mapping[str, Any]) -> Done | None:
        view = self.widget
        choose(view.function_box, args["function"])
        if "optimizer" in args:
            view.optimizer_box.setCurrentText(args["optimizer"])
        for key, box in (("lr", view.lr), ("steps", view.steps), ("starts", view.res)):
            if key in args:
                box.setValue(args[key])
        view.start()
        return lambda: not view.running

    def state(self) -> dict[str, Any]:
        result = self.widget.result
        if result is None:
            return {"basins_reached": None}
        reached = sum(int((result.basin == k).sum() > 0) for k in range(len(result.minima)))
        return {"basins_reached": reached}

    def figures(self, preset: str) -> list[Figure]:
        view = self.widget
        if view.result is None:
            return []
        return [Figure(names.BASIN_MAP, "Basin map", lambda: view.plot.getPlotItem())]
