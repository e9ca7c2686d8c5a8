"""Every update the window shows adds up: its tree evaluates to the tensor's value after step()."""

from __future__ import annotations

import math

import pytest
from formula_checks import check_formulas, walk

from engine.core.formula import Num, Op
from engine.models.config import Config
from engine.models.presets import MAZUR, get_preset

OPTIMIZERS = {
    "sgd": dict(optimizer="sgd", lr=0.5),
    "momentum": dict(optimizer="sgd", lr=0.5, momentum=0.9),
    "nesterov": dict(optimizer="sgd", lr=0.5, momentum=0.9, nesterov=True),
    "sgd-decay": dict(optimizer="sgd", lr=0.5, weight_decay=0.1),
    "momentum-decay": dict(optimizer="sgd", lr=0.5, momentum=0.8, weight_decay=0.05),
    "adagrad": dict(optimizer="adagrad", lr=0.3),
    "adagrad-decay-eps": dict(optimizer="adagrad", lr=0.3, weight_decay=0.1, eps=1e-3),
    "rmsprop": dict(optimizer="rmsprop", lr=0.01),
    "rmsprop-momentum": dict(optimizer="rmsprop", lr=0.01, momentum=0.5),
    "rmsprop-decay-eps": dict(optimizer="rmsprop", lr=0.01, weight_decay=0.1, eps=1e-3),
    "adam": dict(optimizer="adam", lr=0.05, betas=(0.8, 0.99)),
    "adam-decay-eps": dict(optimizer="adam", lr=0.05, weight_decay=0.1, eps=1e-3),
    "adamw": dict(optimizer="adamw", lr=0.05, weight_decay=0.1),
}
VARIANTS = {
    "plain": {},
    "lookahead": dict(lookahead_k=2, lookahead_alpha=0.5),
    "biases-skip-zero-grad": dict(train_biases=True, skip_zero_grad=True),
    "float32": dict(dtype="float32"),
}


def _walk(config: Config, iterations: int = 3):
    """Every step micro-step of `iterations` iterations."""
    return (snap for snap in walk(config, iterations) if snap.phase == "step")


def _check_updates(config: Config) -> int:
    checked = 0
    for snap in _walk(config):
        assert snap.formulas, f"no formula for the update of {snap.focus}"
        update = snap.formulas[-1]
        assert update.label == snap.focus
        assert update.result == snap.params[snap.focus]  # the tensor's value after step()
        check_formulas(snap, config.dtype)
        assert snap.formula == "\n".join(f.text() for f in snap.formulas)
        checked += 1
    return checked


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_update_of_an_mlp_adds_up(optimizer: str, variant: str) -> None:
    config = MAZUR.replace(layers=(2, 3, 3, 2), activations=("sigmoid", "tanh", "sigmoid"))
    config = config.replace(**OPTIMIZERS[optimizer], **VARIANTS[variant])
    assert _check_updates(config) > 0


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_update_of_a_test_function_adds_up(optimizer: str) -> None:
    settings = {**OPTIMIZERS[optimizer], "lr": min(OPTIMIZERS[optimizer]["lr"], 0.001)}
    config = get_preset("rosenbrock").replace(**settings, lookahead_k=2)
    assert _check_updates(config) == 6  # x and y, three iterations


def test_plain_sgd_reads_as_in_mazurs_post() -> None:
    first = next(_walk(MAZUR))
    assert first.formula == "w1 ← w1 − lr·∂E/∂w1 = 0.15 − 0.5 × 0.000438568 = 0.149780716"


def test_adamw_shows_its_decoupled_decay() -> None:
    """The decay factor was missing: 0.15 − 0.04999886 is not 0.09925114."""
    snap = next(_walk(MAZUR.replace(optimizer="adamw", lr=0.05, weight_decay=0.1)))
    assert "w1 ← w1·(1 − lr·λ) = 0.15 × (1 − 0.05 × 0.1) = 0.14925" in snap.formula
    assert "m̂" in snap.formula and "v̂" in snap.formula


def test_rmsprop_with_momentum_shows_its_buffer_and_eps() -> None:
    config = MAZUR.replace(optimizer="rmsprop", lr=0.01, momentum=0.5, eps=1e-3)
    snaps = list(_walk(config, iterations=2))
    second = snaps[len(snaps) // 2]
    assert "buf ← μ·buf + g/(√v + ε)" in second.formula.replace("∂E/∂" + second.focus, "g")
    assert "ε" in second.formula and "0.001" in second.formula


def test_lookahead_sync_shows_the_pull_toward_the_fast_weight() -> None:
    config = MAZUR.replace(lookahead_k=2, lookahead_alpha=0.5)
    snaps = list(_walk(config, iterations=2))
    synced = snaps[-1]
    assert "fast ← w8 − lr·∂E/∂w8" in synced.formula
    assert "w8 ← slow + α_LA·(fast − slow)" in synced.formula
    before_sync = snaps[0]
    assert "slow" not in before_sync.formula


def test_a_formula_that_drifts_from_the_real_step_is_caught() -> None:
    """The check above is not vacuous: a tree one term short fails it."""
    snap = next(_walk(MAZUR.replace(optimizer="adamw", lr=0.05, weight_decay=0.1)))
    update = snap.formulas[-1]
    assert isinstance(update.expression, Op)
    drifted = Op("-", Num(0.15, "w1"), update.expression.right)  # the decayed w1 left out
    assert not math.isclose(drifted.value(), update.result, rel_tol=1e-12)
