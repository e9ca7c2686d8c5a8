"""The optimizer, built on first use, and every trainable scalar's state read from it."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from torch import Tensor

from engine.models.config import Config
from engine.models.trainable_model import TrainableModel
from engine.training.optimizers import OptimizerLike, element_states, make_optimizer
from engine.training.run_schedule import LRScheduler, make_scheduler

NO_STATE: Mapping[str, float] = MappingProxyType({})  # a scalar the optimizer has no state for

ElementStates = Mapping[str, Mapping[str, float]]  # label -> {state name: value}
TrainableGroup = tuple[Tensor, list[str], list[int]]  # tensor, its scalars' labels, flat indices


class LazyOptimizer:
    """The configured optimizer, built the first time it is needed.

    torch.optim's first parameter group imports torch._dynamo (~0.6 s), which a window can do
    after it has painted. A never-built optimizer has no state: checkpoints save it as None.
    """

    def __init__(self, config: Config, trainable: list[Tensor], schedule_steps: int = 0) -> None:
        self.config = config  # what a build uses: live hyperparameter changes replace it
        self._trainable = trainable
        self._schedule_steps = schedule_steps  # how often scheduler.step() runs in the run
        self.built: OptimizerLike | None = None
        # Built right after the optimizer, as a learner's script does: some schedules set the
        # first learning rate when they are made (a warm-up starts below lr).
        self.scheduler: LRScheduler | None = None

    def get(self) -> OptimizerLike:
        if self.built is None:
            self.built = make_optimizer(self.config, self._trainable)
            self.scheduler = make_scheduler(self.config, self.built, self._schedule_steps)
        return self.built

    def forget(self) -> None:
        """Back to never built, as at the start of a run."""
        self.built = None
        self.scheduler = None

    def saved_schedule(self) -> dict[str, Any] | None:
        """A private copy of the scheduler's state (None without one)."""
        return None if self.scheduler is None else copy.deepcopy(self.scheduler.state_dict())

    def load_schedule(self, saved: dict[str, Any] | None) -> None:
        if saved is not None and self.built is not None and self.scheduler is not None:
            self.scheduler.load_state_dict(copy.deepcopy(saved))

    def saved(self) -> dict[str, Any] | None:
        """A private copy of the state, or None while the optimizer was never built."""
        return None if self.built is None else copy.deepcopy(self.built.state_dict())

    def load(self, saved: dict[str, Any] | None) -> None:
        """Return to a state that `saved` gave (the copy given stays untouched)."""
        if saved is None:
            self.built = None
            self.scheduler = None
        else:
            self.get().load_state_dict(copy.deepcopy(saved))


class ElementStateReader:
    """Every trainable scalar's optimizer state by label, for Snapshots and update formulas.

    Reading torch's state tensors element by element is slow next to a micro-step, and the
    state only changes with the parameters (a step) or with a new state object (a restore or a
    new optimizer), so the last reading is reused until one of those moves.
    """

    def __init__(self, model: TrainableModel, config: Config, optimizer: LazyOptimizer) -> None:
        self._model = model
        self._config = config
        self._optimizer = optimizer
        self._groups: list[TrainableGroup] | None = None
        self._memo: tuple[tuple, int, dict[str, Mapping[str, float]]] = ((), 0, {})
        self._fresh: dict[str, Mapping[str, float]] | None = None

    def read(self, values: tuple[float, ...] | None = None) -> ElementStates:
        """The states, shared: callers must not change them.

        `values` is `model.value_list()` when the caller has just read it.
        """
        if self._optimizer.built is None and not self._config.lookahead_k:
            if self._fresh is None:
                self._fresh = dict.fromkeys(self._trainable_labels(), NO_STATE)
            return self._fresh
        optimizer = self._optimizer.get()
        # A new value tuple means some parameter changed (see FlatReader.value_list).
        objects = (optimizer, optimizer.state, values or self._model.value_list())
        fast_steps = getattr(optimizer, "fast_steps", 0)
        memo_objects, memo_fast_steps, states = self._memo
        same_objects = all(a is b for a, b in zip(objects, memo_objects, strict=False))
        if not (same_objects and memo_objects and fast_steps == memo_fast_steps):
            states = self._read_all(optimizer)
            self._memo = (objects, fast_steps, states)
        return states

    def _read_all(self, optimizer: OptimizerLike) -> dict[str, Mapping[str, float]]:
        states: dict[str, Mapping[str, float]] = {}
        for tensor, labels, flat_indices in self._trainable_groups():
            found = map(MappingProxyType, element_states(optimizer, tensor, flat_indices))
            states.update(zip(labels, found, strict=True))
        return states

    def _trainable_labels(self) -> list[str]:
        return [label for _, labels, _ in self._trainable_groups() for label in labels]

    def _trainable_groups(self) -> list[TrainableGroup]:
        """Per trainable tensor: its scalars' labels and flat positions (computed once)."""
        if self._groups is None:
            groups: dict[int, TrainableGroup] = {}
            for info in self._model.params:
                tensor = self._model.tensor_of(info)
                if not tensor.requires_grad:
                    continue
                _, labels, flat = groups.setdefault(id(tensor), (tensor, [], []))
                labels.append(info.label)
                flat.append(_flat_index(tensor, self._model.element_of(info)))
            self._groups = list(groups.values())
        return self._groups


def lookahead(config: Config) -> tuple[int, float] | None:
    """(k, alpha) when Lookahead wraps the optimizer, for the update formulas."""
    return (config.lookahead_k, config.lookahead_alpha) if config.lookahead_k else None


def _flat_index(tensor: Tensor, index: tuple[int, ...]) -> int:
    """Row-major position of `index` in `tensor`."""
    flat = 0
    for size, i in zip(tensor.shape, index, strict=True):
        flat = flat * size + i
    return flat
