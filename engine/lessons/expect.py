"""What a step says the app shows, checked against the app's actual state.

A step's `expect` table names what its text describes (a parameter's value, the phase, the
tab...); the player gathers a LessonState from the window and `failures` compares the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engine.core.snapshot import PHASES
from engine.lessons.actions import LABS, TABS
from engine.lessons.arguments import Arg, check_args
from engine.lessons.loop_facts import LoopFacts
from engine.models.chain_rule import fmt

DEFAULT_TOLERANCE = 1e-9  # absolute: "to 9 digits" for the published figures

EXPECT: dict[str, Arg] = {
    "phase": Arg("str", choices=PHASES),
    "focus": Arg("str"),
    "iteration": Arg("int", low=1),  # as the status bar shows it (the first is 1)
    "completed": Arg("int", low=0),
    "diverged": Arg("bool"),
    "tab": Arg("str", choices=TABS),
    "lab": Arg("str", choices=LABS),
    "params": Arg("numbers"),
    "grads": Arg("numbers"),
    "cleared": Arg("labels"),  # parameters whose .grad is shown as cleared
    "loss": Arg("float"),
    "loss_below": Arg("float"),
    "loss_above": Arg("float"),
    "tolerance": Arg("float", low=0),
    "highlighted": Arg("str"),
    "race_leader": Arg("str"),
    "basins_reached": Arg("int", low=0),
    "lab_slope": Arg("float"),
    "vanishing_ratio": Arg("numbers"),  # first/last gradient norm per activation, within 1%
    # The loop around the model (engine.lessons.loop_facts)
    "batch_size": Arg("int", low=1),  # samples in the current batch
    "epoch": Arg("int", low=1),  # of the iteration shown, 1-based
    "batch": Arg("int", low=1),  # within its epoch, 1-based
    "lr": Arg("float"),  # the learning rate the next step uses, within `tolerance`
    "clip_scale": Arg("float"),  # clip_grad_norm_'s factor, within `tolerance`
    "evaluated": Arg("int", low=0),  # epochs evaluated on the validation set so far
    "train_loss": Arg("float"),  # the last evaluated epoch's mean batch loss, within `tolerance`
    "val_loss": Arg("float"),  # its validation loss, within `tolerance`
    "val_accuracy_above": Arg("float"),  # its validation accuracy is at least this
    "val_accuracy_below": Arg("float"),  # ... below this
}
RATIO_TOLERANCE = 0.01


@dataclass(frozen=True)
class LessonState:
    """What the window shows now, in the terms an `expect` table uses."""

    phase: str
    focus: str | None
    iteration: int
    completed: int
    diverged: bool
    tab: str
    lab: str
    params: Mapping[str, float]
    grads: Mapping[str, float | None]
    loss: float | None
    highlighted: str = ""
    race_leader: str | None = None
    basins_reached: int | None = None  # None until a basin map was computed
    lab_slope: float | None = None  # f′ at the activation lab's point
    vanishing_ratio: Mapping[str, float] | None = None  # the vanishing lab's last result
    loop: LoopFacts | None = None  # the batch, epoch, lr, clip and evaluations


def check_expect(expect: Mapping[str, Any], where: str) -> None:
    check_args(expect, EXPECT, where)


def failures(expect: Mapping[str, Any], state: LessonState) -> list[str]:
    """One line per expectation the state does not meet; empty when all hold."""
    tol = float(expect.get("tolerance", DEFAULT_TOLERANCE))
    found: list[str] = []
    for key in ("phase", "focus", "iteration", "completed", "diverged", "tab", "lab",
                "highlighted", "race_leader", "basins_reached"):  # fmt: skip
        if key in expect and getattr(state, key) != expect[key]:
            found.append(f"{key} is {getattr(state, key)!r}, expected {expect[key]!r}")
    for key in ("params", "grads"):
        shown = getattr(state, key)
        for label, wanted in expect.get(key, {}).items():
            found += _near(f"{key}.{label}", shown.get(label), wanted, tol)
    for label in expect.get("cleared", []):
        if label not in state.grads or state.grads[label] is not None:
            found.append(f"grads.{label} is {state.grads.get(label)}, expected cleared")
    for name, wanted in expect.get("vanishing_ratio", {}).items():
        shown = (state.vanishing_ratio or {}).get(name)
        if shown is None or abs(shown - wanted) > RATIO_TOLERANCE * abs(wanted):
            found.append(f"vanishing_ratio.{name} is {shown}, expected {wanted:g} ± 1%")
    if "loss" in expect:
        found += _near("loss", state.loss, expect["loss"], tol)
    if "lab_slope" in expect:
        found += _near("lab_slope", state.lab_slope, expect["lab_slope"], tol)
    found += _loop_failures(expect, state.loop, tol)
    if "loss_below" in expect and not (
        state.loss is not None and state.loss < expect["loss_below"]
    ):
        found.append(f"loss is {state.loss}, expected below {expect['loss_below']}")
    if "loss_above" in expect and not (
        state.loss is not None and state.loss > expect["loss_above"]
    ):
        found.append(f"loss is {state.loss}, expected above {expect['loss_above']}")
    return found


def _loop_failures(expect: Mapping[str, Any], loop: LoopFacts | None, tol: float) -> list[str]:
    """The expectations about the loop around the model (engine.lessons.loop_facts)."""
    found: list[str] = []
    shown = {
        "batch_size": loop and loop.batch_size,
        "epoch": loop and loop.epoch,
        "batch": loop and loop.batch,
        "evaluated": loop and len(loop.evaluations),
    }
    for key, value in shown.items():
        if key in expect and value != expect[key]:
            found.append(f"{key} is {value!r}, expected {expect[key]!r}")
    last = loop.evaluations[-1] if loop and loop.evaluations else None
    near = {
        "lr": loop and loop.lr,
        "clip_scale": loop and loop.clip_scale,
        "train_loss": last and last.train_loss,
        "val_loss": last and last.val_loss,
    }
    for key, value in near.items():
        if key in expect:
            found += _near(key, value, expect[key], tol)
    accuracy = last.val_accuracy if last is not None else None
    if "val_accuracy_above" in expect and not (
        accuracy is not None and accuracy >= expect["val_accuracy_above"]
    ):
        wanted = expect["val_accuracy_above"]
        found.append(f"val_accuracy is {accuracy}, expected at least {wanted}")
    if "val_accuracy_below" in expect and not (
        accuracy is not None and accuracy < expect["val_accuracy_below"]
    ):
        found.append(f"val_accuracy is {accuracy}, expected below {expect['val_accuracy_below']}")
    return found


def _near(name: str, value: float | None, wanted: float, tol: float) -> list[str]:
    if value is not None and abs(value - wanted) <= tol:
        return []
    shown = "not shown" if value is None else fmt(value)
    return [f"{name} is {shown}, expected {wanted} ± {tol:g}"]
