"""The immutable picture of one micro-step: everything a view needs, nothing it must compute."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType

from engine.core.formula import Formula, Line, render_lines
from engine.core.phrase import Words, render
from engine.core.told import Told

PHASES = (
    "ready", "edit", "batch", "zero_grad", "forward", "loss", "backward", "clip", "step",
    "schedule", "eval_mode", "evaluate",
)  # fmt: skip


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
    # What this micro-step does, in words (phrases translated when shown) and as formula
    # trees; built on first use from numbers copied at the micro-step (see engine.core.told).
    told: Told
    params: Mapping[str, float]  # every parameter as shown now
    grads: Mapping[str, float | None]  # .grad as shown now; None when cleared
    neurons: Mapping[str, NeuronValue]  # net/out computed so far this iteration (first sample)
    deltas: Mapping[str, float]  # δ = ∂E/∂net revealed so far this iteration
    loss: float | None  # this iteration's loss once computed
    optimizer_state: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: frozen({}))
    previous_params: Mapping[str, float] = field(default_factory=lambda: frozen({}))
    # During the step phase: every parameter after the real optimizer.step() (all of them,
    # also those whose update is not revealed yet), for the step arrow.
    stepped_params: Mapping[str, float] = field(default_factory=lambda: frozen({}))
    diverged: bool = False
    variant_words: Words = ""  # set when the published-figures variant changed a number
    # The training samples the current batch holds, as a DataLoader drew them; () when every
    # iteration trains on the whole set.
    batch: tuple[int, ...] = ()

    @property
    def explanation_words(self) -> Words:
        return self.told.text().explanation

    @property
    def formula_lines(self) -> tuple[Line, ...]:
        """Text lines and formula trees, as the explanation panel shows them."""
        return self.told.text().lines

    @property
    def formulas(self) -> tuple[Formula, ...]:
        """Every formula this micro-step computed (`trace` prints them)."""
        return self.told.text().formulas

    @property
    def variant_note(self) -> str:
        """Why a number differs from correct backprop, in the language installed now."""
        return str(render(self.variant_words))

    @property
    def explanation(self) -> str:
        """What this micro-step does, in the language installed now."""
        return str(render(self.explanation_words))

    @property
    def formula(self) -> str:
        """The arithmetic as text, rendered when a view reads it (most Snapshots never are);
        each formula tree keeps its own text once rendered, since numbers need no language."""
        return render_lines(self.formula_lines)

    @classmethod
    def from_fields(cls, values: dict[str, object]) -> Snapshot:
        """`Snapshot(**values)` for a dict naming every field, built in one step.

        A Snapshot is built on every micro-step, and a frozen dataclass's `__init__` sets its
        17 fields one `object.__setattr__` at a time (about a third of the Snapshot's cost).
        """
        if values.keys() != FIELD_NAMES:
            wrong = sorted(FIELD_NAMES.symmetric_difference(values))
            raise TypeError(f"a Snapshot is built from exactly its fields; these differ: {wrong}")
        snapshot = cls.__new__(cls)
        object.__setattr__(snapshot, "__dict__", values)
        return snapshot


FIELD_NAMES = frozenset(f.name for f in fields(Snapshot))
