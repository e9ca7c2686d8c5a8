"""What the learner is told about a run and a model: one line each, in the controller's words."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from engine.core.snapshot import Snapshot
from engine.models.config import Config
from engine.training.fast_forward import RunResult


def tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


def run_summary(result: RunResult, asked: int, loss_now: Callable[[], float]) -> str:
    """How a run of `asked` iterations ended: diverged, cancelled, or the loss it reached
    (computed only then: it costs a forward pass)."""
    if result.diverged_at is not None:
        return tr(
            "Training diverged in iteration {0} (the loss was not finite); stopped at the "
            "last finite state. Lower the learning rate or change the settings."
        ).format(result.diverged_at + 1)
    if result.cancelled:
        return tr("Cancelled after {0} of {1} iterations.").format(result.completed, asked)
    loss = loss_now()
    if result.completed == 1:
        return tr("Ran 1 iteration; the loss is now {0:.9g}.").format(loss)
    return tr("Ran {0} iterations; the loss is now {1:.9g}.").format(result.completed, loss)


def divergence_warning(snapshot: Snapshot) -> str:
    """The loss of this snapshot's iteration is not finite: what happened and what to do."""
    loss = snapshot.loss if snapshot.loss is not None else math.nan
    return tr(
        "Training diverged in iteration {0}: the loss became {1}. Go back (←), "
        "reset, or lower the learning rate."
    ).format(snapshot.iteration + 1, loss)


class DivergenceNotice:
    """Says a run diverged once, not again at every Snapshot until it stops diverging."""

    def __init__(self) -> None:
        self._told = False

    def is_news(self, snapshot: Snapshot) -> bool:
        news = snapshot.diverged and not self._told
        self._told = snapshot.diverged
        return news


def summary(config: Config) -> str:
    """A one-line description of a configuration, e.g. 'mazur, 2-2-2, sgd lr 0.5, cpu'."""
    names = [config.preset] if config.preset == config.shape else [config.preset, config.shape]
    return ", ".join([*names, f"{config.optimizer} lr {config.lr:g}", config.device])
