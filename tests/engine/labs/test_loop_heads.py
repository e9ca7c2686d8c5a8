"""The output-activation experiment on the digits: each head is exactly a Stepper run of its
config and, written out, exactly the loop a learner writes with a seeded DataLoader."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from engine.core.errors import EngineError
from engine.data.datasets import load_dataset, split
from engine.labs.loop_head_table import HEAD_NAMES, LOOP_HEADS
from engine.labs.loop_heads import HeadComparison, compare_loop_heads, head_config
from engine.models.presets import get_preset
from engine.training.stepper import Stepper

DIGITS = get_preset("digits")
HEADS = {head.key: head for head in LOOP_HEADS}


@pytest.fixture(scope="module")
def comparison() -> HeadComparison:
    result = compare_loop_heads(DIGITS)
    assert result is not None
    return result


def by_head(comparison: HeadComparison) -> dict:
    return {result.head.key: result for result in comparison.results}


def test_the_tutorial_head_reaches_80_percent_and_beats_softmax(comparison):
    results = by_head(comparison)
    assert comparison.epochs == 2 and comparison.batches == 46  # 1,438 images in 23 batches of 64
    assert results["log_softmax"].val_accuracy >= 0.80
    assert results["log_softmax"].val_accuracy > results["softmax"].val_accuracy
    assert list(results) == list(HEAD_NAMES)
    assert all(len(r.evaluations) == 2 and r.diverged_at is None for r in results.values())


@pytest.mark.parametrize("key", HEAD_NAMES)
def test_each_head_is_a_stepper_run_of_its_config(comparison, key):
    stepper = Stepper(head_config(DIGITS, HEADS[key]))
    stepper.run(46)
    assert by_head(comparison)[key].evaluations == stepper.trajectory.evaluations
    assert stepper.config.activations == (HEADS[key].activation,)
    assert stepper.config.loss == HEADS[key].loss


def test_every_head_starts_from_the_same_weights_and_draws_the_same_batches():
    starts, batches = [], []
    for head in LOOP_HEADS:
        stepper = Stepper(head_config(DIGITS, head))
        starts.append(stepper.model.values())
        first = stepper.step_phase().batch  # the DataLoader's first batch
        stepper.run(22)  # to the first batch of the second epoch
        batches.append((first, stepper.step_phase().batch))
    assert all(np.array_equal(start, starts[0]) for start in starts)
    assert len(set(batches)) == 1
    # The learner's DataLoader over the training rows, with the run's seed: the same order.
    train, _ = split(load_dataset("digits", DIGITS.seed), 0.2, DIGITS.seed)
    order = DataLoader(range(len(train)), batch_size=64, shuffle=True, generator=seeded())
    assert batches[0][0] == tuple(next(iter(order)).tolist())


def seeded() -> torch.Generator:
    return torch.Generator().manual_seed(DIGITS.seed)


# The heads as a learner writes them, over class labels handed to F.nll_loss and
# F.cross_entropy as the tutorial does.
LEARNER_HEADS = {
    "log_softmax": (lambda z: torch.log_softmax(z, dim=1), "nll"),
    "softmax": (lambda z: torch.softmax(z, dim=1), "nll"),
    "sigmoid": (torch.sigmoid, "nll"),
    "tanh": (torch.tanh, "nll"),
    "softmax_cross_entropy": (lambda z: torch.softmax(z, dim=1), "cross_entropy"),
}


def learner_loss(kind: str, out: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    if kind == "nll":
        return F.nll_loss(out, labels)
    return F.cross_entropy(out, labels)


def learner_loop(key: str, start: list[torch.Tensor]) -> dict:
    """PyTorch's tutorial loop on the digits: 64 → 10, SGD lr 0.5, batches of 64, 2 epochs."""
    activation, kind = LEARNER_HEADS[key]
    train, val = split(load_dataset("digits", DIGITS.seed), 0.2, DIGITS.seed)
    x, y = torch.tensor(train.x), torch.tensor(train.labels)
    vx, vy = torch.tensor(val.x), torch.tensor(val.labels)
    weights, bias = (t.detach().clone().requires_grad_(True) for t in start)
    optimizer = torch.optim.SGD([weights, bias], lr=0.5)
    loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True, generator=seeded())
    losses, evaluations = [], []
    for _ in range(2):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = learner_loss(kind, activation(F.linear(xb, weights, bias)), yb)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        with torch.no_grad():
            out = activation(F.linear(vx, weights, bias))
            accuracy = (out.argmax(dim=1) == vy).double().mean().item()
            evaluations.append((learner_loss(kind, out, vy).item(), accuracy))
    params = torch.cat([weights.detach().reshape(-1), bias.detach()]).numpy()
    return {"losses": losses, "evaluations": evaluations, "params": params}


@pytest.mark.parametrize("key", HEAD_NAMES)
def test_each_head_is_the_learners_own_loop_bit_for_bit(key):
    stepper = Stepper(head_config(DIGITS, HEADS[key]))
    start = [t.detach().clone() for _, _, t in stepper.model.param_tensors()]
    stepper.run(46)
    learner = learner_loop(key, start)
    assert stepper.trajectory.losses.tolist() == learner["losses"]
    assert np.array_equal(stepper.trajectory.current, learner["params"])
    evaluations = [(e.val_loss, e.val_accuracy) for e in stepper.trajectory.evaluations]
    assert evaluations == learner["evaluations"]


def test_the_tutorial_loop_with_f_nll_loss_gives_the_same_weights(comparison):
    """F.nll_loss sums in another order (its loss may differ in the last bit), but its
    gradients, so the weights and the validation numbers, are the same bits."""
    stepper = Stepper(DIGITS)
    start = [t.detach().clone() for _, _, t in stepper.model.param_tensors()]
    train, val = split(load_dataset("digits", 0), 0.2, 0)
    weights, bias = (t.clone().requires_grad_(True) for t in start)
    optimizer = torch.optim.SGD([weights, bias], lr=0.5)
    data = TensorDataset(torch.tensor(train.x), torch.tensor(train.labels))
    loader = DataLoader(data, batch_size=64, shuffle=True, generator=seeded())
    for _ in range(2):
        for xb, yb in loader:
            optimizer.zero_grad()
            F.nll_loss(F.log_softmax(F.linear(xb, weights, bias), dim=1), yb).backward()
            optimizer.step()
    stepper.run(46)
    assert np.array_equal(
        stepper.trajectory.current, torch.cat([weights.detach().reshape(-1), bias]).detach()
    )
    with torch.no_grad():
        out = F.log_softmax(F.linear(torch.tensor(val.x), weights, bias), dim=1)
        labels = torch.tensor(val.labels)
        accuracy = (out.argmax(dim=1) == labels).double().mean().item()
    assert by_head(comparison)["log_softmax"].val_accuracy == accuracy


def test_softmax_then_cross_entropy_cannot_go_below_its_floor(comparison):
    """log_softmax of probabilities: at best p = one-hot, so −log(e / (e + 9)) for 10 classes."""
    floor = math.log(1 + 9 / math.e)
    results = by_head(comparison)["softmax_cross_entropy"]
    assert all(e.val_loss > floor for e in results.evaluations)
    assert all(e.val_loss < 0 for e in by_head(comparison)["softmax"].evaluations)  # −p


def test_progress_reaches_the_total_and_a_stop_returns_none():
    reports: list[tuple[int, int]] = []
    assert compare_loop_heads(DIGITS, LOOP_HEADS[:2], progress=lambda *r: reports.append(r))
    assert reports == [(46, 92), (92, 92)]
    stopped = compare_loop_heads(DIGITS, progress=lambda *r: None, should_stop=lambda: True)
    assert stopped is None


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (get_preset("mazur"), "no dataset"),
        (get_preset("rosenbrock"), "not a test function"),
        (DIGITS.replace(val_share=0.0), "validation share above 0"),
        (
            DIGITS.replace(
                dataset="sine", layers=(1, 8, 1), activations=("tanh", "identity")
            ).replace(loss="mse"),
            "at least 2 classes",
        ),
    ],
    ids=["mazur", "function", "no-validation", "regression"],
)
def test_a_run_that_is_not_a_classification_is_refused(config, message):
    with pytest.raises(EngineError, match=message):
        compare_loop_heads(config)


def test_more_epochs_than_the_history_holds_is_refused_before_any_work():
    with pytest.raises(EngineError):
        compare_loop_heads(DIGITS.replace(epochs=10_000_000))
