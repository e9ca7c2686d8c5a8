"""The learning rate each iteration of a run will use, before the run gets there: what the
learning-rate plot draws faintly ahead of the values the steps actually used."""

from __future__ import annotations

import functools

import numpy as np

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.schedule_spec import parse_scheduler
from engine.training.loop_data import DEFAULT_EPOCHS
from engine.training.run_schedule import schedule_steps
from engine.training.schedules import planned_lrs

MAX_PLANNED_STEPS = 200_000  # a longer plan is not drawn (it would cost seconds to step)


def planned_iteration_lrs(config: Config, per_epoch: int) -> np.ndarray:
    """lr[i] is the learning rate iteration i's optimizer.step() will use, over the run's
    planned epochs (10 when it names none); empty for a constant learning rate.

    A scheduler stepped per batch changes the lr after every iteration; one stepped per epoch
    keeps it for the epoch's `per_epoch` iterations."""
    if not config.scheduler:
        return np.empty(0)
    epochs = config.epochs or DEFAULT_EPOCHS
    steps = schedule_steps(config, per_epoch, epochs)
    plan = _plan(config.scheduler, config.lr, steps)
    return plan if config.scheduler_step == "batch" else np.repeat(plan, per_epoch)


@functools.lru_cache(maxsize=16)
def _plan(scheduler: str, lr: float, steps: int) -> np.ndarray:
    """One plan per schedule, lr and length: the plot asks again after every iteration."""
    spec = parse_scheduler(scheduler)
    if spec is None or steps > MAX_PLANNED_STEPS:
        return np.empty(0)
    try:
        plan = np.array(planned_lrs(spec, lr, steps), dtype=float)
    except EngineError:  # the run itself refuses such a schedule, and says why
        return np.empty(0)
    plan.setflags(write=False)
    return plan
