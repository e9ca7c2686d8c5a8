"""The labs tab as a page: a lesson opens a lab and sets its controls."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from gui.pages.page import Done, Figure, choose


class LabsPage:
    name = "labs"

    def __init__(self, labs: Any) -> None:
        self.widget = labs

    def lab_widgets(self) -> dict[str, QWidget]:
        """The labs by the names lessons use (each is built when first asked for)."""
        labs = self.widget
        return {
            "activation": labs.activation,
            "vanishing": labs.vanishing,
            "softmax": labs.softmax,
            "autograd": labs.autograd,
            "gradient_check": labs.gradient_check,
            "classification": labs.playground,
        }

    def apply(self, args: Mapping[str, Any]) -> Done | None:
        name = args["lab"]
        lab = self.lab_widgets()[name]
        self.widget.setCurrentWidget(lab)
        if name == "activation":
            if "activation" in args:
                choose(lab.choice, args["activation"])
            if "x" in args:
                lab.x_box.setValue(args["x"])
        if name != "vanishing":
            return None
        # Set every control quietly, then compute once (each change would start a job).
        controls = (lab.activation, lab.depth, lab.init)
        for widget in controls:
            widget.blockSignals(True)
        if "activation" in args:
            choose(lab.activation, args["activation"])
        if "depth" in args:
            lab.depth.setValue(args["depth"])
        if "init" in args:
            choose(lab.init, args["init"])
        for widget in controls:
            widget.blockSignals(False)
        lab.refresh()
        return lambda: not lab.task.running

    def state(self) -> dict[str, Any]:
        labs = self.widget
        current = labs.currentWidget()
        name = next((n for n, w in self.lab_widgets().items() if w is current), "")
        point = getattr(labs.activation, "point", None)
        return {
            "lab": name,
            "lab_slope": None if point is None else float(point.derivative),
            "vanishing_ratio": {n: p.first_to_last for n, p in labs.vanishing.profiles.items()},
        }

    def figures(self, preset: str) -> list[Figure]:
        return []
