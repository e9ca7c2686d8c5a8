"""All learning labs in one tab widget, for the main window to embed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from engine.stepper import Stepper
from gui.labs.activation_lab import ActivationLab
from gui.labs.autograd_lab import AutogradLab
from gui.labs.gradient_check_lab import GradientCheckLab
from gui.labs.playground_lab import PlaygroundLab
from gui.labs.softmax_lab import SoftmaxLab
from gui.labs.vanishing_lab import VanishingLab


class LabsWidget(QTabWidget):
    """Activation, vanishing-gradient, softmax, autograd, gradient-check and playground labs.

    `stepper_provider` returns the app's current Stepper (the gradient check reads its model);
    `use_activation_requested(spec)` asks the owner to put an activation spec into that model.
    """

    use_activation_requested = Signal(str)

    def __init__(
        self, stepper_provider: Callable[[], Stepper] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.activation = ActivationLab()
        self.vanishing = VanishingLab()
        self.softmax = SoftmaxLab()
        self.autograd = AutogradLab()
        self.gradient_check = GradientCheckLab(stepper_provider)
        self.playground = PlaygroundLab()
        tabs = (
            (self.activation, self.tr("Activations"), self.tr("f(x), f′(x), saturation, tangent")),
            (self.vanishing, self.tr("Vanishing gradients"), self.tr("Gradient norm per layer")),
            (self.softmax, self.tr("Softmax & cross-entropy"), self.tr("Jacobian and p − y")),
            (
                self.autograd,
                self.tr("autograd.grad vs backward"),
                self.tr("Same numbers, different side effects"),
            ),
            (
                self.gradient_check,
                self.tr("Gradient check"),
                self.tr("Finite differences, autograd, chain rule"),
            ),
            (
                self.playground,
                self.tr("Classification"),
                self.tr("Decision boundary and output activations"),
            ),
        )
        for widget, title, tip in tabs:
            self.setTabToolTip(self.addTab(widget, title), tip)
        self.activation.use_activation_requested.connect(self.use_activation_requested)

    def shutdown(self) -> None:
        """Stop timers and wait for background jobs (call before the window closes)."""
        self.playground.pause()
        tasks = (self.vanishing.task, self.gradient_check.task, self.playground.comparison.task)
        for task in tasks:
            task.wait()
