"""The output-activation experiment: the same network, seed and batches trained with each head.

Every head's run is an ordinary Stepper run of the config with only the output activation and
the loss swapped: the seed alone decides the starting weights (they do not depend on the
activation) and the DataLoader's seeded generator the batches, so the heads differ in nothing
else. Nothing here touches a run the learner is stepping: each head gets its own Stepper.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.labs.loop_head_table import LOOP_HEADS, LoopHead
from engine.models.config import Config
from engine.models.run_samples import run_samples
from engine.training.evaluation import Evaluation
from engine.training.stepper import Stepper

Progress = Callable[[int, int], None]  # (iterations done, iterations in all)
ShouldStop = Callable[[], bool]
MAX_ITERATIONS = 10_000_000  # all heads together; the command line's cap on a run


@dataclass(frozen=True)
class HeadResult:
    """One head's run: the validation numbers at each epoch's end."""

    head: LoopHead
    evaluations: tuple[Evaluation, ...]
    diverged_at: int | None  # the iteration whose loss was not finite, if any

    @property
    def val_accuracy(self) -> float:
        """After the last epoch (NaN when the run diverged before it)."""
        last = self._last()
        return math.nan if last is None or last.val_accuracy is None else last.val_accuracy

    @property
    def val_loss(self) -> float:
        last = self._last()
        return math.nan if last is None else last.val_loss

    def _last(self) -> Evaluation | None:
        return self.evaluations[-1] if self.evaluations else None


@dataclass(frozen=True)
class HeadComparison:
    config: Config  # the run every head starts from (its own output head included)
    epochs: int
    batches: int  # iterations each head trains for
    results: tuple[HeadResult, ...]


def head_config(config: Config, head: LoopHead) -> Config:
    """`config` with `head`'s output activation and loss; everything else kept."""
    return config.replace(activations=(*config.activations[:-1], head.activation), loss=head.loss)


def check_comparable(config: Config) -> None:
    """Refuse (EngineError, one line) a run the comparison cannot be made on."""
    if not config.has_layers:
        raise EngineError(
            translate(
                "EngineError",
                "the head comparison needs a network, not a test function",
            )
        )
    if not config.dataset:
        raise EngineError(
            translate(
                "EngineError",
                "the head comparison needs a classification dataset, e.g. digits: "
                "this run has no dataset",
            )
        )
    samples = run_samples(config)
    if not samples.classification or len(samples.train.classes) < 2:
        raise EngineError(
            translate(
                "EngineError",
                "the head comparison needs a classification dataset with at least 2 classes",
            )
        )
    if len(samples.val) == 0:
        raise EngineError(
            translate(
                "EngineError",
                "the head comparison needs held-out data: set a validation share above 0",
            )
        )


def compare_loop_heads(
    config: Config,
    heads: tuple[LoopHead, ...] = LOOP_HEADS,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> HeadComparison | None:
    """Each head trained for the config's epochs (one when not set); None when stopped."""
    check_comparable(config)
    epochs = config.epochs or 1
    steppers = [Stepper(head_config(config, head)) for head in heads]
    batches = steppers[0].timeline.per_epoch * epochs
    steppers[0].check_history_room(batches)
    total = batches * len(heads)
    if total > MAX_ITERATIONS:
        text = translate(
            "EngineError",
            "the head comparison may train at most {most:,} batches in all, got {total:,}",
        )
        raise EngineError(text.format(most=MAX_ITERATIONS, total=total))
    results = []
    for index, (head, stepper) in enumerate(zip(heads, steppers, strict=True)):
        report = _offset_progress(progress, index * batches, total)
        run = stepper.run(batches, progress=report, should_stop=should_stop)
        if run.cancelled:
            return None
        results.append(HeadResult(head, stepper.trajectory.evaluations, run.diverged_at))
        if progress is not None:
            progress((index + 1) * batches, total)
    return HeadComparison(config, epochs, batches, tuple(results))


def _offset_progress(progress: Progress | None, before: int, total: int):
    if progress is None:
        return None
    return lambda done: progress(before + done, total)
