"""Words, with numbers, for the lines of the loop around the model: the batch the DataLoader
hands over, gradient clipping, the scheduler's step, and the evaluation at an epoch's end."""

from __future__ import annotations

from collections.abc import Sequence

from engine.core.i18n import QT_TRANSLATE_NOOP
from engine.core.phrase import Phrase, phrase
from engine.explain.phases import Text
from engine.models.chain_rule import fmt

EXPLAIN = "Explain"
SHOWN_INDICES = 16  # a batch's sample numbers listed before "…"


def _say(template: str, **args: object) -> Phrase:
    return phrase(EXPLAIN, template, **args)


def batch(epoch: int, number: int, per_epoch: int, indices: Sequence[int], total: int) -> Text:
    """`for xb, yb in loader:` has handed over batch `number` (1-based) of epoch `epoch`."""
    shown = ", ".join(str(i) for i in indices[:SHOWN_INDICES])
    if len(indices) > SHOWN_INDICES:
        shown += ", …"
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "The DataLoader hands over batch {number} of {per_epoch} in epoch {epoch}: "
                "{size} of the {total} training samples, drawn in the order its seeded "
                "generator shuffled them. Everything below is computed on this batch alone.",
            ),
            number=number,
            per_epoch=per_epoch,
            epoch=epoch,
            size=len(indices),
            total=total,
        ),
        (_say(QT_TRANSLATE_NOOP("Explain", "samples {indices}"), indices=shown),),
    )


def clip_norm(limit: float, before: float, after: float, scale: float) -> Text:
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "clip_grad_norm_ measures all gradients together as one vector. Its length "
                "{before} is {compared} the limit {limit}, so every gradient is multiplied by "
                "the same factor s = {scale}: the direction stays, the length is at most the "
                "limit.",
            ),
            before=fmt(before),
            compared=_compared(before, limit),
            limit=fmt(limit),
            scale=fmt(scale),
        ),
        (
            f"‖g‖ = {fmt(before)}",
            f"s = min(1, {fmt(limit)} / (‖g‖ + 1e-6)) = {fmt(scale)}",
            f"‖g‖ after = {fmt(after)}",
        ),
    )


def _compared(norm: float, limit: float) -> Phrase:
    if norm > limit:
        return _say(QT_TRANSLATE_NOOP("Explain", "above"))
    return _say(QT_TRANSLATE_NOOP("Explain", "within"))


def clip_value(limit: float, before: float, after: float, clipped: int) -> Text:
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "clip_grad_value_ clamps each gradient on its own into [−{limit}, {limit}]: "
                "{clipped} of them were outside and now sit at the limit, which can turn the "
                "overall direction.",
            ),
            limit=fmt(limit),
            clipped=clipped,
        ),
        (
            f"g = clamp(∂E/∂p, −{fmt(limit)}, {fmt(limit)})",
            f"‖g‖: {fmt(before)} → {fmt(after)}",
        ),
    )


def schedule(name: str, before: float, after: float, steps: int) -> Text:
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "scheduler.step() moves the {name} schedule on (step {steps}): the learning "
                "rate the next optimizer.step() uses goes from {before} to {after}.",
            ),
            name=name,
            steps=steps,
            before=fmt(before),
            after=fmt(after),
        ),
        (f"lr: {fmt(before)} → {fmt(after)}",),
    )


def eval_mode(epoch: int) -> Text:
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "Epoch {epoch} has seen every training sample once. model.eval() switches "
                "layers such as dropout and batch norm to evaluation; this network has none, "
                "so its outputs do not change, but the loop says what it means.",
            ),
            epoch=epoch,
        ),
        ("model.eval()",),
    )


def evaluate(
    epoch: int, train_loss: float, val_loss: float, accuracy: float | None, count: int
) -> Text:
    lines = [f"train loss (mean of the epoch's batches) = {fmt(train_loss)}"]
    lines.append(f"val loss = {fmt(val_loss)}")
    if accuracy is not None:
        lines.append(f"val accuracy = {accuracy:.1%}")
    return Text(
        _say(
            QT_TRANSLATE_NOOP(
                "Explain",
                "With torch.no_grad() the {count} validation samples go through the model "
                "without building a graph: no gradient, no update, only the numbers that say "
                "how well epoch {epoch} generalises.",
            ),
            count=count,
            epoch=epoch,
        ),
        tuple(lines),
    )
