"""--scheduler NAME:k=v: the real class's keywords, typed like their defaults; one-line refusals."""

from __future__ import annotations

import inspect

import pytest
from torch.optim import lr_scheduler

from engine.core.errors import EngineError
from engine.core.i18n import set_translator
from engine.models.schedule_spec import (
    SCHEDULER_NAMES,
    SCHEDULER_STEPS,
    TORCH_SCHEDULERS,
    SchedulerSpec,
    check_fits_optimizer,
    keyword_kinds,
    parse_scheduler,
)


def test_nothing_given_is_no_schedule() -> None:
    assert parse_scheduler("") is None and parse_scheduler("   ") is None
    assert SCHEDULER_STEPS == ("batch", "epoch")


@pytest.mark.parametrize("name", SCHEDULER_NAMES)
def test_names_are_case_insensitive_and_come_back_canonical(name: str) -> None:
    for spelling in (name, name.lower(), name.upper()):
        assert parse_scheduler(spelling) == SchedulerSpec(name, ())


def test_values_take_the_type_of_the_keywords_default() -> None:
    spec = parse_scheduler("steplr:step_size=2,gamma=0.5")
    assert spec == SchedulerSpec("StepLR", (("step_size", 2), ("gamma", 0.5)))
    assert isinstance(spec.options[0][1], int) and isinstance(spec.options[1][1], float)
    one_cycle = parse_scheduler(
        "OneCycleLR: max_lr = 1e-3 , cycle_momentum=FALSE,three_phase=true,anneal_strategy=linear"
    )
    assert one_cycle is not None
    assert one_cycle.options == (
        ("max_lr", 0.001),
        ("cycle_momentum", False),
        ("three_phase", True),
        ("anneal_strategy", "linear"),
    )
    # a whole number where a float is expected is that float: gamma=1 is gamma=1.0
    assert parse_scheduler("ExponentialLR:gamma=1").options == (("gamma", 1.0),)
    assert isinstance(parse_scheduler("ExponentialLR:gamma=1").options[0][1], float)


@pytest.mark.parametrize(
    "text",
    [
        "StepLR:step_size=2,gamma=0.5",
        "CosineAnnealingLR:T_max=100,eta_min=0.001",
        "OneCycleLR:max_lr=0.1,pct_start=0.25,anneal_strategy=cos,cycle_momentum=false",
        "LinearLR:start_factor=0.1,total_iters=4",
        "WarmupCosine:warmup=5,start_factor=0.01,T_max=50,eta_min=0.0",
        "ExponentialLR",
    ],
)
def test_text_round_trips_through_parse(text: str) -> None:
    spec = parse_scheduler(text)
    assert spec is not None and spec.text() == text
    assert parse_scheduler(spec.text()) == spec


def test_a_float_round_trips_bit_for_bit() -> None:
    spec = parse_scheduler("ExponentialLR:gamma=0.1234567890123456789")
    assert parse_scheduler(spec.text()) == spec and spec.options[0][1] == 0.12345678901234568


@pytest.mark.parametrize("name", TORCH_SCHEDULERS)
def test_the_keywords_are_the_real_classes_own(name: str) -> None:
    """Read from inspect.signature, less what the run owns; StepLR's are step_size and gamma."""
    real = set(inspect.signature(getattr(lr_scheduler, name)).parameters)
    offered = set(keyword_kinds(name))
    assert offered <= real - {"optimizer", "last_epoch", "verbose"}
    assert offered  # every class has something to tune
    assert set(keyword_kinds("StepLR")) == {"step_size", "gamma"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Plateau", ["unknown scheduler 'Plateau'", "StepLR", "WarmupCosine"]),
        ("StepLR:step_size=2.5", ["step_size takes a whole number", "'2.5'"]),
        ("StepLR:step_size=0", ["step_size must be at least 1"]),
        ("StepLR:gamma=fast", ["gamma takes a finite number", "'fast'"]),
        ("StepLR:gamma=-0.5", ["gamma takes a finite number of 0 or more"]),
        ("StepLR:gamma=inf", ["gamma takes a finite number"]),
        ("StepLR:gamma=nan", ["gamma takes a finite number"]),
        ("StepLR:last_epoch=3", ["no keyword 'last_epoch'", "step_size, gamma"]),
        ("StepLR:optimizer=1", ["no keyword 'optimizer'"]),
        ("StepLR:verbose=true", ["no keyword 'verbose'"]),
        ("StepLR:stepsize=2", ["no keyword 'stepsize'", "step_size"]),
        ("StepLR:step_size", ["NAME:key=value"]),
        ("StepLR:=2", ["NAME:key=value"]),
        ("StepLR:step_size=2,,gamma=1", ["NAME:key=value"]),
        ("StepLR:gamma=0.5,gamma=0.1", ["gamma is given twice"]),
        ("OneCycleLR:three_phase=1", ["three_phase is true or false"]),
        ("OneCycleLR:anneal_strategy=exp", ["anneal_strategy is one of cos, linear"]),
        ("WarmupCosine:warmup=0", ["warmup must be at least 1"]),
        ("WarmupCosine:gamma=0.5", ["no keyword 'gamma'", "warmup, start_factor, T_max, eta_min"]),
    ],
)
def test_bad_text_is_refused_in_one_line(text: str, words: list[str]) -> None:
    with pytest.raises(EngineError) as caught:
        parse_scheduler(text)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_the_refusal_is_translated() -> None:
    set_translator(lambda context, text: "«" + text + "»" if context == "EngineError" else text)
    try:
        with pytest.raises(EngineError, match="^«unknown scheduler 'x'"):
            parse_scheduler("x")
    finally:
        set_translator(None)


def test_one_cycle_refuses_an_optimizer_whose_momentum_it_cannot_cycle() -> None:
    one_cycle = parse_scheduler("OneCycleLR")
    with pytest.raises(EngineError, match="adagrad does not have: add cycle_momentum=false"):
        check_fits_optimizer(one_cycle, "adagrad", 0.0)
    with pytest.raises(EngineError, match="give sgd a momentum above 0"):
        check_fits_optimizer(one_cycle, "sgd", 0.0)
    with pytest.raises(EngineError, match="give rmsprop a momentum above 0"):
        check_fits_optimizer(one_cycle, "rmsprop", 0.0)
    check_fits_optimizer(one_cycle, "sgd", 0.9)
    check_fits_optimizer(one_cycle, "adam", 0.0)  # it cycles β1
    check_fits_optimizer(parse_scheduler("OneCycleLR:cycle_momentum=false"), "adagrad", 0.0)
    check_fits_optimizer(parse_scheduler("StepLR"), "adagrad", 0.0)
    check_fits_optimizer(None, "adagrad", 0.0)
