"""The command line's options for the loop around the model: the dataset, mini-batches,
epochs, validation, the learning-rate schedule and gradient clipping."""

from __future__ import annotations

import argparse
from typing import Any

from engine.commands.cli_values import non_negative_float, non_negative_int
from engine.models.config import Config
from engine.models.loop_settings import SCHEDULER_STEPS
from engine.models.run_samples import whole_set_shape

LOOP_FIELDS = (
    "dataset", "batch_size", "epochs", "shuffle", "val_share", "scheduler", "scheduler_step",
    "clip_norm", "clip_value",
)  # fmt: skip


def add_loop_options(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--dataset", metavar="NAME|FILE.csv", help="digits, moons, circles, spirals, blobs, …")
    add("--batch-size", type=batch_size, metavar="N", help="samples per batch (default: all)")
    add("--epochs", type=non_negative_int, metavar="N", help="train runs N whole epochs")
    add("--shuffle", action=argparse.BooleanOptionalAction, default=None)
    add("--val-share", type=non_negative_float, metavar="F", help="held out for validation")
    add("--scheduler", metavar="NAME[:k=v,…]", help="a torch.optim.lr_scheduler class")
    add("--scheduler-step", choices=SCHEDULER_STEPS)
    add("--clip-norm", type=non_negative_float, metavar="X", help="clip_grad_norm_ max_norm")
    add("--clip-value", type=non_negative_float, metavar="X", help="clip_grad_value_ limit")


def batch_size(text: str) -> int:
    """A batch of at least one sample (leaving the option out trains on the whole set)."""
    size = non_negative_int(text)
    if size < 1:
        raise argparse.ArgumentTypeError(f"a batch needs at least one sample, got {text}")
    return size


def loop_changes(
    config: Config, args: argparse.Namespace, layers_given: bool, seed: int
) -> dict[str, Any]:
    """The loop fields given; a dataset without --layers keeps the hidden layers and takes its
    input and output sizes from the data."""
    changes = {
        name: getattr(args, name) for name in LOOP_FIELDS if getattr(args, name, None) is not None
    }
    dataset = changes.get("dataset")
    if dataset:
        changes["inputs"] = changes["targets"] = ()
        if not layers_given:
            inputs, outputs = whole_set_shape(dataset, seed)
            changes["layers"] = (inputs, *config.layers[1:-1], outputs)
    return changes


def train_steps(args: argparse.Namespace, iterations_per_epoch: int, epochs: int) -> int:
    """Iterations `train` runs: --steps when given, else every epoch of --epochs, else one."""
    if args.steps is not None:
        return int(args.steps)
    return iterations_per_epoch * epochs if epochs else 1
