"""Each optimizer is the real torch.optim class: same numbers as driving it by hand."""

import pytest
import torch
from torch import nn

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

CASES = [
    ("sgd", {"lr": 0.5}, {}),
    ("sgd", {"lr": 0.5, "momentum": 0.9}, {"momentum": 0.9}),
    ("sgd", {"lr": 0.5, "momentum": 0.9, "nesterov": True}, {"momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": 0.5, "weight_decay": 0.01}, {"weight_decay": 0.01}),
    ("adagrad", {"lr": 0.3}, {}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.5}, {"momentum": 0.5}),
    ("adam", {"lr": 0.05, "betas": (0.8, 0.99)}, {"betas": (0.8, 0.99)}),
    ("adamw", {"lr": 0.05, "weight_decay": 0.1}, {"weight_decay": 0.1}),
]
TORCH_CLASSES = {
    "sgd": torch.optim.SGD,
    "adagrad": torch.optim.Adagrad,
    "rmsprop": torch.optim.RMSprop,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
}


def by_hand(name: str, kwargs: dict, steps: int, lookahead: tuple[int, float] | None = None):
    """The loop a learner writes: nn.Sequential, torch.optim, zero_grad/backward/step."""
    torch_model = nn.Sequential(
        nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 2), nn.Sigmoid()
    ).double()
    values = dict(MAZUR.initial_params)
    with torch.no_grad():
        torch_model[0].weight.copy_(
            torch.tensor(
                [[values["w1"], values["w2"]], [values["w3"], values["w4"]]], dtype=torch.float64
            )
        )
        torch_model[2].weight.copy_(
            torch.tensor(
                [[values["w5"], values["w6"]], [values["w7"], values["w8"]]], dtype=torch.float64
            )
        )
        torch_model[0].bias.fill_(0.35)
        torch_model[2].bias.fill_(0.60)
    params = list(torch_model.parameters())
    optimizer = TORCH_CLASSES[name](params, **kwargs)
    slow = [p.detach().clone() for p in params]
    x = torch.tensor([[0.05, 0.10]], dtype=torch.float64)
    target = torch.tensor([[0.01, 0.99]], dtype=torch.float64)
    for step in range(1, steps + 1):
        optimizer.zero_grad()
        loss = 0.5 * ((target - torch_model(x)) ** 2).sum()
        loss.backward()
        optimizer.step()
        if lookahead and step % lookahead[0] == 0:
            with torch.no_grad():
                for p, s in zip(params, slow, strict=True):
                    s += lookahead[1] * (p - s)
                    p.copy_(s)
    return torch.cat([p.detach().reshape(-1) for p in params])


def engine_values(stepper: Stepper) -> torch.Tensor:
    return torch.cat(
        [t.detach().reshape(-1) for lin in stepper.model.linears for t in (lin.weight, lin.bias)]
    )


@pytest.mark.parametrize(("name", "kwargs", "overrides"), CASES)
def test_optimizer_equals_torch_optim_by_hand_for_50_steps(name, kwargs, overrides):
    config = MAZUR.replace(optimizer=name, lr=kwargs["lr"], train_biases=True, **overrides)
    stepper = Stepper(config)
    stepper.run(50)
    torch.testing.assert_close(
        engine_values(stepper), by_hand(name, kwargs, 50), rtol=0, atol=1e-15
    )


def test_lookahead_wraps_the_inner_optimizer():
    config = MAZUR.replace(
        optimizer="adam", lr=0.05, train_biases=True, lookahead_k=5, lookahead_alpha=0.5
    )
    stepper = Stepper(config)
    stepper.run(50)
    expected = by_hand("adam", {"lr": 0.05}, 50, lookahead=(5, 0.5))
    torch.testing.assert_close(engine_values(stepper), expected, rtol=0, atol=1e-15)
    plain = Stepper(config.replace(lookahead_k=0))
    plain.run(50)
    assert not torch.equal(engine_values(plain), engine_values(stepper))


def test_adam_step_explains_m_v_and_bias_correction():
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.05))
    while (snap := stepper.step_phase()).phase != "step":
        pass
    state = snap.optimizer_state["w1"]
    assert state["step"] == 1.0 and "exp_avg" in state and "exp_avg_sq" in state
    assert "m̂" in snap.formula and "v̂" in snap.formula
    m_hat, v_hat = state["exp_avg"] / (1 - 0.9), state["exp_avg_sq"] / (1 - 0.999)
    expected = snap.previous_params["w1"] - 0.05 * m_hat / (v_hat**0.5 + 1e-8)
    assert snap.params["w1"] == pytest.approx(expected, abs=1e-15)
    # on the first step Adam moves every weight by about lr: m̂/√v̂ = ±1
    assert abs(snap.params["w1"] - snap.previous_params["w1"]) == pytest.approx(0.05, rel=1e-4)
