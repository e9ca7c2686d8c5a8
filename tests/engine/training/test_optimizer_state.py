"""The optimizer is built on first use; its per-scalar state is read once per change."""

from __future__ import annotations

import torch

from engine.models.build import build_model
from engine.models.presets import MAZUR
from engine.training.optimizer_state import NO_STATE, ElementStateReader, LazyOptimizer, lookahead

ADAM = MAZUR.replace(optimizer="adam", lr=0.1)


def _one_step(model, optimizer: LazyOptimizer) -> None:
    x, target = model.data(ADAM)
    optimizer.get().zero_grad()
    ((model(x) - target) ** 2).sum().backward()
    optimizer.get().step()


def test_a_never_built_optimizer_is_saved_as_none_and_loads_back_to_none() -> None:
    model = build_model(ADAM)
    optimizer = LazyOptimizer(ADAM, list(model.parameters()))
    assert optimizer.built is None and optimizer.saved() is None
    assert optimizer.get() is optimizer.get() is optimizer.built
    optimizer.load(None)
    assert optimizer.built is None


def test_a_saved_state_is_a_copy_that_loads_back_exactly() -> None:
    model = build_model(ADAM)
    optimizer = LazyOptimizer(ADAM, [p for p in model.parameters() if p.requires_grad])
    _one_step(model, optimizer)
    saved = optimizer.saved()
    assert saved is not None
    exp_avg = saved["state"][0]["exp_avg"].clone()
    _one_step(model, optimizer)
    optimizer.load(saved)
    assert torch.equal(optimizer.get().state_dict()["state"][0]["exp_avg"], exp_avg)
    assert torch.equal(saved["state"][0]["exp_avg"], exp_avg)  # loading left the copy alone


def test_states_are_read_once_per_change() -> None:
    model = build_model(ADAM)
    optimizer = LazyOptimizer(ADAM, [p for p in model.parameters() if p.requires_grad])
    reader = ElementStateReader(model, ADAM, optimizer)
    fresh = reader.read()
    assert set(fresh) == {f"w{k}" for k in range(1, 9)} and fresh["w1"] is NO_STATE
    assert optimizer.built is None  # reading did not build it
    _one_step(model, optimizer)
    stepped = reader.read()
    assert stepped["w5"]["exp_avg"] != 0.0 and reader.read() is stepped
    _one_step(model, optimizer)
    assert reader.read() is not stepped


def test_lookahead_is_named_only_when_configured() -> None:
    assert lookahead(MAZUR) is None
    assert lookahead(MAZUR.replace(lookahead_k=5, lookahead_alpha=0.5)) == (5, 0.5)
