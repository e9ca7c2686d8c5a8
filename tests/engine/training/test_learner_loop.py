"""The engine's loop against the loop a learner writes: a real DataLoader with the same seeded
generator, the same scheduler, clipping and weight decay, and evaluation at each epoch's end.
Losses, parameters, learning rates and validation numbers must agree bit for bit."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from engine.data.datasets import load_dataset, split
from engine.models.config import Config
from engine.models.presets import get_preset
from engine.training.stepper import Stepper

EPOCHS = 2
SEED = 3


def moons_config(**changes: object) -> Config:
    base = Config(
        preset="moons-test",
        layers=(2, 4, 2),
        activations=("tanh", "identity"),
        loss="cross_entropy",
        optimizer="sgd",
        lr=0.3,
        seed=SEED,
        dataset="moons",
        inputs=(),
        targets=(),
        batch_size=7,
        val_share=0.25,
        epochs=EPOCHS,
        train_biases=True,
    )
    return base.replace(**changes)


def learner_optimizer(config: Config, params: list[torch.Tensor]) -> torch.optim.Optimizer:
    """The optimizer as the learner writes it (torch's own defaults for what is not given)."""
    common = {"lr": config.lr, "weight_decay": config.weight_decay}
    name = config.optimizer
    if name == "sgd":
        return torch.optim.SGD(params, momentum=config.momentum, nesterov=config.nesterov, **common)
    if name == "adagrad":
        return torch.optim.Adagrad(params, **common)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, momentum=config.momentum, **common)
    if name == "adam":
        return torch.optim.Adam(params, betas=config.betas, **common)
    return torch.optim.AdamW(params, betas=config.betas, **common)


def learner_scheduler(name: str, optimizer: torch.optim.Optimizer):
    sched = torch.optim.lr_scheduler
    if name == "StepLR":
        return sched.StepLR(optimizer, step_size=3, gamma=0.5)
    if name == "ExponentialLR":
        return sched.ExponentialLR(optimizer, gamma=0.9)
    if name == "CosineAnnealingLR":
        return sched.CosineAnnealingLR(optimizer, T_max=12)
    if name == "OneCycleLR":
        return sched.OneCycleLR(optimizer, max_lr=0.5, total_steps=100)
    if name == "LinearLR":
        return sched.LinearLR(optimizer, start_factor=0.25, total_iters=5)
    warm = sched.LinearLR(optimizer, start_factor=0.1, total_iters=4)
    cosine = sched.CosineAnnealingLR(optimizer, T_max=20, eta_min=0.0)
    return sched.SequentialLR(optimizer, [warm, cosine], milestones=[4])


SCHEDULES = {
    "": "",
    "StepLR": "StepLR:step_size=3,gamma=0.5",
    "ExponentialLR": "ExponentialLR:gamma=0.9",
    "CosineAnnealingLR": "CosineAnnealingLR:T_max=12",
    "OneCycleLR": "OneCycleLR:max_lr=0.5,total_steps=100",
    "LinearLR": "LinearLR:start_factor=0.25,total_iters=5",
    "WarmupCosine": "WarmupCosine:warmup=4,start_factor=0.1,T_max=20,eta_min=0.0",
}


def learner_run(config: Config, start: list[torch.Tensor], batches: int) -> dict:
    """The loop a learner writes, from the engine's starting parameters."""
    whole = load_dataset(config.dataset, config.seed)
    train, val = split(whole, config.val_share, config.seed)
    # Class indices, as a learner hands them to F.cross_entropy.
    x, y = torch.tensor(train.x), torch.tensor(train.labels)
    vx, vy = torch.tensor(val.x), torch.tensor(val.labels)
    params = [t.detach().clone().requires_grad_(True) for t in start]
    w1, b1, w2, b2 = params
    optimizer = learner_optimizer(config, params)
    name = config.scheduler.split(":")[0]
    scheduler = learner_scheduler(name, optimizer) if name else None
    if config.batch_size:
        generator = torch.Generator().manual_seed(config.seed)
        loader = DataLoader(
            TensorDataset(x, y), batch_size=config.batch_size, shuffle=True, generator=generator
        )
    else:
        loader = [(x, y)]
    losses, lrs, norms, evaluations = [], [], [], []
    done = 0
    while done < batches:
        epoch_losses = []
        for xb, yb in loader:
            optimizer.zero_grad()
            out = F.linear(torch.tanh(F.linear(xb, w1, b1)), w2, b2)
            loss = F.cross_entropy(out, yb)
            loss.backward()
            norms.append(math.sqrt(sum(float((p.grad**2).sum()) for p in params)))
            if config.clip_norm:
                torch.nn.utils.clip_grad_norm_(params, config.clip_norm)
            if config.clip_value:
                torch.nn.utils.clip_grad_value_(params, config.clip_value)
            lrs.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            if scheduler is not None and config.scheduler_step == "batch":
                scheduler.step()
            losses.append(float(loss.detach()))
            epoch_losses.append(float(loss.detach()))
            done += 1
            if done == batches:
                break
        if len(epoch_losses) == len(loader):
            with torch.no_grad():
                out = F.linear(torch.tanh(F.linear(vx, w1, b1)), w2, b2)
                val_loss = float(F.cross_entropy(out, vy))
                accuracy = float((out.argmax(1) == vy).double().mean())
            evaluations.append((float(np.mean(epoch_losses)), val_loss, accuracy))
            if scheduler is not None and config.scheduler_step == "epoch":
                scheduler.step()
    flat = torch.cat([p.detach().reshape(-1) for p in params]).numpy()
    return {"losses": losses, "lrs": lrs, "evaluations": evaluations, "params": flat}


def engine_start(stepper: Stepper) -> list[torch.Tensor]:
    return [t.detach().clone() for _, _, t in stepper.model.param_tensors()]


def engine_run(config: Config, micro: bool = False) -> tuple[Stepper, list[torch.Tensor], int]:
    stepper = Stepper(config)
    start = engine_start(stepper)
    batches = stepper.timeline.per_epoch * EPOCHS
    if micro:
        while stepper.trajectory.length < batches:
            stepper.step_phase()
    else:
        stepper.run(batches)
    return stepper, start, batches


def assert_same(stepper: Stepper, learner: dict) -> None:
    trajectory = stepper.trajectory
    assert trajectory.losses.tolist() == learner["losses"]
    assert trajectory.lrs.tolist() == learner["lrs"]
    assert np.array_equal(trajectory.current, learner["params"])
    evaluations = [(e.train_loss, e.val_loss, e.val_accuracy) for e in trajectory.evaluations]
    assert evaluations == learner["evaluations"]


@pytest.mark.parametrize("batch_size", [1, 7, 0])
def test_batches_match_a_learner_loop(batch_size: int) -> None:
    config = moons_config(batch_size=batch_size)
    stepper, start, batches = engine_run(config)
    assert_same(stepper, learner_run(config, start, batches))


@pytest.mark.parametrize(
    "changes",
    [
        {"optimizer": "sgd", "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
        {"optimizer": "adagrad", "weight_decay": 0.02},
        {"optimizer": "rmsprop", "momentum": 0.5, "lr": 0.01},
        {"optimizer": "adam", "lr": 0.05, "weight_decay": 0.01},
        {"optimizer": "adamw", "lr": 0.05, "weight_decay": 0.1},
    ],
    ids=["sgd", "adagrad", "rmsprop", "adam", "adamw"],
)
@pytest.mark.parametrize("clip", [{}, {"clip_norm": 0.05}, {"clip_value": 0.01}])
def test_every_optimizer_with_clipping_matches(changes: dict, clip: dict) -> None:
    config = moons_config(**changes, **clip)
    stepper, start, batches = engine_run(config)
    assert_same(stepper, learner_run(config, start, batches))


@pytest.mark.parametrize("name", [n for n in SCHEDULES if n])
@pytest.mark.parametrize("step", ["batch", "epoch"])
def test_every_schedule_matches(name: str, step: str) -> None:
    optimizer = {"optimizer": "adam", "lr": 0.05} if name == "OneCycleLR" else {}
    config = moons_config(scheduler=SCHEDULES[name], scheduler_step=step, **optimizer)
    stepper, start, batches = engine_run(config)
    learner = learner_run(config, start, batches)
    assert_same(stepper, learner)
    lrs, per_epoch = learner["lrs"], stepper.timeline.per_epoch
    if step == "batch":
        assert len(set(lrs)) > 1  # the schedule really moved the learning rate
    else:  # constant within each epoch
        assert all(len(set(lrs[k : k + per_epoch])) == 1 for k in range(0, len(lrs), per_epoch))


def test_micro_stepping_equals_fast_forward() -> None:
    config = moons_config(
        batch_size=16, scheduler=SCHEDULES["StepLR"], clip_norm=0.05, optimizer="adam"
    )
    fast, _, _ = engine_run(config)
    micro, start, batches = engine_run(config, micro=True)
    assert_same(micro, learner_run(config, start, batches))
    assert fast.trajectory.losses.tolist() == micro.trajectory.losses.tolist()
    assert np.array_equal(fast.trajectory.current, micro.trajectory.current)


def test_going_back_restores_batches_schedule_and_evaluations_exactly() -> None:
    config = moons_config(batch_size=32, scheduler=SCHEDULES["StepLR"], clip_norm=0.05)
    stepper = Stepper(config)
    per_epoch = stepper.timeline.per_epoch
    stepper.run(per_epoch * 2)
    end = stepper.snapshot
    losses, lrs = stepper.trajectory.losses.tolist(), stepper.trajectory.lrs.tolist()
    middle = stepper.timeline.ticks(0, per_epoch) - 3  # inside the first epoch's end
    stepper.goto(middle)
    assert len(stepper.trajectory.evaluations) == 0
    stepper.goto(end.tick)
    assert stepper.trajectory.losses.tolist() == losses
    assert stepper.trajectory.lrs.tolist() == lrs
    assert len(stepper.trajectory.evaluations) == 2
    assert stepper.snapshot.params == end.params


def test_epoch_end_adds_eval_micro_steps_once_per_epoch() -> None:
    stepper = Stepper(moons_config(batch_size=100))
    per_epoch = stepper.timeline.per_epoch
    phases = []
    while stepper.trajectory.length < per_epoch:
        phases.append(stepper.step_phase().phase)
    assert phases.count("batch") == per_epoch
    assert phases.count("eval_mode") == phases.count("evaluate") == 1
    assert phases[-2:] == ["eval_mode", "evaluate"]
    evaluation = stepper.trajectory.evaluations[0]
    assert evaluation.epoch == 1
    assert 0 <= evaluation.val_accuracy <= 1


def test_plain_runs_are_unchanged() -> None:
    """Without the loop options, Mazur's run has no new micro-step and the post's numbers."""
    stepper = Stepper(get_preset("mazur"))
    assert [phase for phase, _ in stepper.plan][:2] == ["zero_grad", "forward"]
    stepper.run(1)
    assert stepper.trajectory.losses[0] == pytest.approx(0.298371108760003, abs=1e-15)
    assert stepper.trajectory.lrs.tolist() == [0.5]


def test_a_line_at_a_time_on_the_digits_network() -> None:
    """step_line runs every micro-step of one line of the loop: on a 64-10 network a batch
    is a handful of clicks, and the Snapshot names the samples its DataLoader drew."""
    config = Config(
        preset="digits-test",
        layers=(64, 10),
        activations=("log_softmax",),
        loss="nll",
        lr=0.5,
        dataset="digits",
        inputs=(),
        targets=(),
        batch_size=64,
        val_share=0.2,
        seed=SEED,
    )
    stepper = Stepper(config)
    phases = []
    while not phases or stepper.micro:
        phases.append(stepper.step_line().phase)
    assert phases == ["batch", "zero_grad", "forward", "loss", "backward", "step"]
    whole = load_dataset("digits", SEED)
    train, _ = split(whole, 0.2, SEED)
    generator = torch.Generator().manual_seed(SEED)
    loader = DataLoader(
        TensorDataset(torch.arange(len(train))), batch_size=64, shuffle=True, generator=generator
    )
    (first,) = next(iter(loader))
    assert stepper.snapshot.batch == tuple(first.tolist())
