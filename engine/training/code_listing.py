"""The training loop as a learner writes it; Snapshots point at its lines."""

from __future__ import annotations

from engine.models.config import Config
from engine.models.losses import get_loss
from engine.training.optimizers import optimizer_code

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
    forward, loss_line = "out = model(x)", get_loss(config.loss).torch_code
    if config.function:  # the parameters are the coordinates; the loss is the function's value
        forward, loss_line = "out = f(x, y)", "loss = out"
    return [
        "for step in range(n_steps):",
        f"    {zero_grad}",
        f"    {forward}",
        f"    {loss_line}",
        "    loss.backward()",
        "    optimizer.step()",
    ]


def setup_lines(config: Config) -> list[str]:
    """The lines before the loop: what the model and optimizer are."""
    optimizer = optimizer_code(config)
    if config.function:
        optimizer = optimizer.replace("model.parameters()", "[x, y]")
    return [f"optimizer = {optimizer}"]
