"""The Snapshot of the stepper's current position, built from the live model and the pass."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from engine.core.reused_mapping import ReusedMapping
from engine.core.snapshot import NeuronValue, Snapshot
from engine.core.told import Told
from engine.explain.phases import Text
from engine.training.code_listing import phase_lines
from engine.training.optimizer_state import NO_STATE, ElementStateReader
from engine.training.position import Position
from engine.training.reveal import Revealed
from engine.training.timeline import Timeline
from engine.training.training_setup import TrainingSetup

Explained = Text | Callable[[], Text]  # a micro-step's words, or how to build them when shown


class SnapshotBuilder:
    """Turns the current position into an immutable Snapshot, cheaply.

    A Snapshot per micro-step holds several mappings, and most equal the previous micro-step's
    (no parameter moves during forward, no gradient during step): each is kept in a
    ReusedMapping so that an unchanged one is handed back instead of being built again.
    """

    def __init__(
        self,
        setup: TrainingSetup,
        position: Position,
        states: ElementStateReader,
        revealed: Revealed,
        timeline: Timeline,
    ) -> None:
        self._model = setup.model
        self._setup = setup  # its x is the current batch: read it when the inputs are shown
        self._data = setup.data
        self._data_version = setup.data.version
        self._labels = setup.labels
        self._position = position
        self._states = states
        self._revealed = revealed
        self._timeline = timeline
        self._lines = phase_lines(setup.config)
        self._inputs: dict[str, NeuronValue] | None = None
        self._shown_params, self._shown_grads = ReusedMapping(), ReusedMapping()
        self._shown_states = ReusedMapping()
        self._shown_neurons, self._shown_deltas = ReusedMapping(), ReusedMapping()

    def build(self, phase: str, focus: str | None, text: Explained) -> Snapshot:
        """The Snapshot after the micro-step `phase` (on `focus`) that `text` explains."""
        position = self._position
        p = position.pass_
        labels = self._labels
        if self._data_version != self._data.version:  # an edit changed the inputs
            self._data_version = self._data.version
            self._inputs, self._shown_neurons = None, ReusedMapping()
        values: Sequence[float] = self._model.value_list()
        states: Mapping[str, Mapping[str, float]] = self._states.read(values)
        previous: Mapping[str, float] = NO_STATE
        stepped: Mapping[str, float] = NO_STATE
        if p is not None and p.values_before is not None:
            values, states = self._revealed.params_and_states(p, values, states)
            previous, stepped = p.previous_params, p.stepped_params
        if p is not None and p.reveal and phase == "backward":
            grads = self._revealed.grads(p)
        else:
            grads = self._model.grad_list() or self._revealed.no_grads
        return Snapshot.from_fields(
            {
                "tick": position.tick + (0 if phase in ("ready", "edit") else 1),
                "iteration": position.iteration,
                # The last micro-step of an iteration finishes it: count it as done.
                "completed": position.trajectory.length
                + (p is not None and position.micro == self._last_micro()),
                "phase": phase,
                "focus": focus,
                "code_line": self._lines[phase],
                "told": Told(text) if callable(text) else Told.now(text),
                "params": self._shown_params.of(labels, values),
                "grads": self._shown_grads.of(labels, grads),
                "neurons": self._shown_neurons.grown(p, len(p.neurons) if p else 0, self._neurons),
                "deltas": self._shown_deltas.grown(p, len(p.deltas) if p else 0, self._deltas),
                "loss": None if p is None else p.loss_value,
                "optimizer_state": self._shown_states.view(states),
                "previous_params": previous,
                "stepped_params": stepped,
                "diverged": position.diverged,
                "variant_words": p.variant_note if p else "",
                "batch": self._setup.batch_indices,
            }
        )

    def _last_micro(self) -> int:
        return self._timeline.length(self._position.iteration) - 1

    def inputs_as_neurons(self) -> dict[str, NeuronValue]:
        """The inputs as neurons (first sample; shared, read again only after a data edit)."""
        if self._inputs is None:
            row = self._setup.x[0].tolist()
            names = self._model.neurons[0]
            self._inputs = {n: NeuronValue(v, v) for n, v in zip(names, row, strict=True)}
        return self._inputs

    def _neurons(self) -> dict[str, NeuronValue]:
        """The inputs and every neuron computed so far this iteration."""
        p = self._position.pass_
        return self.inputs_as_neurons() | (p.neurons if p else {})

    def _deltas(self) -> dict[str, float]:
        p = self._position.pass_
        return dict(p.deltas) if p else {}
