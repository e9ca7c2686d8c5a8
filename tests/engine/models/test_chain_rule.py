"""The hand-derived chain rule agrees with autograd, for Mazur and for random nets."""

import numpy as np
import pytest
import torch

from engine.models.chain_rule import ChainRule
from engine.models.config import Config
from engine.models.losses import get_loss
from engine.models.mlp import MLP
from engine.models.presets import MAZUR


def autograd_grads(model: MLP, config: Config) -> np.ndarray:
    x, target = model.as_tensor(config.inputs), model.as_tensor(config.targets)
    params = [t for lin in model.linears for t in (lin.weight, lin.bias)]
    for p in params:
        p.requires_grad_(True)
    loss = get_loss(config.loss).value(model(x), target)
    grads = torch.autograd.grad(loss, params)
    return np.concatenate([g.reshape(-1).numpy() for g in grads])


def chain_grads(model: MLP, config: Config) -> np.ndarray:
    x, target = model.as_tensor(config.inputs), model.as_tensor(config.targets)
    return ChainRule(model, x, target, get_loss(config.loss)).grads


def test_mazur_matches_autograd_to_1e12():
    model = MLP(MAZUR)
    np.testing.assert_allclose(chain_grads(model, MAZUR), autograd_grads(model, MAZUR), atol=1e-12)


RANDOM_NETS = [
    ((3, 4, 2), ("tanh", "sigmoid"), "half_sse", 1),
    ((2, 5, 5, 3), ("relu", "elu", "identity"), "mse", 3),
    ((4, 3, 3), ("gelu", "softmax"), "half_sse", 2),
    ((2, 6, 4), ("silu", "identity"), "cross_entropy", 4),
    ((3, 3, 3), ("softplus", "log_softmax"), "nll", 2),
    ((2, 4, 4, 4, 1), ("leaky_relu:0.1", "tanh", "sigmoid", "sigmoid"), "mse", 5),
]


@pytest.mark.parametrize(("layers", "acts", "loss", "batch"), RANDOM_NETS)
def test_random_nets_match_autograd_to_1e12(layers, acts, loss, batch):
    rng = np.random.default_rng(sum(layers) + batch)
    targets = rng.uniform(0, 1, (batch, layers[-1]))
    if loss in ("cross_entropy", "nll"):
        targets = targets / targets.sum(axis=1, keepdims=True)
    config = Config(
        preset="custom",
        layers=layers,
        activations=acts,
        loss=loss,
        seed=int(rng.integers(1000)),
        train_biases=True,
        inputs=tuple(map(tuple, rng.normal(size=(batch, layers[0])))),
        targets=tuple(map(tuple, targets)),
        initial_params=(),
    )
    model = MLP(config)
    np.testing.assert_allclose(
        chain_grads(model, config), autograd_grads(model, config), atol=1e-12
    )


def test_autograd_grad_and_backward_agree():
    model = MLP(MAZUR)
    x, target = model.as_tensor(MAZUR.inputs), model.as_tensor(MAZUR.targets)
    params = list(model.parameters())
    for p in params:
        p.requires_grad_(True)
    loss_fn = get_loss("half_sse")
    by_grad = torch.autograd.grad(loss_fn.value(model(x), target), params)
    loss_fn.value(model(x), target).backward()
    for g, p in zip(by_grad, params, strict=True):
        assert torch.equal(g, p.grad)


def test_factors_multiply_to_the_gradient():
    model = MLP(MAZUR)
    chain = ChainRule(
        model, model.as_tensor(MAZUR.inputs), model.as_tensor(MAZUR.targets), get_loss("half_sse")
    )
    for info in model.params:
        e = chain.explain(info.label)
        assert np.prod([f.value for f in e.factors]) == pytest.approx(e.value, rel=1e-12)
    hidden = chain.explain("w1")
    assert sum(f.value for f in hidden.upstream) == pytest.approx(hidden.factors[0].value)
    assert len(hidden.upstream) == 2  # both paths, through o1 and o2


def mazur_chain() -> ChainRule:
    model = MLP(MAZUR)
    x, target = model.as_tensor(MAZUR.inputs), model.as_tensor(MAZUR.targets)
    return ChainRule(model, x, target, get_loss("half_sse"))


def test_explanations_do_not_depend_on_the_order_they_are_asked_in():
    # A neuron's factors are formatted once and shared by its parameters' explanations.
    labels = ["w1", "h1", "w5", "o1", "b_h1", "w8", "h2", "o2"]
    ask = {"h1", "h2", "o1", "o2"}

    def explain_all(order: list[str]) -> dict[str, object]:
        chain = mazur_chain()
        return {
            label: chain.explain_neuron(label) if label in ask else chain.explain(label)
            for label in order
        }

    forwards, backwards = explain_all(labels), explain_all(labels[::-1])
    assert all(forwards[label] == backwards[label] for label in labels)
    assert forwards["w1"].upstream == forwards["h1"].upstream
    assert forwards["w1"].upstream_formula.startswith("∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = ")
