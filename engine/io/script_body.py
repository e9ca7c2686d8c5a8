"""The pieces of an exported script's body that both families of model share: the helper
classes, the starting values and the optimizer. Numbers go in through `number` (checked
literals), names only after they are checked (see engine.io.script_values); the code itself
comes from engine.io.script_parts. What differs per family is in engine.io.script_network and
engine.io.script_function.
"""

from __future__ import annotations

from collections.abc import Collection

from engine.io.script_parts import HEAVISIDE, LOOKAHEAD, OPTIMIZER_CLASSES
from engine.io.script_values import number, whole
from engine.models.config import Config
from engine.models.trainable_model import TrainableModel


def helper_classes(config: Config, activation_specs: Collection[str]) -> list[str]:
    """The helper classes the script uses, with the blank lines around them; none: []."""
    classes = [HEAVISIDE] * ("step" in activation_specs) + [LOOKAHEAD] * bool(config.lookahead_k)
    if not classes:
        return []
    return ["", "", "\n\n\n".join(c.strip("\n") for c in classes), "", ""]


def starting_values(config: Config, model: TrainableModel) -> dict[str, float]:
    """The app's starting values; the configured literals where given (the same after rounding)."""
    drawn = dict(zip((info.label for info in model.params), model.values().tolist(), strict=True))
    return drawn | {name: float(value) for name, value in config.initial_params}


def optimizer_lines(config: Config, params: str) -> list[str]:
    line = f"torch.optim.{OPTIMIZER_CLASSES[config.optimizer]}({params}, {_arguments(config)})"
    if config.lookahead_k:
        k, alpha = whole(config.lookahead_k), number(config.lookahead_alpha)
        line = f"Lookahead({line}, k={k}, alpha={alpha})"
    return ["# The optimizer, with the app's hyperparameters.", f"optimizer = {line}", ""]


def _arguments(c: Config) -> str:
    args = [f"lr={number(c.lr)}"]
    if c.optimizer in ("sgd", "rmsprop") and c.momentum:
        args.append(f"momentum={number(c.momentum)}")
    if c.nesterov:
        args.append("nesterov=True")
    if c.optimizer in ("adam", "adamw") and tuple(c.betas) != (0.9, 0.999):
        args.append(f"betas=({number(c.betas[0])}, {number(c.betas[1])})")
    # AdamW's own default weight decay is 0.01; the app's is the configured one, so say it.
    if c.weight_decay or c.optimizer == "adamw":
        args.append(f"weight_decay={number(c.weight_decay)}")
    if c.eps is not None and c.optimizer != "sgd":
        args.append(f"eps={number(c.eps)}")
    return ", ".join(args)
