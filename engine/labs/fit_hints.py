"""Why a classifier cannot fit its data, in one plain sentence, when the app can name a reason.

The rules are a table: each names a reason (a boundary the hidden layer cannot draw, a linear
network, a learning rate that overshoots or barely moves, a plateau, ...), when it applies,
and the sentence that says what to try. Rules judged from the settings alone are shown before
training; after training a hint appears only while accuracy stays low, and the first rule in
the table that applies is the one shown. The capacities and the suggested settings were
measured on the built-in datasets with the playground's defaults (300 epochs, seeds 0 to 3):
one hidden layer of 8 tanh units reaches about 54 % on the spiral, two layers of 32 relu units
97 to 99 %.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from engine.core.i18n import QT_TRANSLATE_NOOP, translate
from engine.labs.playground import EpochRecord, Playground

GOOD_ACCURACY = 0.9  # train and test at least this: the settings fit, no hint
FLAT = 0.1  # a loss that fell by less than this share in all has hardly moved
PLATEAU_EPOCHS = 50
NEAR_CHANCE = 0.75  # a loss above this share of the chance loss has barely left guessing
MIN_EPOCHS = 5  # fewer epochs than this are too few to judge the loss by
RECENT_SHARE = 0.2  # "recent epochs": the last fifth of the history
STILL_FALLING = 0.05  # the loss fell by at least this share over the recent epochs
LARGE_INPUT = 10.0  # inputs beyond ±10 saturate tanh and make SGD with lr ~0.5 overshoot
PROPER_LOSS_HEADS = ("log_softmax", "sigmoid_bce")  # losses ≥ 0 whose size can be compared


@dataclass(frozen=True)
class FitFacts:
    """What the rules look at: the settings, the data's scale, and the history so far."""

    dataset: str | None  # a built-in dataset's name; None for the learner's own points
    hidden: tuple[int, ...]
    activation: str
    head: str
    lr: float
    input_size: float  # the largest |x| or |y| of the points
    history: tuple[EpochRecord, ...] = ()
    classes: int = 2

    @property
    def chance_loss(self) -> float:
        """The loss of guessing every class equally: ln K for cross-entropy, ln 2 per output
        for binary cross-entropy."""
        return math.log(self.classes if self.head == "log_softmax" else 2)

    @property
    def losses(self) -> list[float]:
        return [r.train_loss for r in self.history]

    @property
    def fits(self) -> bool:
        last = self.history[-1]
        return min(last.train_accuracy, last.test_accuracy) >= GOOD_ACCURACY

    def drop(self, since: int = 0) -> float:
        """The share by which the training loss fell from epoch `since` (0-based) to the last."""
        start, end = self.losses[since], self.losses[-1]
        return (start - end) / abs(start) if start else 0.0

    def fields(self) -> dict[str, object]:
        """Every number a rule's sentence may name."""
        losses = self.losses or [math.nan]
        last = self.history[-1] if self.history else None
        return {
            "units": self.hidden[0],
            "shape": _shape(self.hidden),
            "lr": f"{self.lr:g}",
            "smaller": f"{self.lr / 10:g}",
            "size": f"{self.input_size:.3g}",
            "epochs": len(self.history),
            "first": f"{losses[0]:.3g}",
            "last": f"{losses[-1]:.3g}",
            "lowest": f"{min(losses):.3g}",
            "highest": f"{max(losses):.3g}",
            "window": _window(len(self.history)),
            "chance": f"{self.chance_loss:.3g}",
            "earlier": f"{_window_means(losses)[0]:.3g}" if len(losses) > 1 else "",
            "lately": f"{_window_means(losses)[1]:.3g}" if len(losses) > 1 else "",
            "recent": f"{_recent_drop(self):.0%}" if len(losses) > 1 else "",
            "train": f"{last.train_accuracy:.0%}" if last else "",
            "test": f"{last.test_accuracy:.0%}" if last else "",
        }


@dataclass(frozen=True)
class FitRule:
    key: str
    template: str  # English, marked for translation; formatted with FitFacts.fields()
    applies: Callable[[FitFacts], bool]
    from_settings: bool  # judged before training, from the settings alone


@dataclass(frozen=True)
class Hint:
    key: str
    text: str


def _window(epochs: int) -> int:
    return max(1, min(epochs - 1, max(MIN_EPOCHS, round(RECENT_SHARE * epochs))))


def _shape(hidden: tuple[int, ...]) -> str:
    if len(hidden) == 1:
        return translate("FitHint", "one hidden layer of {units} units").format(units=hidden[0])
    sizes = ", ".join(str(n) for n in hidden)
    return translate("FitHint", "hidden layers of {sizes} units").format(sizes=sizes)


def _proper(f: FitFacts) -> bool:
    return f.head in PROPER_LOSS_HEADS and bool(f.history)


def _overshoots(f: FitFacts) -> bool:
    """The loss became inf or nan, ended far above its lowest, or jumps up and down."""
    if not f.history:
        return False
    losses = f.losses
    if not all(math.isfinite(v) for v in losses):
        return True
    if not _proper(f):
        return False
    lowest = min(losses)
    went_back_up = losses[-1] > 1.5 * lowest and losses[-1] - lowest > 0.1
    low_so_far, jumps = math.inf, False  # a recent rise by half or more, not a fall
    for loss in losses[-_window(len(losses)) - 1 :]:
        jumps |= loss > 1.5 * low_so_far and loss - low_so_far > 0.2
        low_so_far = min(low_so_far, loss)
    return went_back_up or jumps


def _window_means(values: list[float]) -> tuple[float, float]:
    """(the mean of the window before the last, the mean of the last window): single epochs
    are too noisy with mini-batches to compare."""
    w = _window(len(values))
    earlier, lately = values[-2 * w : -w], values[-w:]
    return sum(earlier) / len(earlier), sum(lately) / len(lately)


def _recent_drop(f: FitFacts) -> float:
    """The share by which the mean training loss fell from the window before to the last."""
    earlier, lately = _window_means(f.losses)
    return (earlier - lately) / abs(earlier) if earlier else 0.0


def _test_loss_rising(f: FitFacts) -> bool:
    """The test loss lately averages a fifth above its lowest while the train loss went on
    falling: the network fits the training points' noise."""
    if not _proper(f) or len(f.history) < MIN_EPOCHS:
        return False
    test = [r.test_loss for r in f.history]
    best = min(range(len(test)), key=test.__getitem__)
    lately = _window_means(test)[1]
    return lately > 1.2 * test[best] and _window_means(f.losses)[1] < f.losses[best]


def _memorised(f: FitFacts) -> bool:
    if not f.history:
        return False
    train, test = f.history[-1].train_accuracy, f.history[-1].test_accuracy
    return (train >= 0.95 and test < train - 0.15) or (_test_loss_rising(f) and test < train)


def _curved(f: FitFacts) -> bool:
    return f.dataset != "gaussians"


RULES: tuple[FitRule, ...] = (
    FitRule(
        "large_inputs",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "Your points reach {size}: inputs that large saturate the hidden units and make SGD "
            "overshoot — scale x and y to about −1 … 1.",
        ),
        lambda f: f.input_size > LARGE_INPUT,
        from_settings=True,
    ),
    FitRule(
        "overshoot",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "The loss jumps up and down (between {lowest} and {highest}): a learning rate of "
            "{lr} overshoots — try {smaller}.",
        ),
        _overshoots,
        from_settings=False,
    ),
    FitRule(
        "nll_without_log",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "NLL on sigmoid or tanh outputs only rewards the right class and never pushes the "
            "others down — choose log_softmax + NLL (cross-entropy).",
        ),
        lambda f: f.head in ("sigmoid", "tanh"),
        from_settings=True,
    ),
    FitRule(
        "step",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "The step function's gradient is 0 everywhere, so the hidden layers never learn — "
            "choose tanh or relu.",
        ),
        lambda f: f.activation == "step",
        from_settings=True,
    ),
    FitRule(
        "linear",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "With identity hidden units the whole network is linear: it draws one straight "
            "line, and these points need a curved boundary — choose tanh or relu.",
        ),
        lambda f: f.activation == "identity" and _curved(f),
        from_settings=True,
    ),
    FitRule(
        "circle_too_small",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "A circle needs a closed boundary of at least 3 lines, but {units} unit(s) in the "
            "first hidden layer draw only {units} — try 4 or more.",
        ),
        lambda f: f.dataset == "circle" and f.hidden[0] < 3,
        from_settings=True,
    ),
    FitRule(
        "xor_too_small",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "XOR's four quarters need about 3 lines, but {units} unit(s) in the first hidden "
            "layer draw only {units} — try 4 or more.",
        ),
        lambda f: f.dataset == "xor" and f.hidden[0] < 3,
        from_settings=True,
    ),
    FitRule(
        "spiral_too_small",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "A spiral winds one and a half turns: {shape} cannot bend the boundary that often "
            "— try two layers of 32 relu units (32, 32).",
        ),
        lambda f: f.dataset == "spiral" and (len(f.hidden) < 2 or min(f.hidden) < 16),
        from_settings=True,
    ),
    FitRule(
        "memorised",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "Train accuracy {train} but test {test}: the network memorised the training "
            "points and more epochs will not help — try fewer units or more points.",
        ),
        _memorised,
        from_settings=False,
    ),
    FitRule(
        "few_epochs",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "Only {epochs} epoch(s) so far: a network needs many passes over the points — "
            "train for more epochs.",
        ),
        lambda f: 0 < len(f.history) < MIN_EPOCHS,
        from_settings=False,
    ),
    FitRule(
        "tiny_learning_rate",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "A learning rate of {lr} barely moves the weights: the loss went only from {first} "
            "to {last} in {epochs} epochs — try 0.1 to 0.5.",
        ),
        lambda f: _proper(f) and f.lr <= 0.01 and f.drop() < FLAT,
        from_settings=False,
    ),
    FitRule(
        "plateau",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "The loss is stuck near that of guessing ({chance}): it averaged {earlier} over "
            "{window} epochs and {lately} over the last {window}. The network sits on a plateau — "
            "train longer (tanh nets often break through after a few hundred epochs), or change "
            "the activation or the learning rate.",
        ),
        lambda f: (
            _proper(f)
            and len(f.history) >= PLATEAU_EPOCHS
            and _recent_drop(f) < STILL_FALLING
            and _window_means(f.losses)[1] >= NEAR_CHANCE * f.chance_loss
        ),
        from_settings=False,
    ),
    FitRule(
        "still_learning",
        QT_TRANSLATE_NOOP(
            "FitHint",
            "Still learning: the loss averaged {earlier} over {window} epochs and {lately} over "
            "the last {window}, {recent} lower — train for more epochs.",
        ),
        lambda f: (
            _proper(f)
            and len(f.history) > 1
            and _recent_drop(f) >= STILL_FALLING
            and not _test_loss_rising(f)
        ),
        from_settings=False,
    ),
)


def fit_hint(facts: FitFacts, rules: tuple[FitRule, ...] = RULES) -> Hint | None:
    """The first rule that explains low accuracy (before training: the first settings rule
    that applies); None when the settings fit or no rule names a reason."""
    if facts.history and facts.fits:
        return None
    for rule in rules:
        if (rule.from_settings or facts.history) and rule.applies(facts):
            text = translate("FitHint", rule.template).format(**facts.fields())
            return Hint(rule.key, text)
    return None


def facts_of(playground: Playground) -> FitFacts:
    c = playground.config
    return FitFacts(
        dataset=c.dataset if playground.builtin else None,
        hidden=c.hidden,
        activation=c.activation,
        head=c.head,
        lr=c.lr,
        input_size=float(abs(playground.data.xy).max()),
        history=tuple(playground.history),
        classes=playground.data.classes,
    )
