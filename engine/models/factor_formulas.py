"""Where each chain-rule factor comes from, as formula trees with the numbers it used.

A product such as ``δ_o1 = 0.74136507 × 0.186815602`` only teaches once each factor says what
it is: ``∂E/∂out_o1 = out_o1 − target_o1 = 0.75136507 − 0.01`` (the loss's derivative) and
``∂out_o1/∂net_o1 = out_o1·(1 − out_o1)`` (the activation's). The trees here are built from
the numbers the chain rule used, and their results are the chain rule's own factor values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from engine.core.formula import Expr, Formula, Num, call, exp, fmt, sqrt, total

EXP_SAFE = 700.0  # math.exp overflows past about 709.78: shift the exponents beyond this
SOFTPLUS_THRESHOLD = 20.0  # F.softplus (and its derivative) is linear above this


def dE_dout_symbol(neuron: str) -> str:
    return f"∂E/∂out_{neuron}"


def dout_dnet_symbol(neuron: str) -> str:
    return f"∂out_{neuron}/∂net_{neuron}"


# -- the loss's derivative: ∂E/∂out ---------------------------------------------------------
class LossSample:
    """One sample's outputs and targets, named, for the loss's derivative."""

    def __init__(self, names: Sequence[str], outs: Sequence[float], targets: Sequence[float]):
        self.names = list(names)
        self.outs = [Num(float(o), f"out_{n}") for o, n in zip(outs, names, strict=True)]
        self.targets = [Num(float(t), f"target_{n}") for t, n in zip(targets, names, strict=True)]


LossGradient = Callable[[LossSample, int, int, int], Expr]  # (sample, row, elements, batch)


def _half_sse(s: LossSample, row: int, _: int, __: int) -> Expr:
    return s.outs[row] - s.targets[row]


def _mse(s: LossSample, row: int, elements: int, _: int) -> Expr:
    return 2 * (s.outs[row] - s.targets[row]) / Num(float(elements), "n")


def _softmax_of(outs: Sequence[Num], row: int) -> Expr:
    """exp(out_k)/Σ exp(out_j), less the largest out where exp would overflow."""
    shifted: list[Expr] = list(outs)
    if any(abs(o.number) > EXP_SAFE for o in outs):
        top = Num(max(o.number for o in outs), "max")
        shifted = [o - top for o in outs]
    return exp(shifted[row]) / total([exp(o) for o in shifted])


def _cross_entropy(s: LossSample, row: int, _: int, batch: int) -> Expr:
    """softmax(out)_k·Σ target − target_k (Σ target is 1 for probabilities), over the batch."""
    weight = sum(t.number for t in s.targets)
    soft = _softmax_of(s.outs, row)
    if weight != 1.0:
        soft = soft * Num(weight, "Σtarget")
    return _per_batch(soft - s.targets[row], batch)


def _nll(s: LossSample, row: int, _: int, batch: int) -> Expr:
    return _per_batch(-s.targets[row], batch)


def _per_batch(expr: Expr, batch: int) -> Expr:
    return expr if batch == 1 else expr / Num(float(batch), "B")


LOSS_GRADIENTS: dict[str, LossGradient] = {
    "half_sse": _half_sse,
    "mse": _mse,
    "cross_entropy": _cross_entropy,
    "nll": _nll,
}


def loss_gradient_formula(
    loss: str, sample: LossSample, row: int, elements: int, batch: int, value: float
) -> Formula | None:
    """∂E/∂out_k of one sample; None for a loss without a closed form here."""
    build = LOSS_GRADIENTS.get(loss)
    if build is None:
        return None
    symbol = dE_dout_symbol(sample.names[row])
    return Formula(symbol, f"{symbol} =", build(sample, row, elements, batch), value)


# -- the activation's derivative: ∂out/∂net -------------------------------------------------
Derivative = Callable[[Num, Num, float], tuple[Expr, str]]  # (net, out, α) -> tree, condition


def _sigmoid_of(net: Num) -> Expr:
    return exp(net) / (1 + exp(net)) if net.number < 0 else 1 / (1 + exp(-net))


def _sign(net: Num) -> str:
    return f"{net.symbol} = {fmt(net.number)} {'>' if net.number > 0 else '≤'} 0"


def _one_or(net: Num, otherwise: Expr) -> tuple[Expr, str]:
    return (Num(1.0) if net.number > 0 else otherwise), _sign(net)


def _gelu(net: Num) -> Expr:
    """Φ(net) + net·φ(net): the normal distribution's CDF and density, as F.gelu's slope."""
    cdf = 0.5 * (1 + call("erf", net / sqrt(Num(2.0))))
    return cdf + net * exp(-(net**2) / 2) / sqrt(2 * Num(math.pi, "π"))


DERIVATIVES: dict[str, Derivative] = {
    "identity": lambda net, out, _: (Num(1.0), ""),
    "step": lambda net, out, _: (Num(0.0), ""),
    "sigmoid": lambda net, out, _: (out * (1 - out), ""),
    "tanh": lambda net, out, _: (1 - out**2, ""),
    "relu": lambda net, out, _: _one_or(net, Num(0.0)),
    "leaky_relu": lambda net, out, alpha: _one_or(net, Num(alpha, "α")),
    "elu": lambda net, out, alpha: _one_or(net, Num(alpha, "α") * exp(net)),
    "gelu": lambda net, out, _: (_gelu(net), ""),
    "silu": lambda net, out, _: (_sigmoid_of(net) * (1 + net * (1 - _sigmoid_of(net))), ""),
    "softplus": lambda net, out, _: (
        (Num(1.0), _sign_above(net)) if net.number > SOFTPLUS_THRESHOLD else (_sigmoid_of(net), "")
    ),
}


def _sign_above(net: Num) -> str:
    return f"{net.symbol} = {fmt(net.number)} > {fmt(SOFTPLUS_THRESHOLD)}"


def activation_derivative_formula(
    activation: str, neuron: str, net: float, out: float, value: float
) -> Formula | None:
    """∂out/∂net of an elementwise activation, in terms of net and out."""
    base, _, parameter = activation.partition(":")
    build = DERIVATIVES.get(base)
    if build is None:
        return None
    alpha = float(parameter) if parameter else 0.0
    expression, condition = build(Num(net, f"net_{neuron}"), Num(out, f"out_{neuron}"), alpha)
    symbol = dout_dnet_symbol(neuron)
    target = f"{symbol} ({condition}) =" if condition else f"{symbol} ="
    return Formula(symbol, target, expression, value)


def jacobian_formula(
    activation: str, names: Sequence[str], outs: Sequence[float], k: int, j: int, value: float
) -> Formula | None:
    """∂out_k/∂net_j of softmax (out_k·(δ_kj − out_j)) or log_softmax (δ_kj − exp(out_j))."""
    base = activation.partition(":")[0]
    out_k, out_j = (Num(outs[i], f"out_{names[i]}") for i in (k, j))
    if base == "softmax":
        expression: Expr = out_k * (1 - out_j) if k == j else -(out_k * out_j)
    elif base == "log_softmax":
        expression = 1 - call("exp", out_j) if k == j else -call("exp", out_j)
    else:
        return None
    symbol = f"∂out_{names[k]}/∂net_{names[j]}"
    return Formula(symbol, f"{symbol} =", expression, value)


def incoming_formula(
    target: str, label: str, source: str | None, value: float, origin: Formula | None = None
) -> Formula:
    """∂net/∂w is the input the weight multiplies (`source` names it, `origin` is the forward
    formula that computed it, for out_h1); a bias's is 1."""
    symbol = f"∂net_{target}/∂{label}"
    return Formula(symbol, f"{symbol} =", Num(value, source, origin), value)
