"""The caption strip under each frame of an animation: where in the loop the frame is.

A GIF pasted on a slide has no status bar beside it, so every frame of the iteration GIF says
its iteration, its micro-step, what that micro-step computes and the loss once the frame has
revealed it; every frame of the descent GIF says how many iterations the point is after and
its loss.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from engine.core.snapshot import Snapshot

CAPTION_HEIGHT = 44  # pixels: legible when a 1000-pixel frame is shown on a projector
CAPTION_POINT_SIZE = 15
CAPTION_INK, CAPTION_PAPER = QColor(20, 20, 20), QColor(238, 238, 238)


def tr(text: str) -> str:
    return QCoreApplication.translate("GifCaption", text)


def micro_step_name(snapshot: Snapshot) -> str:
    """What the micro-step computes, in the notation of the explanation panel."""
    focus, phase = snapshot.focus, snapshot.phase
    if phase == "zero_grad":
        return "optimizer.zero_grad()"
    if phase == "forward" and focus:
        return f"out_{focus}"
    if phase == "loss":
        return "E"
    if phase == "backward" and focus:
        return f"∂E/∂{focus}" if focus in snapshot.params else f"δ_{focus}"
    if phase == "step" and focus:
        return tr("update {0}").format(focus)
    return focus or phase


def loss_text(loss: float) -> str:
    """The loss with six significant digits, as the caption shows it."""
    return f"{loss:.6g}"


def frame_caption(snapshot: Snapshot, micro_step: int, per_iteration: int) -> str:
    """'Iteration 3 · micro-step 7/26 · ∂E/∂w5 · E = 0.298371'; the loss only once revealed."""
    text = tr("Iteration {0} · micro-step {1}/{2} · {3}").format(
        snapshot.iteration + 1, micro_step, per_iteration, micro_step_name(snapshot)
    )
    if snapshot.loss is not None:
        text += " · " + tr("E = {0}").format(loss_text(snapshot.loss))
    return text


def descent_caption(iterations: int, loss: float) -> str:
    """'After 12 iterations · E = 0.0213': a point of the descent path and its loss."""
    text = tr("After {0} iterations").format(iterations)
    return text + " · " + tr("E = {0}").format(loss_text(loss))


def descent_captions(
    path_iterations: np.ndarray, losses: np.ndarray, current_loss: float
) -> list[str]:
    """One caption per point of the path: the loss at the parameters after that many
    iterations is the next iteration's loss, or, after the last one, the current loss."""
    return [
        descent_caption(int(k), float(losses[k]) if k < len(losses) else current_loss)
        for k in path_iterations
    ]


def with_caption(frame: QImage, caption: str) -> QImage:
    """The frame with a strip below it holding `caption`, dark on light in any theme."""
    width = frame.width()
    captioned = QImage(width, frame.height() + CAPTION_HEIGHT, QImage.Format.Format_RGB32)
    captioned.fill(CAPTION_PAPER)
    painter = QPainter(captioned)
    painter.drawImage(0, 0, frame)
    font = QFont()
    font.setPointSize(CAPTION_POINT_SIZE)
    painter.setFont(font)
    painter.setPen(CAPTION_INK)
    strip = QRect(12, frame.height(), width - 24, CAPTION_HEIGHT)
    painter.drawText(strip, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, caption)
    painter.end()
    return captioned
