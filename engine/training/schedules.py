"""Learning-rate schedules: the real torch.optim.lr_scheduler classes, built for one run.

A spec (engine.models.schedule_spec) holds what the learner gave; what they left out is filled
in from the run's length, once, in `resolved_keywords`, which both the scheduler the run steps
and the line an exported script writes are built from, so the two cannot drift apart.

`total_steps` is how many times the run calls `scheduler.step()`: batches × epochs when it
steps per batch, epochs when it steps per epoch.

OneCycleLR keeps the real class's behaviour: it also cycles the optimizer's momentum (SGD,
RMSprop) or β1 (Adam, AdamW) between base_momentum and max_momentum unless the learner gives
cycle_momentum=false; the update formula shows the momentum the step used.
"""

from __future__ import annotations

from typing import Any

import torch
from torch.optim import lr_scheduler

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.models.schedule_spec import WARMUP_COSINE, SchedulerSpec, Value, check_fits_optimizer
from engine.training.lookahead import Lookahead

PREFIX = "torch.optim.lr_scheduler."
OPTIMIZER_NAMES = {"SGD": "sgd", "Adagrad": "adagrad", "RMSprop": "rmsprop", "Adam": "adam"}


def resolved_keywords(spec: SchedulerSpec, total_steps: int, lr: float) -> dict[str, Value]:
    """The learner's keywords in their order, then the run-derived ones they left out:
    StepLR step_size = total/3 (three decays in a run), ExponentialLR gamma = 0.9,
    CosineAnnealingLR T_max = total, OneCycleLR max_lr = the optimizer's lr and total_steps =
    total (unless epochs and steps_per_epoch are given), WarmupCosine a tenth of the run as
    warm-up from 0.1·lr and the rest as cosine down to 0. LinearLR keeps torch's defaults."""
    given: dict[str, Value] = dict(spec.options)
    total = max(1, total_steps)
    if spec.name == "StepLR":
        given.setdefault("step_size", max(1, total // 3))
    elif spec.name == "ExponentialLR":
        given.setdefault("gamma", 0.9)
    elif spec.name == "CosineAnnealingLR":
        given.setdefault("T_max", total)
    elif spec.name == "OneCycleLR":
        given.setdefault("max_lr", lr)
        if "epochs" not in given and "steps_per_epoch" not in given:
            given.setdefault("total_steps", total)
    elif spec.name == WARMUP_COSINE:
        warmup = int(given.setdefault("warmup", max(1, total // 10)))
        given.setdefault("start_factor", 0.1)
        given.setdefault("T_max", max(1, total - warmup))
        given.setdefault("eta_min", 0.0)
    return given


def build_scheduler(
    spec: SchedulerSpec, optimizer: torch.optim.Optimizer | Lookahead, total_steps: int
) -> lr_scheduler.LRScheduler:
    """The real scheduler over `optimizer` (a Lookahead's inner one: the lr lives there).
    Anything torch refuses, and a OneCycleLR that would run out before the run does (torch
    raises at the step after its last), is refused here, before the run starts."""
    inner = optimizer.inner if isinstance(optimizer, Lookahead) else optimizer
    _check_optimizer(spec, inner)
    keywords = resolved_keywords(spec, total_steps, float(inner.param_groups[0]["lr"]))
    try:
        scheduler = _construct(spec.name, inner, keywords)
    except (ValueError, TypeError, ZeroDivisionError) as error:
        template = translate("EngineError", "{scheduler} cannot be built: {reason}")
        raise EngineError(template.format(scheduler=spec.name, reason=error)) from None
    if isinstance(scheduler, lr_scheduler.OneCycleLR) and scheduler.total_steps < total_steps:
        template = translate(
            "EngineError",
            "OneCycleLR plans {planned} steps but the run steps it {total} times: "
            "give total_steps={total} or more",
        )
        raise EngineError(template.format(planned=scheduler.total_steps, total=total_steps))
    return scheduler


def planned_lrs(spec: SchedulerSpec, lr: float, total_steps: int) -> list[float]:
    """The lr each of the run's optimizer steps will use, before the run: the same scheduler
    stepped on a stand-in optimizer (the lrs do not depend on the gradients or the optimizer's
    class), so a plot can draw the whole schedule ahead of the live values."""
    weight = torch.zeros(1, requires_grad=True)
    stand_in = torch.optim.SGD([weight], lr=lr, momentum=0.9)  # OneCycleLR may cycle it
    scheduler = build_scheduler(spec, stand_in, total_steps)
    used = []
    for _ in range(total_steps):
        used.append(float(stand_in.param_groups[0]["lr"]))
        stand_in.step()  # no gradient: moves nothing, but keeps torch's step-order check quiet
        scheduler.step()
    return used


def scheduler_code(spec: SchedulerSpec, total_steps: int, lr: float | None = None) -> str:
    """The line(s) a learner writes for this schedule, run-derived keywords written out.
    OneCycleLR's max_lr is the number `lr` when given, else read from the optimizer as the
    run does."""
    keywords = resolved_keywords(spec, total_steps, 0.0 if lr is None else lr)
    if spec.name == "OneCycleLR" and lr is None and "max_lr" not in dict(spec.options):
        keywords["max_lr"] = _Source('optimizer.param_groups[0]["lr"]')
    if spec.name != WARMUP_COSINE:
        return f"scheduler = {_call(spec.name, keywords)}"
    warmup, cosine = _warmup_cosine_parts(keywords)
    chain = f"schedulers=[warmup, {_call('CosineAnnealingLR', cosine)}]"
    return (
        f"warmup = {_call('LinearLR', warmup)}\n"
        f"scheduler = {PREFIX}SequentialLR(optimizer, {chain}, milestones=[{keywords['warmup']}])"
    )


def _check_optimizer(spec: SchedulerSpec, optimizer: torch.optim.Optimizer) -> None:
    name = OPTIMIZER_NAMES.get(type(optimizer).__name__, type(optimizer).__name__.lower())
    check_fits_optimizer(spec, name, float(optimizer.defaults.get("momentum", 0.0)))


def _construct(
    name: str, optimizer: torch.optim.Optimizer, keywords: dict[str, Any]
) -> lr_scheduler.LRScheduler:
    if name != WARMUP_COSINE:
        return getattr(lr_scheduler, name)(optimizer, **keywords)
    warmup, cosine = _warmup_cosine_parts(keywords)
    chain = [
        lr_scheduler.LinearLR(optimizer, **warmup),
        lr_scheduler.CosineAnnealingLR(optimizer, **cosine),
    ]
    return lr_scheduler.SequentialLR(optimizer, chain, milestones=[keywords["warmup"]])


def _warmup_cosine_parts(keywords: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """LinearLR from start_factor·lr up to lr over `warmup` steps, then the cosine."""
    warmup = {"start_factor": keywords["start_factor"], "total_iters": keywords["warmup"]}
    cosine = {"T_max": keywords["T_max"], "eta_min": keywords["eta_min"]}
    return warmup, cosine


class _Source(str):
    """Python source written into a line as it is, not as a literal."""


def _call(name: str, keywords: dict[str, Any]) -> str:
    arguments = ["optimizer", *(f"{key}={_literal(value)}" for key, value in keywords.items())]
    return f"{PREFIX}{name}({', '.join(arguments)})"


def _literal(value: Any) -> str:
    """A validated value as a Python literal: repr round-trips floats bit for bit."""
    if isinstance(value, _Source):
        return str(value)
    return repr(value)
