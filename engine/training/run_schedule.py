"""The run's learning-rate scheduler: the real torch.optim.lr_scheduler class its config
names, made for the optimizer the run just built."""

from __future__ import annotations

from torch.optim.lr_scheduler import LRScheduler

from engine.models.config import Config
from engine.training.optimizers import OptimizerLike

__all__ = ["LRScheduler", "make_scheduler", "schedule_steps"]


def make_scheduler(config: Config, optimizer: OptimizerLike, steps: int) -> LRScheduler | None:
    """None for a constant learning rate; `steps` is how often scheduler.step() will run."""
    if not config.scheduler:
        return None
    from engine.models.schedule_spec import parse_scheduler
    from engine.training.schedules import build_scheduler

    spec = parse_scheduler(config.scheduler)
    assert spec is not None
    return build_scheduler(spec, optimizer, steps)  # type: ignore[arg-type]


def schedule_steps(config: Config, per_epoch: int, epochs: int) -> int:
    """How many times the loop calls scheduler.step(): per batch or per epoch."""
    return per_epoch * epochs if config.scheduler_step == "batch" else epochs
