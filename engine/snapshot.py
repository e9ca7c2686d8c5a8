"""The immutable picture of one micro-step: everything a view needs, nothing it must compute."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

PHASES = ("ready", "edit", "zero_grad", "forward", "loss", "backward", "step")


def frozen(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class NeuronValue:
    net: float
    out: float


@dataclass(frozen=True)
class Snapshot:
    tick: int  # micro-steps (and edits) since reset
    iteration: int  # the iteration this micro-step belongs to (0-based)
    completed: int  # iterations finished
    phase: str  # one of PHASES
    focus: str | None  # the neuron or parameter label in view
    code_line: int  # index into `code_lines(config)` of the line being executed
    explanation: str  # what this micro-step does, in words
    formula: str  # the same with its numbers
    params: Mapping[str, float]  # every parameter as shown now
    grads: Mapping[str, float | None]  # .grad as shown now; None when cleared
    neurons: Mapping[str, NeuronValue]  # net/out computed so far this iteration (first sample)
    deltas: Mapping[str, float]  # δ = ∂E/∂net revealed so far this iteration
    loss: float | None  # this iteration's loss once computed
    optimizer_state: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: frozen({}))
    previous_params: Mapping[str, float] = field(default_factory=lambda: frozen({}))
    diverged: bool = False
    variant_note: str = ""  # set when the published-figures variant changed a number
