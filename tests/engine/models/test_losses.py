"""Losses: values against torch and the written formulas, closed-form ∂E/∂out against autograd."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from torch import Tensor

from engine.models.losses import LOSS_NAMES, UnknownLossError, get_loss


def _generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def sample(name: str, shape: tuple[int, ...], seed: int = 0) -> tuple[Tensor, Tensor]:
    """An (out, target) pair of the kind the loss expects, in float64."""
    out = torch.randn(shape, dtype=torch.float64, generator=_generator(seed))
    target = torch.rand(shape, dtype=torch.float64, generator=_generator(seed + 1))
    if name in ("cross_entropy", "nll"):
        target = target / target.sum(dim=-1, keepdim=True)  # probabilities
    if name == "nll":
        out = torch.log_softmax(out, dim=-1)  # nll reads log-probabilities
    return out, target


def one_hot(classes: Tensor, n: int) -> Tensor:
    return F.one_hot(classes, n).to(torch.float64)


def test_loss_names() -> None:
    assert LOSS_NAMES == ("half_sse", "mse", "cross_entropy", "nll")
    for name in LOSS_NAMES:
        assert get_loss(name).name == name


@pytest.mark.parametrize("shape", [(3,), (4, 3)])
def test_half_sse_sums_half_squared_errors(shape: tuple[int, ...]) -> None:
    out, target = sample("half_sse", shape)
    expected = sum(0.5 * (t - o) ** 2 for o, t in zip(out.flatten(), target.flatten(), strict=True))
    torch.testing.assert_close(get_loss("half_sse").value(out, target), expected)


def test_half_sse_reproduces_mazur() -> None:
    out = torch.tensor([0.75136507, 0.772928465], dtype=torch.float64)
    target = torch.tensor([0.01, 0.99], dtype=torch.float64)
    assert get_loss("half_sse").value(out, target).item() == pytest.approx(0.298371109, abs=1e-8)


@pytest.mark.parametrize("shape", [(3,), (4, 3)])
def test_mse_is_f_mse_loss(shape: tuple[int, ...]) -> None:
    out, target = sample("mse", shape)
    value = get_loss("mse").value(out, target)
    torch.testing.assert_close(value, F.mse_loss(out, target))
    torch.testing.assert_close(value, ((target - out) ** 2).sum() / out.numel())


@pytest.mark.parametrize("shape", [(3,), (4, 3)])
def test_cross_entropy_matches_torch_with_probability_targets(shape: tuple[int, ...]) -> None:
    out, target = sample("cross_entropy", shape)
    value = get_loss("cross_entropy").value(out, target)
    torch.testing.assert_close(value, F.cross_entropy(out, target))
    batch = out.shape[0] if out.dim() == 2 else 1
    by_formula = -(target * torch.log_softmax(out, dim=-1)).sum() / batch
    torch.testing.assert_close(value, by_formula)


def test_cross_entropy_with_one_hot_targets_matches_class_indices() -> None:
    out, _ = sample("cross_entropy", (5, 4))
    classes = torch.tensor([0, 3, 1, 1, 2])
    value = get_loss("cross_entropy").value(out, one_hot(classes, 4))
    torch.testing.assert_close(value, F.cross_entropy(out, classes))


def test_nll_with_one_hot_targets_matches_f_nll_loss() -> None:
    out, _ = sample("nll", (5, 4))
    classes = torch.tensor([2, 0, 3, 3, 1])
    value = get_loss("nll").value(out, one_hot(classes, 4))
    torch.testing.assert_close(value, F.nll_loss(out, classes))
    single = get_loss("nll").value(out[1], one_hot(classes[1], 4))
    torch.testing.assert_close(single, F.nll_loss(out[1], classes[1]))


def test_nll_of_log_softmax_is_cross_entropy() -> None:
    logits, target = sample("cross_entropy", (3, 4), seed=5)
    nll = get_loss("nll").value(torch.log_softmax(logits, dim=-1), target)
    torch.testing.assert_close(nll, get_loss("cross_entropy").value(logits, target))


@pytest.mark.parametrize("shape", [(3,), (4, 3), (1, 2)])
@pytest.mark.parametrize("name", LOSS_NAMES)
def test_grad_output_matches_autograd(name: str, shape: tuple[int, ...]) -> None:
    loss = get_loss(name)
    out, target = sample(name, shape, seed=7)
    leaf = out.clone().requires_grad_(True)
    value = loss.value(leaf, target)
    assert value.dim() == 0
    (expected,) = torch.autograd.grad(value, leaf)
    with torch.no_grad():
        closed = loss.grad_output(out, target)
    assert closed.shape == out.shape
    assert not closed.requires_grad
    torch.testing.assert_close(closed, expected, rtol=0, atol=1e-12)


def test_cross_entropy_gradient_handles_targets_that_do_not_sum_to_one() -> None:
    out = torch.tensor([[0.2, -1.0, 0.5], [1.5, 0.0, -0.3]], dtype=torch.float64)
    target = torch.tensor([[0.0, 2.0, 0.0], [0.5, 0.0, 0.0]], dtype=torch.float64)
    leaf = out.clone().requires_grad_(True)
    (expected,) = torch.autograd.grad(get_loss("cross_entropy").value(leaf, target), leaf)
    torch.testing.assert_close(get_loss("cross_entropy").grad_output(out, target), expected)


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_torch_code_computes_the_value(name: str) -> None:
    loss = get_loss(name)
    out, target = sample(name, (4, 3), seed=3)
    classes = torch.tensor([0, 2, 1, 2])
    if name in ("cross_entropy", "nll"):
        target = one_hot(classes, 3)
    # F.nll_loss takes class indices, which is what a learner passes it.
    namespace = {"torch": torch, "F": F, "out": out}
    namespace["target"] = classes if name == "nll" else target
    exec(loss.torch_code, namespace)
    torch.testing.assert_close(namespace["loss"], loss.value(out, target))


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_texts_are_filled_in(name: str) -> None:
    loss = get_loss(name)
    assert loss.title
    assert loss.formula.startswith("E = ")
    assert loss.torch_code.startswith("loss = ")


@pytest.mark.parametrize(
    ("out_shape", "target_shape"), [((3,), (2,)), ((2, 3), (3,)), ((2, 2, 2), (2, 2, 2))]
)
def test_mismatched_or_unsupported_shapes_are_refused(
    out_shape: tuple[int, ...], target_shape: tuple[int, ...]
) -> None:
    out = torch.zeros(out_shape, dtype=torch.float64)
    target = torch.zeros(target_shape, dtype=torch.float64)
    for name in LOSS_NAMES:
        with pytest.raises(ValueError, match="shape"):
            get_loss(name).value(out, target)
        with pytest.raises(ValueError, match="shape"):
            get_loss(name).grad_output(out, target)


@pytest.mark.parametrize("bad", ["sse", "MSE", "", "cross-entropy"])
def test_unknown_loss_lists_the_valid_names(bad: str) -> None:
    with pytest.raises(UnknownLossError) as caught:
        get_loss(bad)
    message = str(caught.value)
    assert repr(bad) in message
    assert all(name in message for name in LOSS_NAMES)
    assert isinstance(caught.value, ValueError)
