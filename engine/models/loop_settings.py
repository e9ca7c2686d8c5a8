"""Checks of the loop settings a learner writes around the model: the dataset, mini-batches,
epochs, the validation share, the learning-rate schedule and gradient clipping.

Every default leaves the textbook loop of one fixed batch exactly as it was, so a run that
names none of them is today's run bit for bit.
"""

from __future__ import annotations

import math
from typing import Any

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.models.clip_limits import check_clip_limits

# A Config, or anything with its fields: Config validates itself with these checks, so they
# cannot import it.
Config = Any

SCHEDULER_STEPS = ("batch", "epoch")
MAX_EPOCHS = 100_000


def loop_is_plain(config: Config) -> bool:
    """No loop setting is on: one fixed batch, a constant lr, no clipping, no evaluation."""
    return not (
        config.dataset
        or config.batch_size
        or config.val_share
        or config.scheduler
        or config.clip_norm
        or config.clip_value
    )


def check_loop(c: Config) -> None:
    """Refuse loop settings that would fail later, with one line that says why."""
    _check_types(c)
    check_clip_limits(c.clip_norm, c.clip_value)
    if c.scheduler_step not in SCHEDULER_STEPS:
        text = translate("EngineError", "the scheduler steps per batch or per epoch, not {step!r}")
        raise EngineError(text.format(step=c.scheduler_step))
    if c.scheduler:
        from engine.models.schedule_spec import check_fits_optimizer, parse_scheduler

        check_fits_optimizer(parse_scheduler(c.scheduler), c.optimizer, c.momentum)
    if not c.has_layers and (c.dataset or c.batch_size or c.val_share):
        raise EngineError(
            translate(
                "EngineError",
                "a test function has no data: datasets, mini-batches and validation apply to "
                "networks",
            )
        )
    if c.has_layers and (c.dataset or c.batch_size or c.val_share):
        _check_data(c)


def _check_types(c: Config) -> None:
    for name in ("batch_size", "epochs"):
        value = getattr(c, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            text = translate("EngineError", "{name} must be a whole number ≥ 0, got {value!r}")
            raise EngineError(text.format(name=name.replace("_", " "), value=value))
    if c.epochs > MAX_EPOCHS:
        text = translate("EngineError", "at most {most:,} epochs, got {value:,}")
        raise EngineError(text.format(most=MAX_EPOCHS, value=c.epochs))
    if not isinstance(c.shuffle, bool):
        raise EngineError("shuffle must be true or false")
    for name in ("dataset", "scheduler", "scheduler_step"):
        if not isinstance(getattr(c, name), str):
            raise EngineError(f"{name} must be text, not {getattr(c, name)!r}")
    for name in ("val_share", "clip_norm", "clip_value"):
        value = getattr(c, name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EngineError(f"{name} must be a number, not {value!r}")
        if not math.isfinite(value) or value < 0:
            text = translate("EngineError", "{name} must be a finite number ≥ 0, got {value!r}")
            raise EngineError(text.format(name=name.replace("_", " "), value=value))
    if not c.val_share < 1:
        text = translate(
            "EngineError", "the validation share must be below 1 (a share of the data), got {v}"
        )
        raise EngineError(text.format(v=c.val_share))


def _check_data(c: Config) -> None:
    """The data's shape against the layers, and the batch size against the training set."""
    from engine.models.run_samples import sample_counts

    train, _ = sample_counts(c)
    if c.batch_size > train:
        text = translate(
            "EngineError",
            "the batch size {size} is larger than the training set ({train} samples)",
        )
        raise EngineError(text.format(size=c.batch_size, train=train))
