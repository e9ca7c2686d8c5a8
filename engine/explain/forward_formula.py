"""The forward pass and the loss as formula trees: net = Σ w·x + b, out = act(net), E.

Each tree is built from the numbers the real forward pass used (the parameters, the inputs the
layer below produced) and its result is the tensor's value, so a test can check that every
formula shown evaluates to the number shown next to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from engine.core.formula import Expr, Formula, Num, call, exp, total
from engine.models.losses import Loss

# Activations whose value has a closed form in + − × / ** and sqrt exp log tanh max min.
# GELU needs erf, which a plain expression does not have: it is shown without a tree.
ActivationTree = Callable[[Sequence[Num], int, float], Expr]
_NAMED_BY_THEMSELVES = {"tanh"}  # their tree is a call of their own name
SOFTPLUS_THRESHOLD = 20.0  # F.softplus returns x itself above this


def net_formula(neuron: str, terms: Sequence[tuple[Num, Num]], bias: Num, result: float) -> Formula:
    """net_h1 = w1·i1 + w2·i2 + b1, with the weights and inputs the layer used."""
    expression = total([weight * source for weight, source in terms] + [bias])
    return Formula(f"net_{neuron}", f"net_{neuron} =", expression, result)


def out_formula(
    neuron: str, activation: str, nets: Sequence[Num], row: int, result: float
) -> Formula | None:
    """out_h1 = sigmoid(net_h1) = 1/(1 + exp(−net_h1)); None where no closed form exists."""
    base, _, parameter = activation.partition(":")
    build = _ACTIVATION_TREES.get(base)
    if build is None:
        return None
    alpha = float(parameter) if parameter else 0.0
    expression = build(nets, row, alpha)
    named = f"{base}(net_{neuron})"  # tanh's tree reads just so: say it once
    target = f"out_{neuron} =" if base in _NAMED_BY_THEMSELVES else f"out_{neuron} = {named} ="
    return Formula(f"out_{neuron}", target, expression, result)


EXP_SAFE = 700.0  # math.exp overflows past about 709.78: shift or split beyond this


def _sigmoid(nets: Sequence[Num], row: int, _: float) -> Expr:
    net = nets[row]
    if net.number < 0:  # 1/(1 + e^(−x)) would overflow for very negative x
        return exp(net) / (1 + exp(net))
    return 1 / (1 + exp(-net))


def _shift(nets: Sequence[Num]) -> list[Expr]:
    """The nets, less their largest when exp would overflow or vanish (softmax is unchanged)."""
    if all(abs(net.number) <= EXP_SAFE for net in nets):
        return list(nets)
    top = Num(max(net.number for net in nets), "max")
    return [net - top for net in nets]


def _relu(nets: Sequence[Num], row: int, _: float) -> Expr:
    return call("max", 0.0, nets[row])


def _leaky_relu(nets: Sequence[Num], row: int, alpha: float) -> Expr:
    net = nets[row]
    return net if net.number > 0 else Num(alpha, "α") * net


def _elu(nets: Sequence[Num], row: int, alpha: float) -> Expr:
    net = nets[row]
    return net if net.number > 0 else Num(alpha, "α") * (exp(net) - 1)


def _silu(nets: Sequence[Num], row: int, _: float) -> Expr:
    return nets[row] * _sigmoid(nets, row, 0.0)


def _softplus(nets: Sequence[Num], row: int, _: float) -> Expr:
    net = nets[row]
    return net if net.number > SOFTPLUS_THRESHOLD else call("log", 1 + exp(net))


def _softmax(nets: Sequence[Num], row: int, _: float) -> Expr:
    shifted = _shift(nets)
    return exp(shifted[row]) / total([exp(net) for net in shifted])


def _log_softmax(nets: Sequence[Num], row: int, _: float) -> Expr:
    shifted = _shift(nets)
    return shifted[row] - call("log", total([exp(net) for net in shifted]))


_ACTIVATION_TREES: dict[str, ActivationTree] = {
    "identity": lambda nets, row, _: nets[row],
    "sigmoid": _sigmoid,
    "tanh": lambda nets, row, _: call("tanh", nets[row]),
    "relu": _relu,
    "leaky_relu": _leaky_relu,
    "elu": _elu,
    "silu": _silu,
    "softplus": _softplus,
    "softmax": _softmax,
    "log_softmax": _log_softmax,
}

MAX_LOSS_TERMS = 64  # past this many outputs × samples the loss is shown without its sum


def loss_formula(
    loss: Loss,
    outs: Sequence[Sequence[float]],
    targets: Sequence[Sequence[float]],
    names: Sequence[str],
    result: float,
    origins: Mapping[str, Formula] | None = None,
) -> Formula | None:
    """E over every sample and output, as the loss function computes it; `origins` gives
    one sample's outputs the formulas that computed them."""
    if sum(len(row) for row in outs) > MAX_LOSS_TERMS or not math.isfinite(result):
        return None
    build = _LOSS_TREES.get(loss.name)
    if build is None:
        return None
    samples = [
        (
            [
                Num(o, name := _named("out", n, s, len(outs)), (origins or {}).get(name))
                for o, n in zip(out, names, strict=True)
            ],
            [Num(t, _named("target", n, s, len(outs))) for t, n in zip(tgt, names, strict=True)],
        )
        for s, (out, tgt) in enumerate(zip(outs, targets, strict=True))
    ]
    return Formula("E", "E =", build(samples), result)


def _named(kind: str, neuron: str, sample: int, batch: int) -> str:
    return f"{kind}_{neuron}" if batch == 1 else f"{kind}_{neuron}[{sample + 1}]"


Samples = list[tuple[list[Num], list[Num]]]


def _half_sse(samples: Samples) -> Expr:
    half = Num(0.5, "½")
    return total(
        [half * (t - o) ** 2 for outs, tgts in samples for o, t in zip(outs, tgts, strict=True)]
    )


def _mse(samples: Samples) -> Expr:
    terms = [(t - o) ** 2 for outs, tgts in samples for o, t in zip(outs, tgts, strict=True)]
    return total(terms) / Num(float(len(terms)), "n")


def _cross_entropy(samples: Samples) -> Expr:
    """F.cross_entropy: −Σ target·log softmax(out), averaged over the batch."""
    per_sample = []
    for outs, tgts in samples:
        shifted = _shift(outs)
        log_sum = call("log", total([exp(o) for o in shifted]))
        terms = zip(shifted, tgts, strict=True)
        per_sample.append(total([t * (o - log_sum) for o, t in terms]))
    return _mean_over_batch(-total(per_sample), len(samples))


def _nll(samples: Samples) -> Expr:
    terms = [t * o for outs, tgts in samples for o, t in zip(outs, tgts, strict=True)]
    return _mean_over_batch(-total(terms), len(samples))


_LOSS_TREES: dict[str, Callable[[Samples], Expr]] = {
    "half_sse": _half_sse,
    "mse": _mse,
    "cross_entropy": _cross_entropy,
    "nll": _nll,
}


def _mean_over_batch(summed: Expr, batch: int) -> Expr:
    return summed if batch == 1 else summed / Num(float(batch), "B")
