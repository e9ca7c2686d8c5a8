"""What views get of the run: copies taken from the stepper, never the stepper itself.

Plots get the trajectory so far, a long history of a wide network thinned to every k-th row
of parameters so that a plot never copies more than it can draw; the iteration animation gets
the micro-steps of one iteration, replayed exactly; the landscape gets a RunPicture taken at
a rest, once per state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.data.dataset import Dataset
from engine.labs.confusion import ConfusionMatrix, confusion_matrix
from engine.landscape.picture import RunPicture
from engine.models.parameters import ParamInfo
from engine.training.edit_log import settings_changes
from engine.training.evaluation import Evaluation
from engine.training.lr_plan import planned_iteration_lrs
from engine.training.stepper import Stepper

MAX_PARAM_VALUES = 2_000_000  # beyond this, plots get every k-th row of the parameter history


@dataclass(frozen=True)
class TrajectoryData:
    """A copy of the run so far, for plots: losses[i] and grad_norms[i] belong to iteration i;
    params[r] holds the parameters after param_iterations[r] iterations."""

    losses: np.ndarray
    grad_norms: np.ndarray
    param_iterations: np.ndarray
    params: np.ndarray
    labels: tuple[str, ...]
    trained: tuple[str, ...]  # the labels the optimizer updates
    # Live optimizer changes on the way here: (iteration it precedes, "lr 0.5 → 0.9").
    settings_marks: tuple[tuple[int, str], ...] = ()
    lrs: np.ndarray = field(default_factory=lambda: np.empty(0))  # lrs[i]: iteration i's step
    # The schedule's plan: planned_lrs[i] is the lr iteration i's step will use (empty: none).
    planned_lrs: np.ndarray = field(default_factory=lambda: np.empty(0))
    next_lr: float = math.nan  # the lr the next iteration's step will use
    evaluations: tuple[Evaluation, ...] = ()  # one per finished epoch with a validation pass


def trajectory_data(stepper: Stepper) -> TrajectoryData:
    """A frozen copy of the stepper's losses, gradient norms and parameters so far."""
    t = stepper.trajectory
    model = stepper.model
    labels = tuple(info.label for info in model.params)
    trained = tuple(info.label for info in model.params if model.trainable(info))
    params = t.params
    rows = params.shape[0]
    stride = max(1, math.ceil(params.size / MAX_PARAM_VALUES))
    shown = np.unique(np.r_[np.arange(0, rows, stride), rows - 1])
    planned = planned_iteration_lrs(stepper.config, stepper.timeline.per_epoch)
    return TrajectoryData(
        t.losses.copy(),
        t.grad_norms.copy(),
        t.param_iterations[shown],
        params[shown],
        labels,
        trained,
        tuple((change.iteration, change.text) for change in settings_changes(stepper)),
        t.lrs.copy(),
        planned,
        _next_lr(planned, t.length, stepper.config.lr),
        t.evaluations,
    )


def _next_lr(planned: np.ndarray, done: int, lr: float) -> float:
    """The planned lr of iteration `done` (0-based), or the constant one without a plan."""
    if not planned.size:
        return lr
    return float(planned[done]) if done < planned.size else math.nan


@dataclass(frozen=True)
class NetworkFacts:
    """What drawing a model needs: its neurons by layer, its parameters, where it runs."""

    neurons: tuple[tuple[str, ...], ...]
    params: tuple[ParamInfo, ...]
    device: str
    micro_steps_per_iteration: int
    longest_iteration: int  # an epoch's last batch may add micro-steps


def network_facts(stepper: Stepper) -> NetworkFacts:
    model = stepper.model
    neurons = tuple(tuple(layer) for layer in model.neurons)
    device = str(getattr(model, "device", stepper.config.device))
    per, timeline = stepper.micro_steps_per_iteration, stepper.timeline
    longest = len(timeline.base) + len(timeline.epoch_end)
    return NetworkFacts(neurons, tuple(model.params), device, per, longest)


@dataclass(frozen=True, eq=False)
class TrainingSet:
    """A copy of the run's training samples, taken once per run (nothing writes to it)."""

    x: np.ndarray
    y: np.ndarray
    classes: tuple[str, ...]  # empty for regression
    batch_size: int  # the run's (0: the whole set every iteration)
    seed: int


def training_set(stepper: Stepper) -> TrainingSet | None:
    """The training set of a run on a dataset, copied; None when it trains on its own rows."""
    loop = stepper.loop
    if loop is None:
        return None
    train = loop.samples.train
    x, y = train.x.copy(), train.y.copy()  # the window's own: torch wants writable arrays
    config = stepper.config
    return TrainingSet(x, y, tuple(train.classes), config.batch_size, config.seed)


def confusion_now(stepper: Stepper) -> ConfusionMatrix | None:
    """The validation set's confusion matrix at the current parameters; None for a run that
    does not classify or holds no samples out."""
    loop = stepper.loop
    if loop is None or loop.val_labels is None or not loop.evaluates:
        return None
    classes = loop.samples.val.classes
    return confusion_matrix(
        stepper.model, loop.val_x, loop.val_labels, classes, stepper.trajectory.length
    )


def described(stepper: Stepper, label: str) -> str | None:
    """The engine's formula with numbers for one element; None for an unknown label."""
    try:
        explanation, formula = stepper.describe(label)
    except (EngineError, KeyError, ValueError):
        return None
    return f"{explanation}\n{formula}" if formula else explanation


def iteration_snapshots(stepper: Stepper) -> tuple[Snapshot, ...]:
    """Every micro-step of the current (or last) iteration, from its zero_grad to its last
    update, the ones not reached yet too; the stepper is left where it was. Empty at the start."""
    return stepper.whole_iteration()


class PictureTaker:
    """Takes a RunPicture of the stepper when it is at rest and has moved since the last one."""

    def __init__(self) -> None:
        self._picture: RunPicture | None = None

    def picture(self, stepper: Stepper, at_rest: bool) -> RunPicture:
        """A fresh copy at rest, else the newest one (a worker owns the stepper while it runs)."""
        picture = self._picture
        fresh = picture is not None and picture.snapshot is stepper.snapshot
        if at_rest and not fresh:
            picture = self._picture = RunPicture.of(stepper)
        if picture is None:  # nothing taken yet and a run is going: wait for its rest
            raise EngineError("the run has not come to rest yet")
        return picture


@dataclass(frozen=True)
class LoopFacts:
    """The loop around the model, copied once per run: where its batches come from and how
    many make an epoch. `train` is the training set (read-only arrays), None when the run
    trains on the config's own rows."""

    per_epoch: int  # batches per epoch (1: the whole set every iteration)
    epochs: int  # the epochs the run plans for (0: not set)
    batched: bool  # a DataLoader draws mini-batches
    train: Dataset | None

    def epoch_of(self, iteration: int) -> tuple[int, int]:
        """(epoch, batch within it), both 1-based, of iteration `iteration` (0-based)."""
        epoch, batch = divmod(iteration, self.per_epoch)
        return epoch + 1, batch + 1


def loop_facts(stepper: Stepper) -> LoopFacts:
    samples = stepper.samples
    train = None if samples is None else _read_only(samples.train)
    config = stepper.config
    per_epoch = stepper.timeline.per_epoch
    return LoopFacts(per_epoch, config.epochs, config.batch_size > 0, train)


def _read_only(data: Dataset) -> Dataset:
    """A copy whose arrays nothing can change: the views keep it for the run's length."""
    arrays = [data.x.copy(), data.y.copy()]
    labels = None if data.labels is None else data.labels.copy()
    for array in (*arrays, labels):
        if array is not None:
            array.setflags(write=False)
    return Dataset(data.name, arrays[0], arrays[1], labels, data.classes, data.image_shape)
