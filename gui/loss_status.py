"""The status bar's loss: which loss it is, before or after the step.

A Snapshot's loss is the one its iteration's forward pass computed, before optimizer.step().
Once the step is taken the parameters have moved and a lesson speaks of the loss there (lr = 1.1
on the parabola: 9.67 at the fifth forward pass, 13.93 after the fifth step); showing one number
without saying which read as a contradiction, so a finished iteration shows both. At a hand
edit no forward pass has run yet: the status bar shows the edit's preview E, as the diagram
does, marked as a preview.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from engine.core.snapshot import Snapshot
from engine.models.chain_rule import fmt
from engine.models.forward_preview import ForwardPreview


def tr(text: str) -> str:
    return QCoreApplication.translate("LossStatus", text)


def loss_status(snapshot: Snapshot, loss_now: Callable[[], float]) -> str:
    """`loss_now()`: the loss at the parameters shown (read only once an iteration finished)."""
    if snapshot.loss is None:
        return tr("loss —")
    if snapshot.completed > snapshot.iteration:  # this iteration's optimizer.step() is done
        return tr("loss {0} before the step · {1} after").format(
            fmt(snapshot.loss), fmt(loss_now())
        )
    return tr("loss {0}").format(fmt(snapshot.loss))


def preview_status(preview: ForwardPreview) -> str:
    """An edit's what-if E (engine.models.forward_preview), the number the diagram shows."""
    return tr("E {0} (preview)").format(fmt(preview.loss))
