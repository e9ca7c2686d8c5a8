"""A hint names why a classifier cannot fit its data: the spiral with the defaults gets one, a
setting measured to fit it gets none, and each rule fires on the history that shows its reason."""

from __future__ import annotations

import dataclasses
import math

import pytest

from engine.labs.fit_hints import GOOD_ACCURACY, RULES, FitFacts, facts_of, fit_hint
from engine.labs.playground import EpochRecord, Playground, PlaygroundConfig

LAB_EPOCHS = 300  # the lab's "stop at" default


def trained(**settings: object) -> Playground:
    playground = Playground(PlaygroundConfig(**settings))
    playground.train_epochs(LAB_EPOCHS)
    return playground


def test_the_spiral_with_the_defaults_gets_the_hint_before_and_after_training() -> None:
    playground = Playground(PlaygroundConfig(dataset="spiral"))
    before = fit_hint(facts_of(playground))
    assert before is not None and before.key == "spiral_too_small"
    playground.train_epochs(LAB_EPOCHS)
    assert playground.history[-1].test_accuracy < 0.6  # the 54 % a learner meets
    after = fit_hint(facts_of(playground))
    assert after == before
    assert after.text == (
        "A spiral winds one and a half turns: one hidden layer of 8 units cannot bend the "
        "boundary that often — try two layers of 32 relu units (32, 32)."
    )


def test_the_setting_the_spiral_hint_suggests_fits_the_spiral_and_gets_no_hint() -> None:
    settings = {"dataset": "spiral", "hidden": (32, 32), "activation": "relu"}
    assert fit_hint(facts_of(Playground(PlaygroundConfig(**settings)))) is None
    playground = trained(**settings)
    last = playground.history[-1]
    assert last.test_accuracy >= 0.9 and last.train_accuracy >= 0.9  # measured: 98 %, 99 %
    assert fit_hint(facts_of(playground)) is None


def test_a_learning_rate_that_overshoots_is_named_with_the_losses_it_jumped_between() -> None:
    playground = trained(dataset="circle", lr=5.0, activation="relu")
    losses = [r.train_loss for r in playground.history]
    hint = fit_hint(facts_of(playground))
    assert hint is not None and hint.key == "overshoot"
    assert f"between {min(losses):.3g} and {max(losses):.3g}" in hint.text
    assert "a learning rate of 5 overshoots — try 0.5." in hint.text


def test_a_tiny_learning_rate_is_named_with_the_loss_it_barely_moved() -> None:
    playground = trained(dataset="circle", lr=0.001)
    first, last = playground.history[0].train_loss, playground.history[-1].train_loss
    hint = fit_hint(facts_of(playground))
    assert hint is not None and hint.key == "tiny_learning_rate"
    assert f"from {first:.3g} to {last:.3g} in 300 epochs" in hint.text


def test_a_tanh_network_big_enough_for_the_spiral_is_told_it_sits_on_a_plateau() -> None:
    playground = trained(dataset="spiral", hidden=(16, 16))
    losses = [r.train_loss for r in playground.history]
    earlier, lately = sum(losses[-120:-60]) / 60, sum(losses[-60:]) / 60
    assert lately >= 0.75 * math.log(2)  # near the loss of guessing
    hint = fit_hint(facts_of(playground))
    assert hint is not None and hint.key == "plateau"
    assert hint.text.startswith(
        f"The loss is stuck near that of guessing ({math.log(2):.3g}): it averaged "
        f"{earlier:.3g} over 60 epochs and {lately:.3g} over the last 60."
    )


# -- each rule on a history made for it ---------------------------------------------------------
def history(losses: list[float], train: float = 0.6, test: float = 0.6) -> tuple:
    return tuple(
        EpochRecord(epoch, loss, train, loss, test) for epoch, loss in enumerate(losses, start=1)
    )


def overfitting() -> tuple:
    """The train loss falls for 40 epochs; the test loss bottoms out at epoch 10, then rises."""
    return tuple(
        EpochRecord(e, 0.7 - 0.01 * e, 0.85, 0.4 + 0.01 * abs(e - 10), 0.75) for e in range(1, 41)
    )


BASE = FitFacts(
    dataset="circle", hidden=(8,), activation="tanh", head="log_softmax", lr=0.5, input_size=1.0
)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"history": history([0.7, math.nan])}, "overshoot"),
        ({"history": history([0.7, 0.5, 0.4, 0.9])}, "overshoot"),
        ({"input_size": 3e4}, "large_inputs"),
        ({"head": "tanh"}, "nll_without_log"),
        ({"activation": "step"}, "step"),
        ({"activation": "identity"}, "linear"),
        ({"activation": "identity", "dataset": None}, "linear"),
        ({"hidden": (2, 16)}, "circle_too_small"),
        ({"dataset": "xor", "hidden": (1,)}, "xor_too_small"),
        ({"dataset": "spiral", "hidden": (64,)}, "spiral_too_small"),
        ({"dataset": "spiral", "hidden": (32, 8)}, "spiral_too_small"),
        ({"lr": 0.01, "history": history([0.7] * 10 + [0.68])}, "tiny_learning_rate"),
        ({"history": history([0.7] * 60)}, "plateau"),
        ({"history": history([1.1] * 60), "classes": 3}, "plateau"),
        ({"history": history([0.7 - 0.005 * k for k in range(60)])}, "still_learning"),
        ({"history": history([0.7, 0.68], train=1.0, test=0.7)}, "memorised"),
        ({"history": history([0.7, 0.4])}, "few_epochs"),
        ({"history": overfitting()}, "memorised"),
    ],
)
def test_each_rule_fires_on_the_facts_that_show_its_reason(changes: dict, key: str) -> None:
    hint = fit_hint(dataclasses.replace(BASE, **changes))
    assert hint is not None and hint.key == key
    assert "{" not in hint.text and "\n" not in hint.text


@pytest.mark.parametrize(
    "changes",
    [
        {},  # 8 tanh units are enough for a circle
        {"dataset": "gaussians", "activation": "identity"},  # a line separates two blobs
        {"dataset": None, "hidden": (1,)},  # own points: no capacity is known
        {"history": history([0.7] * 60, train=GOOD_ACCURACY, test=GOOD_ACCURACY)},
        {"head": "tanh", "history": history([0.7, 0.5], train=0.95, test=0.93)},
        {"history": history([0.7] * 8 + [0.69, 0.68])},  # no reason the app can name
        {"history": history([0.4] * 60)},  # stuck, but far from guessing: noisy data
        {"history": history([0.7] * 60), "classes": 3},  # well below ln 3: not guessing
    ],
)
def test_no_hint_when_the_settings_fit_or_no_reason_can_be_named(changes: dict) -> None:
    assert fit_hint(dataclasses.replace(BASE, **changes)) is None


def test_numbers_in_the_sentences_are_the_facts_numbers() -> None:
    losses = [0.7 - 0.01 * k for k in range(20)]
    hint = fit_hint(dataclasses.replace(BASE, history=history(losses)))
    earlier, lately = sum(losses[10:15]) / 5, sum(losses[15:]) / 5  # 0.58 and 0.53
    assert hint.text == (
        f"Still learning: the loss averaged {earlier:.3g} over 5 epochs and {lately:.3g} over the "
        f"last 5, {(earlier - lately) / earlier:.0%} lower — train for more epochs."
    )
    hint = fit_hint(dataclasses.replace(BASE, history=history([0.7, 0.6, 0.5])))
    assert hint.text.startswith("Only 3 epoch(s) so far:")
    hint = fit_hint(dataclasses.replace(BASE, history=history([0.5, 0.3], train=0.97, test=0.62)))
    assert hint.text.startswith("Train accuracy 97% but test 62%:")
    hint = fit_hint(dataclasses.replace(BASE, dataset="xor", hidden=(2, 5)))
    assert "but 2 unit(s) in the first hidden layer draw only 2" in hint.text
    hint = fit_hint(dataclasses.replace(BASE, dataset="spiral", hidden=(8, 8)))
    assert "hidden layers of 8, 8 units cannot bend" in hint.text


def test_the_first_rule_in_the_table_wins_and_every_key_is_unique() -> None:
    keys = [rule.key for rule in RULES]
    assert len(set(keys)) == len(keys)
    both = dataclasses.replace(BASE, activation="step", hidden=(2,))  # step and too small
    assert fit_hint(both).key == "step"
    assert fit_hint(both, RULES[keys.index("circle_too_small") :]).key == "circle_too_small"


def test_own_points_are_judged_by_their_history_and_scale() -> None:
    from engine.labs.datasets import Points, make_dataset

    ring = make_dataset("circle", 200, 0.05, seed=1)
    scaled = Points("mine", ring.xy * 5e4, ring.labels, ("in", "out"))
    playground = Playground(PlaygroundConfig(), scaled)
    facts = facts_of(playground)
    assert facts.dataset is None and facts.input_size == pytest.approx(abs(ring.xy).max() * 5e4)
    assert fit_hint(facts).key == "large_inputs"
    assert facts_of(Playground(PlaygroundConfig(dataset="xor"))).dataset == "xor"
