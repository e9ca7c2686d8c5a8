"""Each hidden unit's picture is its activation on the plane, as a plain PyTorch forward written
here computes it, in the decision map's orientation."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.labs.neuron_maps import hidden_activations
from engine.labs.playground import Playground, PlaygroundConfig

PLAIN = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid}


@pytest.mark.parametrize("activation", sorted(PLAIN))
def test_every_hidden_unit_matches_a_plain_forward_on_the_grid(activation: str) -> None:
    playground = Playground(
        PlaygroundConfig(dataset="spiral", hidden=(5, 3), activation=activation, seed=3)
    )
    playground.train_epochs(4)  # trained weights, not only the initial ones
    maps = playground.neuron_maps(res=17)
    assert [m.shape for m in maps.layers] == [(5, 17, 17), (3, 17, 17)]
    assert maps.activation == activation
    x0, x1, y0, y1 = playground.data.bounds()
    assert (maps.x[0], maps.x[-1], maps.y[0], maps.y[-1]) == (x0, x1, y0, y1)

    first, second = playground.model[0], playground.model[2]
    act = PLAIN[activation]
    for r, c in ((0, 0), (3, 11), (16, 16), (9, 2)):
        point = torch.tensor([maps.x[c], maps.y[r]], dtype=torch.float64)
        with torch.no_grad():
            h1 = act(first.weight @ point + first.bias)
            h2 = act(second.weight @ h1 + second.bias)
        np.testing.assert_allclose(maps.layers[0][:, r, c], h1.numpy(), rtol=0, atol=1e-12)
        np.testing.assert_allclose(maps.layers[1][:, r, c], h2.numpy(), rtol=0, atol=1e-12)


def test_the_activations_come_from_one_forward_that_also_gives_the_logits() -> None:
    playground = Playground(PlaygroundConfig(hidden=(4, 4, 2)))
    x = torch.randn(6, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    calls = []
    for module in playground.model:
        module.register_forward_hook(lambda m, i, o: calls.append(m))
    hidden = hidden_activations(playground.model, x)
    assert len(calls) == len(playground.model)  # each module ran once
    assert [h.shape for h in hidden] == [(6, 4), (6, 4), (6, 2)]
    last = playground.model[-1]
    assert torch.equal(last(hidden[-1]), playground.model(x))
