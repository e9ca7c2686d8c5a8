"""Any layer sizes get data of their shape: kept where it fits, a seeded draw elsewhere."""

from __future__ import annotations

import torch

from engine.models.fitted_data import TARGET_RANGE, fitted_data
from engine.models.presets import MAZUR, XOR
from engine.training.stepper import Stepper

WIDE = (4, 16, 16, 3)


def wide_mazur():
    return MAZUR.replace(layers=WIDE, activations=("sigmoid",) * 3)


def test_a_4_16_16_3_network_is_accepted_with_data_of_its_shape():
    config = wide_mazur()
    assert len(config.inputs) == 1 and len(config.inputs[0]) == 4
    assert len(config.targets[0]) == 3
    assert config.inputs[0][:2] == (0.05, 0.10) and config.targets[0][:2] == (0.01, 0.99)
    low, high = TARGET_RANGE
    assert low <= config.targets[0][2] <= high
    assert wide_mazur() == config  # the draw is the same every time


def test_the_draw_follows_the_seed_and_shrinking_keeps_the_first_columns():
    one = fitted_data(((0.5,),), ((0.1,),), (3, 2), seed=1)
    two = fitted_data(((0.5,),), ((0.1,),), (3, 2), seed=2)
    assert one != two and one[0][0][0] == 0.5 and two[1][0][0] == 0.1
    assert fitted_data(((1.0, 2.0, 3.0),), ((4.0, 5.0),), (1, 1), 0) == (((1.0,),), ((4.0,),))


def test_every_sample_is_kept():
    config = XOR.replace(layers=(3, 3, 2), activations=("tanh", "sigmoid"))
    assert len(config.inputs) == len(XOR.inputs) == len(config.targets)
    assert [row[:2] for row in config.inputs] == list(XOR.inputs)


def test_the_wide_network_trains_and_its_first_loss_is_plain_pytorchs():
    config = wide_mazur()
    stepper = Stepper(config)
    weights = [
        (lin.weight.detach().clone(), lin.bias.detach().clone()) for lin in stepper.model.linears
    ]
    result = stepper.run(3)
    assert result.completed == 3
    # The same network by hand: three sigmoid layers and E = Σ ½(target − out)².
    out = torch.tensor(config.inputs, dtype=torch.float64)
    for weight, bias in weights:
        out = torch.sigmoid(out @ weight.T + bias)
    target = torch.tensor(config.targets, dtype=torch.float64)
    expected = float((0.5 * (target - out) ** 2).sum())
    assert stepper.trajectory.losses[0] == expected
    assert stepper.trajectory.losses[2] < stepper.trajectory.losses[0]
