"""The loop facts a lesson checks (batch, epoch, lr, clip scale, evaluations) against a plain
PyTorch loop written here, with a real DataLoader seeded as the engine's."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from engine.data.datasets import load_dataset, split
from engine.lessons.actions import settings_config
from engine.lessons.loop_facts import loop_facts
from engine.models.config import Config
from engine.training.stepper import Stepper

LOOP = {
    "preset": "xor", "dataset": "moons", "layers": [2, 4, 2],
    "activations": ["tanh", "identity"], "loss": "cross_entropy", "lr": 0.5, "seed": 0,
    "batch_size": 32, "epochs": 4, "val_share": 0.2, "clip_norm": 0.25,
    "scheduler": "StepLR:step_size=1,gamma=0.5", "scheduler_step": "epoch",
}  # fmt: skip


def learner_first_epoch(config: Config, start: list[torch.Tensor]) -> dict:
    """One epoch as a learner writes it: the first clip's scale, the lr after the epoch's
    scheduler.step(), the epoch's mean batch loss and the validation loss."""
    train, val = split(load_dataset(config.dataset, config.seed), config.val_share, config.seed)
    # Class indices, as a learner hands them to F.cross_entropy.
    x, y = torch.tensor(train.x), torch.tensor(train.labels)
    params = [t.detach().clone().requires_grad_(True) for t in start]
    w1, b1, w2, b2 = params
    optimizer = torch.optim.SGD(params, lr=config.lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    generator = torch.Generator().manual_seed(config.seed)
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True, generator=generator)
    sizes, scales, losses = [], [], []
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(F.linear(torch.tanh(F.linear(xb, w1, b1)), w2, b2), yb)
        loss.backward()
        total = torch.nn.utils.clip_grad_norm_(params, config.clip_norm)
        scales.append(float(torch.clamp(config.clip_norm / (total + 1e-6), max=1.0)))
        optimizer.step()
        sizes.append(len(xb))
        losses.append(float(loss.detach()))
    with torch.no_grad():
        vx, vy = torch.tensor(val.x), torch.tensor(val.labels)
        val_loss = float(F.cross_entropy(F.linear(torch.tanh(F.linear(vx, w1, b1)), w2, b2), vy))
    scheduler.step()
    return {"sizes": sizes, "scales": scales, "train_loss": sum(losses) / len(losses),
            "val_loss": val_loss, "lr": optimizer.param_groups[0]["lr"]}  # fmt: skip


def stepper_and_learner() -> tuple[Stepper, dict]:
    stepper = Stepper(settings_config(LOOP))
    start = [t.detach().clone() for _, _, t in stepper.model.param_tensors()]
    return stepper, learner_first_epoch(stepper.config, start)


def step_to(stepper: Stepper, phase: str) -> None:
    while stepper.step_phase().phase != phase:
        pass


def test_the_first_batch_and_its_clip_match_a_learner_loop():
    stepper, learner = stepper_and_learner()
    before = loop_facts(stepper)
    assert (before.batch_size, before.epoch, before.batch) == (320, 1, 1)  # 400 − 80 held out
    assert before.clip_scale is None and before.lr == 0.5
    step_to(stepper, "batch")
    assert loop_facts(stepper).batch_size == learner["sizes"][0] == 32
    step_to(stepper, "clip")
    scale = loop_facts(stepper).clip_scale
    assert scale == learner["scales"][0]
    assert scale < 1.0  # the lesson shows a real shortening


def test_the_epoch_end_evaluation_appears_at_its_micro_step_and_goes_with_back():
    stepper, learner = stepper_and_learner()
    stepper.run(9)
    step_to(stepper, "eval_mode")
    facts = loop_facts(stepper)
    assert (facts.epoch, facts.batch, facts.evaluations) == (1, 10, ())
    assert facts.batch_size == learner["sizes"][-1] == 320 - 9 * 32
    step_to(stepper, "evaluate")
    (evaluation,) = loop_facts(stepper).evaluations
    assert abs(evaluation.train_loss - learner["train_loss"]) < 1e-12
    assert abs(evaluation.val_loss - learner["val_loss"]) < 1e-12
    stepper.back()  # before the evaluate micro-step: its result is not shown any more
    assert loop_facts(stepper).evaluations == ()
    step_to(stepper, "schedule")
    facts = loop_facts(stepper)
    assert facts.lr == learner["lr"] == 0.25
    assert len(facts.evaluations) == 1


def test_after_a_run_the_clip_scale_is_the_last_batch_s_as_torch_computes_it():
    stepper, learner = stepper_and_learner()
    stepper.run(10)
    facts = loop_facts(stepper)
    assert abs(facts.clip_scale - learner["scales"][-1]) < 1e-12
    assert facts.lr == 0.25


def test_a_run_without_a_loop_has_one_batch_of_every_sample():
    stepper = Stepper(settings_config({"preset": "xor"}))
    facts = loop_facts(stepper)
    assert (facts.batch_size, facts.epoch, facts.batch, facts.clip_scale) == (4, 1, 1, None)
    assert facts.lr == 1.0 and facts.evaluations == ()
