"""The arithmetic of `optimizer.step()` for one parameter, as formula trees.

Each rule follows the algorithm torch.optim documents for its class, fed with what the real
step used: the hyperparameters read from the optimizer's param group, and the optimizer's
state read before and after the real `step()`. The last formula of each list is the parameter's
new value, and its `result` is the tensor's value after the step, so a rule that drifts from
the real optimizer shows up as a formula whose expression does not evaluate to its result.

The lr is the param group's at the step: under a scheduler, the scheduled one. Weight decay is
its own term: coupled (SGD, Adagrad, RMSprop, Adam) as g = ∂E/∂p + λ·p, decoupled (AdamW) as
p·(1 − lr·λ) before the moments move p. A clipped gradient is shown with its origin: norm
clipping as g = ∂E/∂p·s with s = min(1, max_norm/(‖g‖ + 1e-6)), value clipping as
g = clamp(∂E/∂p, −c, c).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from engine.core.formula import Expr, Formula, Neg, Num, call, sqrt
from engine.training.clipping import EPS, Clipped

State = Mapping[str, float]


@dataclass(frozen=True)
class UpdateInputs:
    """What one parameter's real update used."""

    optimizer: str  # sgd, adagrad, rmsprop, adam, adamw
    group: Mapping[str, object]  # the torch param group: lr, momentum, eps, betas, ...
    label: str
    old: float  # the parameter before the step
    grad: float  # the .grad the step read (after clipping, when the run clips)
    new: float  # the parameter after the step
    before: State  # the optimizer's state for this scalar before the step
    after: State  # and after it
    lookahead: tuple[int, float] | None = None  # (k, alpha) when Lookahead wraps the optimizer
    grad_origin: Formula | None = None  # the chain rule's ∂E/∂p (before any clipping)
    clip: Clipped | None = None  # what clipping did to all gradients before this step
    raw_grad: float | None = None  # the .grad before clipping: ∂E/∂p; needed with `clip`


def update_formulas(inputs: UpdateInputs) -> list[Formula]:
    """The lines that compute the new value, the new value's line last."""
    rule = _RULES[inputs.optimizer]
    lines = rule(inputs)
    if inputs.lookahead and _synced(inputs):
        lines = _lookahead_sync(inputs, lines)
    return lines


# -- shared pieces -------------------------------------------------------------------------------
def _hyper(inputs: UpdateInputs, name: str) -> float:
    return float(inputs.group[name])  # type: ignore[arg-type]


def _param(inputs: UpdateInputs) -> Num:
    return Num(inputs.old, inputs.label)


def _gradient(inputs: UpdateInputs, lines: list[Formula], coupled_decay: bool = True) -> Expr:
    """∂E/∂p (clipped, when the run clips), plus λ·p when the decay is added to the gradient
    (all but AdamW)."""
    grad = _clipped(inputs, lines) if inputs.clip else _derivative(inputs, inputs.grad)
    decay = _hyper(inputs, "weight_decay")
    if not decay or not coupled_decay:
        return grad
    expression = grad + Num(decay, "λ") * _param(inputs)
    # after clipping the decay is added to the clipped g in place, as step() does
    lines.append(_derived(f"g({inputs.label})", "g ←" if inputs.clip else "g =", expression))
    return Num(lines[-1].result, "g")


def _derivative(inputs: UpdateInputs, value: float) -> Num:
    return Num(value, f"∂E/∂{inputs.label}", inputs.grad_origin)


def _clipped(inputs: UpdateInputs, lines: list[Formula]) -> Num:
    """The .grad the step read, from the ∂E/∂p backward() left and the clip's numbers."""
    clip, label = inputs.clip, inputs.label
    assert clip is not None
    if inputs.raw_grad is None:
        raise ValueError("an update after clipping needs raw_grad, the gradient before it")
    raw = _derivative(inputs, inputs.raw_grad)
    if clip.kind == "norm":
        norm = Num(clip.norm_before, "‖g‖")
        scale = call("min", 1.0, Num(clip.limit, "max_norm") / (norm + Num(EPS, "1e-6")))
        lines.append(Formula(f"s({label})", "s =", scale, clip.scale))
        clipped = raw * Num(clip.scale, "s")
    else:
        limit = Num(clip.limit, "c")
        clipped = call("clamp", raw, Neg(limit), limit)
    lines.append(Formula(f"clipped({label})", "g =", clipped, inputs.grad))
    return Num(inputs.grad, "g")


def _derived(label: str, target: str, expression: Expr) -> Formula:
    """A quantity torch does not store (it lives only inside step()): its value is the tree's."""
    return Formula(label, target, expression, expression.value())


def _stored(inputs: UpdateInputs, name: str, label: str, target: str, expr: Expr) -> Formula:
    """A quantity torch keeps in the optimizer state: its result is the state after the step."""
    return Formula(f"{label}({inputs.label})", target, expr, inputs.after[name])


def _new_value(inputs: UpdateInputs, expression: Expr) -> Formula:
    return Formula(inputs.label, f"{inputs.label} ←", expression, inputs.new)


def _previous(inputs: UpdateInputs, name: str, symbol: str) -> Num:
    """A state entry before the step; torch starts it at zero when it does not exist yet."""
    return Num(inputs.before.get(name, 0.0), symbol)


# -- the rules -----------------------------------------------------------------------------------
def _sgd(inputs: UpdateInputs) -> list[Formula]:
    lines: list[Formula] = []
    g = _gradient(inputs, lines)
    lr, momentum = Num(_hyper(inputs, "lr"), "lr"), _hyper(inputs, "momentum")
    if not momentum:
        return [*lines, _new_value(inputs, _param(inputs) - lr * g)]
    mu = Num(momentum, "μ")
    if "momentum_buffer" in inputs.before:  # torch starts the buffer as a copy of g
        dampening = _hyper(inputs, "dampening")
        pushed = g if not dampening else (1 - Num(dampening, "τ")) * g
        buffer = mu * _previous(inputs, "momentum_buffer", "buf") + pushed
    else:
        buffer = g
    lines.append(_stored(inputs, "momentum_buffer", "buf", "buf ←", buffer))
    buf = Num(lines[-1].result, "buf")
    direction = g + mu * buf if inputs.group.get("nesterov") else buf
    return [*lines, _new_value(inputs, _param(inputs) - lr * direction)]


def _adam(inputs: UpdateInputs) -> list[Formula]:
    lines: list[Formula] = []
    decoupled = inputs.optimizer == "adamw"
    lr, eps = Num(_hyper(inputs, "lr"), "lr"), Num(_hyper(inputs, "eps"), "ε")
    param: Expr = _param(inputs)
    decay = _hyper(inputs, "weight_decay")
    if decoupled and decay:  # AdamW shrinks the parameter before the moments move it
        lines.append(
            _derived(
                f"decayed({inputs.label})", f"{inputs.label} ←", param * (1 - lr * Num(decay, "λ"))
            )
        )
        param = Num(lines[-1].result, inputs.label)
    g = _gradient(inputs, lines, coupled_decay=not decoupled)
    beta1, beta2 = inputs.group["betas"]  # type: ignore[misc]
    b1, b2 = Num(float(beta1), "β1"), Num(float(beta2), "β2")
    step = Num(inputs.after["step"], "t")
    m_prev, v_prev = _previous(inputs, "exp_avg", "m"), _previous(inputs, "exp_avg_sq", "v")
    lines.append(_stored(inputs, "exp_avg", "m", "m ←", b1 * m_prev + (1 - b1) * g))
    lines.append(_stored(inputs, "exp_avg_sq", "v", "v ←", b2 * v_prev + (1 - b2) * g**2))
    m, v = Num(lines[-2].result, "m"), Num(lines[-1].result, "v")
    lines.append(_derived(f"m̂({inputs.label})", "m̂ =", m / (1 - b1**step)))
    lines.append(_derived(f"v̂({inputs.label})", "v̂ =", v / (1 - b2**step)))
    m_hat, v_hat = Num(lines[-2].result, "m̂"), Num(lines[-1].result, "v̂")
    return [*lines, _new_value(inputs, param - lr * m_hat / (sqrt(v_hat) + eps))]


def _adagrad(inputs: UpdateInputs) -> list[Formula]:
    lines: list[Formula] = []
    g = _gradient(inputs, lines)
    lr: Expr = Num(_hyper(inputs, "lr"), "lr")
    lr_decay = _hyper(inputs, "lr_decay")
    if lr_decay:
        steps_before = Num(inputs.after["step"] - 1, "t−1")
        lines.append(_derived(f"clr({inputs.label})", "clr =", lr / (1 + steps_before * lr_decay)))
        lr = Num(lines[-1].result, "clr")
    total = _previous(inputs, "sum", "sum") + g**2
    lines.append(_stored(inputs, "sum", "sum", "sum ←", total))
    accumulated = Num(lines[-1].result, "sum")
    eps = Num(_hyper(inputs, "eps"), "ε")
    return [*lines, _new_value(inputs, _param(inputs) - lr * g / (sqrt(accumulated) + eps))]


def _rmsprop(inputs: UpdateInputs) -> list[Formula]:
    lines: list[Formula] = []
    g = _gradient(inputs, lines)
    alpha, eps = Num(_hyper(inputs, "alpha"), "α"), Num(_hyper(inputs, "eps"), "ε")
    square = alpha * _previous(inputs, "square_avg", "v") + (1 - alpha) * g**2
    lines.append(_stored(inputs, "square_avg", "v", "v ←", square))
    v: Expr = Num(lines[-1].result, "v")
    if inputs.group.get("centered"):
        mean = alpha * _previous(inputs, "grad_avg", "ḡ") + (1 - alpha) * g
        lines.append(_stored(inputs, "grad_avg", "ḡ", "ḡ ←", mean))
        lines.append(_derived(f"ṽ({inputs.label})", "ṽ =", v - Num(lines[-1].result, "ḡ") ** 2))
        v = Num(lines[-1].result, "ṽ")
    lr, momentum = Num(_hyper(inputs, "lr"), "lr"), _hyper(inputs, "momentum")
    scaled = g / (sqrt(v) + eps)
    if not momentum:
        return [*lines, _new_value(inputs, _param(inputs) - lr * scaled)]
    buffer = Num(momentum, "μ") * _previous(inputs, "momentum_buffer", "buf") + scaled
    lines.append(_stored(inputs, "momentum_buffer", "buf", "buf ←", buffer))
    return [*lines, _new_value(inputs, _param(inputs) - lr * Num(lines[-1].result, "buf"))]


_RULES = {"sgd": _sgd, "adam": _adam, "adamw": _adam, "adagrad": _adagrad, "rmsprop": _rmsprop}


# -- Lookahead -----------------------------------------------------------------------------------
def _synced(inputs: UpdateInputs) -> bool:
    k = inputs.lookahead[0] if inputs.lookahead else 0
    return bool(k) and int(inputs.after.get("lookahead_count", 0)) % k == 0


def _lookahead_sync(inputs: UpdateInputs, inner: list[Formula]) -> list[Formula]:
    """Every k-th step the inner step only makes the fast weight: slow += α·(fast − slow)."""
    *helpers, fast_line = inner
    fast = Formula(
        f"fast({inputs.label})", "fast ←", fast_line.expression, fast_line.expression.value()
    )
    assert inputs.lookahead is not None  # a sync step happens only under Lookahead
    alpha = Num(inputs.lookahead[1], "α_LA")
    slow = Num(inputs.before["slow_weight"], "slow")
    pulled = slow + alpha * (Num(fast.result, "fast") - slow)
    return [*helpers, fast, _new_value(inputs, pulled)]


def gradient_origin(chain_rule: Formula, grad: float) -> Formula | None:
    """The chain rule's ∂E/∂p as the origin of the .grad the step read, when it is that
    gradient (not one accumulated over skipped zero_grads); its result is the .grad itself."""
    if not math.isclose(chain_rule.result, grad, rel_tol=1e-9, abs_tol=1e-15):
        return None
    return Formula(chain_rule.label, chain_rule.target, chain_rule.expression, grad)
