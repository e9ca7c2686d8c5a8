"""Clipping calls the real torch functions; its report matches computations written here."""

from __future__ import annotations

import math

import pytest
import torch

from engine.core.errors import EngineError
from engine.models.clip_limits import check_clip_limits
from engine.training.clipping import Clipped, clip_code, clip_gradients, total_norm

RAW = ([0.3, -1.2, 0.05], [2.0, -0.4])  # two tensors' gradients: total norm ≈ 2.4


def _parameters(dtype: torch.dtype = torch.float64, raw=RAW) -> list[torch.Tensor]:
    parameters = []
    for grads in raw:
        p = torch.zeros(len(grads), dtype=dtype, requires_grad=True)
        p.grad = torch.tensor(grads, dtype=dtype)
        parameters.append(p)
    return parameters


def _flat(parameters: list[torch.Tensor]) -> list[float]:
    return [float(g) for p in parameters for g in p.grad]


def _norm(values: list[float]) -> float:
    return math.sqrt(sum(v * v for v in values))


RAW_FLAT = [g for grads in RAW for g in grads]


@pytest.mark.parametrize("max_norm", [0.5, 1.0, 2.0])
def test_norm_clipping_scales_every_gradient_by_torchs_factor(max_norm: float) -> None:
    parameters = _parameters()
    clipped = clip_gradients(parameters, max_norm=max_norm)
    assert isinstance(clipped, Clipped) and clipped.kind == "norm" and clipped.limit == max_norm
    norm = _norm(RAW_FLAT)
    assert clipped.norm_before == pytest.approx(norm, rel=1e-15)
    # the factor exactly as clip_grad_norm_ documents it, in plain floats
    assert clipped.scale == min(1.0, max_norm / (clipped.norm_before + 1e-6))
    assert clipped.scale < 1
    assert _flat(parameters) == [g * clipped.scale for g in RAW_FLAT]  # bit for bit
    assert clipped.norm_after == pytest.approx(norm * clipped.scale, rel=1e-14)
    assert clipped.norm_after == pytest.approx(max_norm, rel=1e-6)


def test_a_norm_under_the_limit_leaves_the_gradients_alone() -> None:
    parameters = _parameters()
    clipped = clip_gradients(parameters, max_norm=10.0)
    assert clipped is not None and clipped.scale == 1.0
    assert _flat(parameters) == RAW_FLAT
    assert clipped.norm_after == clipped.norm_before


def test_float32_gradients_are_scaled_by_the_float32_factor() -> None:
    parameters = _parameters(torch.float32)
    raw = [p.grad.clone() for p in parameters]
    clipped = clip_gradients(parameters, max_norm=1.0)
    assert clipped is not None
    assert clipped.scale == pytest.approx(1.0 / (_norm(RAW_FLAT) + 1e-6), rel=1e-6)
    factor = torch.tensor(clipped.scale, dtype=torch.float32)
    for p, g in zip(parameters, raw, strict=True):
        assert torch.equal(p.grad, g * factor)


@pytest.mark.parametrize("limit", [0.1, 0.5, 3.0])
def test_value_clipping_clamps_each_gradient(limit: float) -> None:
    parameters = _parameters()
    clipped = clip_gradients(parameters, max_value=limit)
    assert clipped is not None and clipped.kind == "value" and clipped.scale == 1.0
    expected = [min(max(g, -limit), limit) for g in RAW_FLAT]
    assert _flat(parameters) == expected
    assert clipped.norm_before == pytest.approx(_norm(RAW_FLAT), rel=1e-15)
    assert clipped.norm_after == pytest.approx(_norm(expected), rel=1e-15)


def test_parameters_without_a_gradient_are_left_out() -> None:
    parameters = _parameters()
    frozen = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    clipped = clip_gradients([*parameters, frozen], max_norm=1.0)
    assert clipped is not None and frozen.grad is None
    assert clipped.norm_before == pytest.approx(_norm(RAW_FLAT), rel=1e-15)
    assert total_norm([frozen]) == 0.0


def test_no_limit_is_no_clip() -> None:
    parameters = _parameters()
    assert clip_gradients(parameters) is None
    assert _flat(parameters) == RAW_FLAT


@pytest.mark.parametrize(
    ("max_norm", "max_value", "words"),
    [
        (1.0, 0.5, "clip by norm or by value, not both"),
        (-1.0, 0.0, "clip-norm takes a finite number of 0 (off) or more, got -1.0"),
        (0.0, math.nan, "clip-value takes a finite number"),
        (math.inf, 0.0, "clip-norm takes a finite number"),
        ("1", 0.0, "clip-norm takes a finite number"),
    ],
)
def test_bad_limits_are_refused_before_anything_is_clipped(max_norm, max_value, words) -> None:
    parameters = _parameters()
    with pytest.raises(EngineError) as caught:
        clip_gradients(parameters, max_norm=max_norm, max_value=max_value)
    assert words in str(caught.value)
    assert _flat(parameters) == RAW_FLAT
    with pytest.raises(EngineError):
        check_clip_limits(max_norm, max_value)


def test_the_code_line_is_the_one_a_learner_writes_and_does_the_same() -> None:
    assert clip_code(0.0, 0.0) == ""
    norm_line = clip_code(1.5, 0.0)
    assert norm_line == "torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.5)"
    value_line = clip_code(0.0, 0.25)
    assert value_line == "torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.25)"
    for line, limits in ((norm_line, {"max_norm": 1.5}), (value_line, {"max_value": 0.25})):
        ours, theirs = _parameters(), _parameters()
        clip_gradients(ours, **limits)
        model = torch.nn.Module()
        for index, p in enumerate(theirs):
            model.register_parameter(f"p{index}", torch.nn.Parameter(p.detach()))
            model.get_parameter(f"p{index}").grad = p.grad
        exec(line, {"torch": torch, "model": model})  # noqa: S102
        assert _flat(ours) == [float(g) for p in model.parameters() for g in p.grad]
