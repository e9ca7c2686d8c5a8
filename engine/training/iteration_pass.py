"""What one iteration has computed so far, kept for the micro-steps still to reveal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from torch import Tensor

from engine.core.phrase import Words
from engine.core.snapshot import NeuronValue
from engine.models.chain_rule import ChainRule
from engine.training.clipping import Clipped

HookEvent = tuple[str, int, str]  # ("node" | "param", layer, "net" or the parameter's kind)
Reveal = tuple[str, str]  # ("node" | "param", label)


@dataclass
class Pass:
    """One iteration's real computation, revealed a micro-step at a time.

    The calls run once (the layers, the loss, one loss.backward(), one optimizer.step()); the
    micro-steps that follow each show a part of what they did, read from here.
    """

    nets: list[Tensor] = field(default_factory=list)
    outs: list[Tensor] = field(default_factory=list)
    loss: Tensor | None = None
    loss_value: float | None = None
    hook_events: list[HookEvent] = field(default_factory=list)
    reveal: list[Reveal] = field(default_factory=list)
    chain: ChainRule | None = None
    # As Python floats (None: no .grad); read once per iteration, shown by many micro-steps.
    grads_before: tuple[float | None, ...] | None = None
    grads_after: tuple[float | None, ...] | None = None
    values_before: tuple[float, ...] | None = None
    values_after: tuple[float, ...] | None = None
    state_before: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    previous_params: Mapping[str, float] = field(default_factory=dict)  # values_before by label
    stepped_params: Mapping[str, float] = field(default_factory=dict)  # values_after by label
    step_group: Mapping[str, object] = field(default_factory=dict)  # the step's param group
    neurons: dict[str, NeuronValue] = field(default_factory=dict)
    deltas: dict[str, float] = field(default_factory=dict)
    revealed_grads: set[str] = field(default_factory=set)
    revealed_params: set[str] = field(default_factory=set)
    variant_note: Words = ""
    # The loop around the model: the gradient norm before clipping, and what clipping did.
    norm_before: float | None = None
    clipped: Clipped | None = None
    lr: float | None = None  # the learning rate the step used
