"""Activation functions by spec: the names the app offers, and the catalogue entry a spec names.

A spec is a base name with an optional parameter: "sigmoid", "leaky_relu:0.2", "elu:0.5".
Each entry (engine.models.activation_catalogue) has a forward pass for autograd and closed-form
derivatives to explain it.
"""

from __future__ import annotations

import math

from engine.core.errors import EngineError
from engine.models.activation_catalogue import (
    PARAMETRISED_ACTIVATIONS,
    PLAIN_ACTIVATIONS,
    Activation,
)


class UnknownActivationError(EngineError):
    """A spec that names no activation, or carries a parameter the activation cannot take."""


_ALIASES = {"swish": "silu", "linear": "identity", "none": "identity", "heaviside": "step"}

ACTIVATION_NAMES: tuple[str, ...] = (
    "identity",
    "step",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "softplus",
    "softmax",
    "log_softmax",
)
OUTPUT_ONLY: frozenset[str] = frozenset({"softmax", "log_softmax"})


def get_activation(spec: str) -> Activation:
    """The activation a spec names, e.g. "sigmoid", "leaky_relu:0.2"; aliases are accepted."""
    if not isinstance(spec, str):
        raise _unknown(spec, "an activation spec must be text")
    base, has_param, param = spec.strip().lower().partition(":")
    base = _ALIASES.get(base.strip(), base.strip())
    if base in PLAIN_ACTIVATIONS:
        if has_param:
            raise _unknown(spec, f"{base} takes no parameter")
        return PLAIN_ACTIVATIONS[base]()
    if base in PARAMETRISED_ACTIVATIONS:
        default, build = PARAMETRISED_ACTIVATIONS[base]
        return build(_parameter(spec, base, param) if has_param else default)
    raise _unknown(spec, "no such activation")


def _parameter(spec: str, base: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise _unknown(spec, f"the parameter of {base} must be a finite number ≥ 0")
    return value + 0.0  # turns −0.0 into 0.0 so the canonical name has no sign


def _unknown(spec: object, reason: str) -> UnknownActivationError:
    return UnknownActivationError(
        f"unknown activation {spec!r} ({reason}): choose one of {', '.join(ACTIVATION_NAMES)}, "
        "e.g. sigmoid or leaky_relu:0.01"
    )
