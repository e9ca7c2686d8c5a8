"""The training loop as a learner writes it; Snapshots point at its lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from engine.models.config import FUNCTION, NETWORK, Config
from engine.models.loop_settings import loop_is_plain
from engine.models.losses import get_loss
from engine.models.test_functions import get_function
from engine.training.clipping import clip_code
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


def _network_lines(config: Config) -> tuple[str, str]:
    return "out = model(x)", get_loss(config.loss).torch_code


def _function_lines(config: Config) -> tuple[str, str]:
    # The parameters are the coordinates; the loss is the function's value.
    return "out = f(x, y)", "loss = out"


# The forward and loss lines of the loop, and what the optimizer is given, per model family.
FORWARD_AND_LOSS: dict[str, Callable[[Config], tuple[str, str]]] = {
    NETWORK: _network_lines,
    FUNCTION: _function_lines,
}
OPTIMIZER_PARAMS: dict[str, str] = {NETWORK: "model.parameters()", FUNCTION: "[x, y]"}


def _optimizer_params(config: Config) -> str:
    """What the optimizer is given: a one-parameter function (the parabola) trains x alone."""
    if config.family == FUNCTION and get_function(config.function).dims == 1:
        return "[x]"
    return OPTIMIZER_PARAMS[config.family]


def code_lines(config: Config) -> list[str]:
    """The loop body, one line per phase, in the order the phases run."""
    if not loop_is_plain(config):
        return [line for line, _ in loop_listing(config)]
    zero_grad = "optimizer.zero_grad()"
    if config.skip_zero_grad:
        zero_grad = "# optimizer.zero_grad()   <- skipped: gradients accumulate"
    forward, loss_line = FORWARD_AND_LOSS[config.family](config)
    return [
        "for step in range(n_steps):",
        f"    {zero_grad}",
        f"    {forward}",
        f"    {loss_line}",
        "    loss.backward()",
        "    optimizer.step()",
    ]


def phase_lines(config: Config) -> dict[str, int]:
    """The line of `code_lines(config)` each phase runs."""
    if loop_is_plain(config):
        return dict(PHASE_LINES)
    lines: dict[str, int] = {}
    for index, (_, phase) in enumerate(loop_listing(config)):
        if phase:
            lines.setdefault(phase, index)
    lines["ready"] = lines["edit"] = 0
    return lines


def loop_listing(config: Config) -> list[tuple[str, str]]:
    """The loop a learner writes around the model, only the lines that are on, each with
    the phase that runs it ("" for a line no micro-step stops at)."""
    batched = config.batch_size > 0
    x, target = ("xb", "yb") if batched else ("x", "target")
    zero_grad = "optimizer.zero_grad()"
    if config.skip_zero_grad:
        zero_grad = "# optimizer.zero_grad()   <- skipped: gradients accumulate"
    forward, loss_line = FORWARD_AND_LOSS[config.family](config)
    forward = forward.replace("(x)", f"({x})")
    loss_line = re.sub(r"\btarget\b", target, loss_line)
    body = "        " if batched else "    "
    listing = [("for epoch in range(epochs):", "")]
    if config.has_layers:
        listing.append(("    model.train()", ""))
    if batched:
        listing.append(("    for xb, yb in loader:", "batch"))
    listing += [
        (body + zero_grad, "zero_grad"),
        (body + forward, "forward"),
        (body + loss_line, "loss"),
        (body + "loss.backward()", "backward"),
    ]
    if config.clip_norm or config.clip_value:
        listing.append((body + clip_code(config.clip_norm, config.clip_value), "clip"))
    listing.append((body + "optimizer.step()", "step"))
    if config.scheduler and config.scheduler_step == "batch":
        listing.append((body + "scheduler.step()", "schedule"))
    if config.val_share:
        listing += [
            ("    model.eval()", "eval_mode"),
            ("    with torch.no_grad():", "evaluate"),
            ("        val_loss, val_acc = evaluate(model, val_set)", ""),
        ]
    if config.scheduler and config.scheduler_step == "epoch":
        listing.append(("    scheduler.step()", "schedule"))
    return listing


def setup_lines(config: Config, changes: Sequence[tuple[int, str]] = ()) -> list[str]:
    """The lines before the loop: what the model and optimizer are, with the values in force
    now; each live change (iteration, "lr 0.5 → 0.9") is noted below, as the loop made it."""
    optimizer = optimizer_code(config).replace("model.parameters()", _optimizer_params(config))
    notes = [f"# param_groups at iteration {iteration + 1}: {text}" for iteration, text in changes]
    return [f"optimizer = {optimizer}", *notes]
