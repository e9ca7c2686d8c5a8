"""Every update the window shows adds up: its tree evaluates to the tensor's value after step()."""

from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace

import pytest
import torch
from formula_checks import check_formulas, walk

from engine.core.formula import Num, Op, fmt, par
from engine.models.config import Config
from engine.models.presets import MAZUR, get_preset
from engine.models.schedule_spec import parse_scheduler
from engine.training.clipping import clip_gradients
from engine.training.schedules import build_scheduler
from engine.training.update_formula import UpdateInputs, update_formulas

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


# -- real torch.optim on a tiny tensor: clipping, schedules and weight decay -------------------
X, TARGET = torch.tensor([0.5, -1.5, 2.0], dtype=torch.float64), 3.0
REAL = {  # (torch class, its keywords)
    "sgd": (torch.optim.SGD, dict(lr=0.1)),
    "sgd-momentum": (torch.optim.SGD, dict(lr=0.1, momentum=0.9)),
    "sgd-nesterov": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, nesterov=True)),
    "sgd-momentum-decay": (torch.optim.SGD, dict(lr=0.1, momentum=0.8, weight_decay=0.1)),
    "sgd-dampening": (torch.optim.SGD, dict(lr=0.1, momentum=0.8, dampening=0.3)),
    "adagrad": (torch.optim.Adagrad, dict(lr=0.3)),
    "adagrad-decay": (torch.optim.Adagrad, dict(lr=0.3, lr_decay=0.1, weight_decay=0.1)),
    "rmsprop": (torch.optim.RMSprop, dict(lr=0.01)),
    "rmsprop-momentum-centered": (torch.optim.RMSprop, dict(lr=0.01, momentum=0.5, centered=True)),
    "adam": (torch.optim.Adam, dict(lr=0.05, betas=(0.8, 0.99))),
    "adam-decay": (torch.optim.Adam, dict(lr=0.05, weight_decay=0.1)),
    "adamw": (torch.optim.AdamW, dict(lr=0.05, weight_decay=0.1)),
}
CLIPS = {"off": {}, "norm": dict(max_norm=0.5), "value": dict(max_value=0.3)}


def _scalar_states(optimizer: torch.optim.Optimizer, weight: torch.Tensor) -> list[dict]:
    """Each scalar's state, as the engine reads it: 0-d entries shared, others by index."""
    state = optimizer.state.get(weight, {})
    return [
        {name: float(v if v.ndim == 0 else v.reshape(-1)[i]) for name, v in state.items()}
        for i in range(weight.numel())
    ]


def _real_updates(optimizer_name: str, clip: dict, steps: int = 3, schedule=None, dtype=None):
    """Steps a real optimizer as the learner's loop does (backward, clip, step, scheduler) and
    yields each scalar's UpdateInputs with the real numbers."""
    cls, settings = REAL[optimizer_name]
    dtype = dtype or torch.float64
    weight = torch.tensor([0.15, -0.4, 0.9], dtype=dtype, requires_grad=True)
    optimizer = cls([weight], foreach=False, **settings)
    scheduler = schedule(optimizer) if schedule else None
    name = optimizer_name.split("-")[0]
    for _ in range(steps):
        optimizer.zero_grad()
        ((weight * X.to(dtype)).sum() - TARGET).pow(2).backward()
        raw = weight.grad.clone()
        clipped = clip_gradients([weight], **clip)
        before, old = _scalar_states(optimizer, weight), weight.detach().clone()
        optimizer.step()
        group = {k: v for k, v in optimizer.param_groups[0].items() if k != "params"}
        after = _scalar_states(optimizer, weight)
        for i in range(weight.numel()):
            yield UpdateInputs(
                optimizer=name,
                group=group,
                label=f"w{i}",
                old=float(old[i]),
                grad=float(weight.grad[i]),
                new=float(weight.detach()[i]),
                before=before[i],
                after=after[i],
                clip=clipped,
                raw_grad=float(raw[i]) if clipped else None,
            )
        if scheduler:
            scheduler.step()


@pytest.mark.parametrize("clip", CLIPS)
@pytest.mark.parametrize("optimizer", REAL)
def test_the_update_equals_the_real_optimizers_with_clipping(optimizer: str, clip: str) -> None:
    bit = 0
    for inputs in _real_updates(optimizer, CLIPS[clip]):
        formulas = update_formulas(inputs)
        check_formulas(SimpleNamespace(formulas=formulas), "float64")
        assert formulas[-1].label == inputs.label and formulas[-1].result == inputs.new
        text = "\n".join(f.text() for f in formulas)
        if clip == "norm":
            norm = fmt(inputs.clip.norm_before)
            assert f"s = min(1, max_norm/(‖g‖ + 1e-6)) = min(1, 0.5 / ({norm} + " in text
            assert f"g = ∂E/∂{inputs.label}·s = " in text
            bit += inputs.clip.scale < 1
        elif clip == "value":
            assert f"g = clamp(∂E/∂{inputs.label}, −c, c) = clamp(" in text and "−0.3, 0.3)" in text
            bit += inputs.grad != inputs.raw_grad
        else:
            assert "clamp" not in text and "max_norm" not in text
    assert clip == "off" or bit  # some gradient was clipped


@pytest.mark.parametrize("clip", ["norm", "value"])
@pytest.mark.parametrize("optimizer", ["sgd-momentum-decay", "adam", "adamw", "rmsprop"])
def test_float32_clipped_updates_add_up(optimizer: str, clip: str) -> None:
    for inputs in _real_updates(optimizer, CLIPS[clip], dtype=torch.float32):
        check_formulas(SimpleNamespace(formulas=update_formulas(inputs)), "float32")


def test_the_clipped_gradient_is_shown_with_its_numbers() -> None:
    inputs = next(_real_updates("sgd", CLIPS["norm"], steps=1))
    assert inputs.clip is not None
    lines = [f.text() for f in update_formulas(inputs)]
    norm, scale = inputs.clip.norm_before, inputs.clip.scale
    assert lines[0] == (
        f"s = min(1, max_norm/(‖g‖ + 1e-6)) = min(1, 0.5 / ({fmt(norm)} + 1.000000e-06)) "
        f"= {fmt(scale)}"
    )
    assert scale == min(1.0, 0.5 / (math.sqrt(sum(g * g for g in _raw_grads())) + 1e-6))
    assert lines[1] == f"g = ∂E/∂w0·s = {par(inputs.raw_grad)} × {fmt(scale)} = {fmt(inputs.grad)}"
    assert lines[2].startswith("w0 ← w0 − lr·g = 0.15 − 0.1 × ")


def _raw_grads() -> list[float]:
    """∂E/∂w of E = (w·x − target)² by hand: 2·(w·x − target)·x."""
    error = 0.15 * 0.5 + (-0.4) * (-1.5) + 0.9 * 2.0 - TARGET
    return [2 * error * float(x) for x in X]


def test_clipping_without_the_raw_gradient_is_a_programming_error() -> None:
    inputs = next(_real_updates("sgd", CLIPS["value"], steps=1))
    with pytest.raises(ValueError, match="raw_grad"):
        update_formulas(replace(inputs, raw_grad=None))


def test_the_lr_shown_is_the_scheduled_one_after_a_decay() -> None:
    """StepLR halves the lr every step: the third step's formula shows lr = 0.025."""
    schedule = parse_scheduler("StepLR:step_size=1,gamma=0.5")
    assert schedule is not None
    updates = list(_real_updates("sgd", {}, schedule=lambda o: build_scheduler(schedule, o, 3)))
    third = updates[-1]
    assert third.group["lr"] == 0.025
    update = update_formulas(third)[-1]
    assert update.text().startswith("w2 ← w2 − lr·∂E/∂w2 = ")
    assert " − 0.025 × " in update.text()
    check_formulas(SimpleNamespace(formulas=[update]), "float64")
    assert update.expression.value() == pytest.approx(third.old - 0.025 * third.grad, rel=1e-15)


def test_weight_decay_is_its_own_term_coupled_or_decoupled() -> None:
    coupled = next(_real_updates("sgd-momentum-decay", {}, steps=1))
    assert update_formulas(coupled)[0].text().startswith("g = ∂E/∂w0 + λ·w0 = ")
    clipped = next(_real_updates("sgd-momentum-decay", CLIPS["norm"], steps=1))
    texts = [f.text() for f in update_formulas(clipped)]
    assert texts[1].startswith("g = ∂E/∂w0·s = ") and texts[2].startswith("g ← g + λ·w0 = ")
    decoupled = next(_real_updates("adamw", CLIPS["value"], steps=1))
    texts = [f.text() for f in update_formulas(decoupled)]
    assert texts[0] == "w0 ← w0·(1 − lr·λ) = 0.15 × (1 − 0.05 × 0.1) = 0.14925"
    assert not any("λ" in text for text in texts[1:])
