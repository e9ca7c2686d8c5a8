"""The training loop as a learner writes it; Snapshots point at its lines."""

from __future__ import annotations

from engine.config import Config
from engine.losses import get_loss
from engine.optimizers import optimizer_code

LINE_LOOP, LINE_ZERO_GRAD, LINE_FORWARD, LINE_LOSS, LINE_BACKWARD, LINE_STEP = range(6)

PHASE_LINES = {
    "ready": LINE_LOOP,
    "edit": LINE_LOOP,
    "zero_grad": LINE_ZERO_GRAD,
    "forward": LINE_FORWARD,
    "loss": LINE_LOSS,
    "backward": LINE_BACKWARD,
    "step": LINE_STEP,
}


def code_lines(config: Config) -> list[str]:
    """The loop body, one line per phase, in the order the phases run."""
    zero_grad = "optimizer.zero_grad()"
    if config.skip_zero_grad:
        zero_grad = "# optimizer.zero_grad()   <- skipped: gradients accumulate"
    loss_line = get_loss(config.loss).torch_code
    return [
        "for step in range(n_steps):",
        f"    {zero_grad}",
        "    out = model(x)",
        f"    {loss_line}",
        "    loss.backward()",
        "    optimizer.step()",
    ]


def setup_lines(config: Config) -> list[str]:
    """The lines before the loop: what the model and optimizer are."""
    return [f"optimizer = {optimizer_code(config)}"]
