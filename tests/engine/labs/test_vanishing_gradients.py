"""Vanishing gradients: per-layer norms from one backward pass, checked by hand-written backprop."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from engine.labs.vanishing import BATCH, build_chain, compare, gradient_profile


@pytest.mark.parametrize("init", ["default", "xavier", "kaiming"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sigmoid_gradients_vanish_over_20_layers(init: str, seed: int) -> None:
    profile = gradient_profile(20, 32, "sigmoid", init, seed)
    assert profile.norms.shape == (20,)
    assert profile.first_to_last < 1e-8  # at least eight orders of magnitude
    # The fall is steady: every five layers back lose at least a factor of 10.
    assert np.all(profile.norms[:-5] < 0.1 * profile.norms[5:])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_relu_with_kaiming_keeps_gradients_alive(seed: int) -> None:
    profile = gradient_profile(20, 32, "relu", "kaiming", seed)
    assert 0.1 < profile.first_to_last < 10
    assert profile.norms.max() / profile.norms.min() < 10
    assert profile.norms.min() > 1e-2


def test_relu_with_default_init_vanishes_so_the_init_matters() -> None:
    assert gradient_profile(20, 32, "relu", "default", 0).first_to_last < 1e-4


def test_norms_equal_hand_written_backprop() -> None:
    depth, width, seed = 5, 6, 3
    for activation, derivative in (
        ("tanh", lambda out: 1 - out**2),
        ("sigmoid", lambda out: out * (1 - out)),
    ):
        profile = gradient_profile(depth, width, activation, "xavier", seed)
        chain = build_chain(depth, width, activation, "xavier", seed)
        weights = [m.weight.detach().numpy() for m in chain if isinstance(m, nn.Linear)]
        biases = [m.bias.detach().numpy() for m in chain if isinstance(m, nn.Linear)]
        x = torch.randn(
            BATCH, width, dtype=torch.float64, generator=torch.Generator().manual_seed(seed + 1)
        ).numpy()
        act = np.tanh if activation == "tanh" else lambda z: 1 / (1 + np.exp(-z))
        inputs, outs = [], []
        signal = x
        for w, b in zip(weights, biases, strict=True):
            inputs.append(signal)
            signal = act(signal @ w.T + b)
            outs.append(signal)
        delta_out = signal / BATCH  # ∂(½·mean‖out‖²)/∂out
        expected = []
        for layer in reversed(range(depth)):
            delta_net = delta_out * derivative(outs[layer])
            expected.append(np.linalg.norm(delta_net.T @ inputs[layer]))
            delta_out = delta_net @ weights[layer]
        np.testing.assert_allclose(profile.norms, expected[::-1], rtol=1e-12)
        assert profile.loss == pytest.approx(0.5 * np.mean(np.sum(signal**2, axis=1)), rel=1e-14)


def test_compare_runs_the_same_chain_for_each_activation() -> None:
    side_by_side = compare(12, 16, "xavier")
    assert list(side_by_side) == ["sigmoid", "tanh", "relu"]
    for name, profile in side_by_side.items():
        assert np.array_equal(profile.norms, gradient_profile(12, 16, name, "xavier").norms)
    assert side_by_side["sigmoid"].first_to_last < side_by_side["tanh"].first_to_last


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="depth"):
        gradient_profile(31, 8, "tanh")
    with pytest.raises(ValueError, match="init"):
        gradient_profile(3, 8, "tanh", "orthogonal")
