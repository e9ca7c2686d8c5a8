"""Schedules are the real torch classes: their lrs match closed forms written here, the exported
line builds the same schedule bit for bit, and state_dict round trips resume it exactly."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable

import pytest
import torch
from torch.optim import lr_scheduler

from engine.core.errors import EngineError
from engine.models.schedule_spec import SchedulerSpec, parse_scheduler
from engine.training.lookahead import Lookahead
from engine.training.schedules import (
    build_scheduler,
    planned_lrs,
    resolved_keywords,
    scheduler_code,
)

LR = 0.5
SPECS = [
    "StepLR",
    "StepLR:step_size=2,gamma=0.5",
    "ExponentialLR",
    "ExponentialLR:gamma=0.7",
    "CosineAnnealingLR",
    "CosineAnnealingLR:T_max=5,eta_min=0.01",
    "OneCycleLR",
    "OneCycleLR:max_lr=2,pct_start=0.4,anneal_strategy=linear,cycle_momentum=false",
    "LinearLR",
    "LinearLR:start_factor=0.2,end_factor=0.9,total_iters=3",
    "WarmupCosine",
    "WarmupCosine:warmup=3,start_factor=0.05,T_max=6,eta_min=0.001",
]


def _optimizer(momentum: float = 0.9) -> torch.optim.SGD:
    weight = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    return torch.optim.SGD([weight], lr=LR, momentum=momentum)


def _spec(text: str) -> SchedulerSpec:
    spec = parse_scheduler(text)
    assert spec is not None
    return spec


def _lrs(optimizer: torch.optim.Optimizer, scheduler: lr_scheduler.LRScheduler, n: int) -> list:
    """The lr each of n optimizer steps uses, stepping as the training loop does."""
    used = []
    for _ in range(n):
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return used


def _one_cycle(t: int, total: int, max_lr: float, pct: float, shape: str) -> float:
    """OneCycleLR as its paper and torch's docs describe it: up from max_lr/25 over pct of the
    run, then down to max_lr/25/1e4."""
    start, floor = max_lr / 25, max_lr / 25 / 1e4
    up_end = pct * total - 1
    if t <= up_end:
        a, b, share = start, max_lr, t / up_end
    else:
        a, b, share = max_lr, floor, (t - up_end) / (total - 1 - up_end)
    if shape == "linear":
        return a + (b - a) * share
    return b + (a - b) / 2 * (math.cos(math.pi * share) + 1)


def _cosine(k: int, top: float, floor: float, period: int) -> float:
    return floor + (top - floor) * (1 + math.cos(math.pi * k / period)) / 2


EXPECTED: dict[str, Callable[[int, int], float]] = {  # (step t, run length n) -> lr
    "StepLR": lambda t, n: LR * 0.1 ** (t // (n // 3)),
    "StepLR:step_size=2,gamma=0.5": lambda t, n: LR * 0.5 ** (t // 2),
    "ExponentialLR": lambda t, n: LR * 0.9**t,
    "ExponentialLR:gamma=0.7": lambda t, n: LR * 0.7**t,
    "CosineAnnealingLR": lambda t, n: _cosine(t, LR, 0.0, n),
    "CosineAnnealingLR:T_max=5,eta_min=0.01": lambda t, n: _cosine(t, LR, 0.01, 5),
    "OneCycleLR": lambda t, n: _one_cycle(t, n, LR, 0.3, "cos"),
    "OneCycleLR:max_lr=2,pct_start=0.4,anneal_strategy=linear,cycle_momentum=false": (
        lambda t, n: _one_cycle(t, n, 2.0, 0.4, "linear")
    ),
    "LinearLR": lambda t, n: LR * (1 / 3 + (1 - 1 / 3) * min(t, 5) / 5),
    "LinearLR:start_factor=0.2,end_factor=0.9,total_iters=3": (
        lambda t, n: LR * (0.2 + 0.7 * min(t, 3) / 3)
    ),
    "WarmupCosine": lambda t, n: (
        LR * (0.1 + 0.9 * t / (n // 10))
        if t < n // 10
        else _cosine(t - n // 10, LR, 0, n - n // 10)
    ),
    "WarmupCosine:warmup=3,start_factor=0.05,T_max=6,eta_min=0.001": lambda t, n: (
        LR * (0.05 + 0.95 * t / 3) if t < 3 else _cosine(t - 3, LR, 0.001, 6)
    ),
}


@pytest.mark.parametrize("text", SPECS)
def test_the_lr_of_every_step_matches_the_closed_form(text: str) -> None:
    n = 30
    optimizer = _optimizer()
    used = _lrs(optimizer, build_scheduler(_spec(text), optimizer, n), n)
    expected = [EXPECTED[text](t, n) for t in range(n)]
    assert used == pytest.approx(expected, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("total", [1, 2, 3, 7, 40])
@pytest.mark.parametrize("text", SPECS)
def test_stepping_the_whole_run_never_raises(text: str, total: int) -> None:
    """OneCycleLR raises one step past its plan: the run-derived plan is the run's length."""
    optimizer = _optimizer()
    used = _lrs(optimizer, build_scheduler(_spec(text), optimizer, total), total)
    assert len(used) == total and all(math.isfinite(lr) and lr >= 0 for lr in used)


def test_run_derived_defaults_are_written_out() -> None:
    assert resolved_keywords(_spec("StepLR"), 30, LR) == {"step_size": 10}
    assert resolved_keywords(_spec("StepLR:gamma=0.5"), 2, LR) == {"gamma": 0.5, "step_size": 1}
    assert resolved_keywords(_spec("ExponentialLR"), 30, LR) == {"gamma": 0.9}
    assert resolved_keywords(_spec("CosineAnnealingLR"), 30, LR) == {"T_max": 30}
    assert resolved_keywords(_spec("OneCycleLR"), 30, LR) == {"max_lr": LR, "total_steps": 30}
    assert resolved_keywords(_spec("LinearLR"), 30, LR) == {}
    assert resolved_keywords(_spec("WarmupCosine"), 30, LR) == {
        "warmup": 3,
        "start_factor": 0.1,
        "T_max": 27,
        "eta_min": 0.0,
    }


def test_the_code_lines_read_as_a_learner_writes_them() -> None:
    prefix = "scheduler = torch.optim.lr_scheduler."
    code = scheduler_code(_spec("StepLR:gamma=0.5"), 30)
    assert code == prefix + "StepLR(optimizer, gamma=0.5, step_size=10)"
    assert scheduler_code(_spec("LinearLR"), 30) == prefix + "LinearLR(optimizer)"
    one_cycle = scheduler_code(_spec("OneCycleLR"), 30)
    assert (
        one_cycle
        == prefix + 'OneCycleLR(optimizer, max_lr=optimizer.param_groups[0]["lr"], total_steps=30)'
    )
    assert "max_lr=0.5, total_steps=30" in scheduler_code(_spec("OneCycleLR"), 30, lr=0.5)
    warmup, chain = scheduler_code(_spec("WarmupCosine"), 30).split("\n")
    assert (
        warmup
        == "warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=3)"
    )
    assert chain == (
        "scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[warmup, "
        "torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=27, eta_min=0.0)], "
        "milestones=[3])"
    )


@pytest.mark.parametrize("with_lr", [False, True])
@pytest.mark.parametrize("text", SPECS)
def test_the_exported_line_builds_the_same_schedule_bit_for_bit(text: str, with_lr: bool) -> None:
    n = 17
    engine_optimizer = _optimizer()
    engine_lrs = _lrs(engine_optimizer, build_scheduler(_spec(text), engine_optimizer, n), n)
    optimizer = _optimizer()
    names = {"torch": torch, "optimizer": optimizer}
    exec(scheduler_code(_spec(text), n, LR if with_lr else None), names)  # noqa: S102
    assert _lrs(optimizer, names["scheduler"], n) == engine_lrs
    assert optimizer.param_groups[0]["momentum"] == engine_optimizer.param_groups[0]["momentum"]


@pytest.mark.parametrize("text", SPECS)
def test_state_dicts_resume_the_exact_lr_sequence(text: str) -> None:
    """What a checkpoint keeps: optimizer and scheduler state, restored on fresh ones."""
    n, cut = 24, 9
    optimizer = _optimizer()
    scheduler = build_scheduler(_spec(text), optimizer, n)
    _lrs(optimizer, scheduler, cut)
    saved = copy.deepcopy((optimizer.state_dict(), scheduler.state_dict()))
    rest = _lrs(optimizer, scheduler, n - cut)

    fresh_optimizer = _optimizer()
    fresh = build_scheduler(_spec(text), fresh_optimizer, n)
    _lrs(fresh_optimizer, fresh, 4)  # a later position, as a back-step finds it
    fresh_optimizer.load_state_dict(saved[0])
    fresh.load_state_dict(saved[1])
    assert _lrs(fresh_optimizer, fresh, n - cut) == rest
    assert fresh_optimizer.param_groups[0]["momentum"] == optimizer.param_groups[0]["momentum"]


def test_a_lookahead_optimizer_schedules_its_inner_lr() -> None:
    inner = _optimizer()
    wrapped = Lookahead(inner, k=2, alpha=0.5)
    scheduler = build_scheduler(_spec("StepLR:step_size=1,gamma=0.5"), wrapped, 4)
    assert scheduler.optimizer is inner
    used = []
    for _ in range(3):
        used.append(wrapped.param_groups[0]["lr"])
        wrapped.step()
        scheduler.step()
    assert used == [LR, LR / 2, LR / 4]


def test_one_cycle_cycles_the_momentum_as_the_real_class_does() -> None:
    optimizer = _optimizer(momentum=0.9)
    scheduler = build_scheduler(_spec("OneCycleLR"), optimizer, 10)
    momenta = []
    for _ in range(10):
        momenta.append(optimizer.param_groups[0]["momentum"])
        optimizer.step()
        scheduler.step()
    assert momenta[0] == pytest.approx(0.95) and min(momenta) == pytest.approx(0.85, abs=0.01)
    adam = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=0.1, betas=(0.9, 0.999))
    build_scheduler(_spec("OneCycleLR"), adam, 10)
    assert adam.param_groups[0]["betas"] == (0.95, 0.999)  # β1 cycles, β2 stays


@pytest.mark.parametrize(
    ("text", "optimizer", "words"),
    [
        ("OneCycleLR", "adagrad", "adagrad does not have: add cycle_momentum=false"),
        ("OneCycleLR", "plain-sgd", "give sgd a momentum above 0"),
        ("OneCycleLR:total_steps=5", "sgd", "plans 5 steps but the run steps it 10 times"),
        ("OneCycleLR:epochs=2", "sgd", "OneCycleLR cannot be built: You must define"),
        ("OneCycleLR:epochs=2,steps_per_epoch=3", "sgd", "plans 6 steps"),
        ("OneCycleLR:div_factor=0", "sgd", "OneCycleLR cannot be built"),
        ("LinearLR:start_factor=0", "sgd", "LinearLR cannot be built"),
        ("LinearLR:end_factor=2", "sgd", "LinearLR cannot be built"),
        ("WarmupCosine:start_factor=1.5", "sgd", "WarmupCosine cannot be built"),
    ],
)
def test_what_torch_or_the_run_refuses_is_one_line_before_the_run(
    text: str, optimizer: str, words: str
) -> None:
    weight = torch.zeros(1, requires_grad=True)
    built = {
        "adagrad": lambda: torch.optim.Adagrad([weight], lr=0.1),
        "plain-sgd": lambda: torch.optim.SGD([weight], lr=0.1),
        "sgd": lambda: torch.optim.SGD([weight], lr=0.1, momentum=0.5),
    }[optimizer]()
    with pytest.raises(EngineError) as caught:
        build_scheduler(_spec(text), built, 10)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_one_cycle_with_its_own_long_enough_plan_is_kept() -> None:
    optimizer = _optimizer()
    scheduler = build_scheduler(_spec("OneCycleLR:epochs=2,steps_per_epoch=5"), optimizer, 10)
    assert isinstance(scheduler, lr_scheduler.OneCycleLR) and scheduler.total_steps == 10
    assert len(_lrs(optimizer, scheduler, 10)) == 10


@pytest.mark.parametrize("text", SPECS)
def test_the_planned_lrs_are_the_ones_a_real_run_uses(text: str) -> None:
    n = 13
    optimizer = _optimizer()
    real = _lrs(optimizer, build_scheduler(_spec(text), optimizer, n), n)
    assert planned_lrs(_spec(text), LR, n) == real


def test_a_scheduler_restored_without_its_optimizers_lr_drifts() -> None:
    """Why a checkpoint must keep the optimizer's param groups with the scheduler's state:
    ExponentialLR multiplies the group's current lr, so that lr is part of the schedule."""
    optimizer = _optimizer()
    scheduler = build_scheduler(_spec("ExponentialLR"), optimizer, 10)
    _lrs(optimizer, scheduler, 4)
    saved = copy.deepcopy(scheduler.state_dict())
    rest = _lrs(optimizer, scheduler, 3)
    fresh_optimizer = _optimizer()
    fresh = build_scheduler(_spec("ExponentialLR"), fresh_optimizer, 10)
    fresh.load_state_dict(saved)
    assert _lrs(fresh_optimizer, fresh, 3) != rest
