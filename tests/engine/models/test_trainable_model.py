"""Both models satisfy the written TrainableModel protocol, member for member."""

from __future__ import annotations

import inspect

import pytest

from engine.models.function_model import FunctionModel
from engine.models.mlp import MLP
from engine.models.presets import MAZUR, get_preset
from engine.models.trainable_model import TrainableModel
from engine.training.stepper import Stepper

MEMBERS = [
    name
    for name, member in vars(TrainableModel).items()
    if not name.startswith("_") and (callable(member) or isinstance(member, property))
]


@pytest.mark.parametrize(
    ("model_class", "config"), [(MLP, MAZUR), (FunctionModel, get_preset("rosenbrock"))]
)
def test_each_model_is_a_trainable_model(model_class, config) -> None:
    model = model_class(config)
    assert isinstance(model, TrainableModel)
    for name in ("device", "dtype", "neurons", "params", "index"):
        assert hasattr(model, name), name
    for name in MEMBERS:
        written = getattr(TrainableModel, name)
        actual = getattr(model_class, name)
        if isinstance(written, property):
            assert isinstance(getattr(model, name), int), name  # a property, or a constant
            continue
        wanted = list(inspect.signature(written).parameters)
        found = list(inspect.signature(actual).parameters)
        assert found[: len(wanted)] == wanted, (name, found, wanted)


def test_the_protocol_names_what_the_stepper_uses() -> None:
    """Every model member the stepper and its pieces call is written in the protocol."""
    import re
    from pathlib import Path

    import engine.training.stepper as stepper_module

    pieces = Path(stepper_module.__file__).parent
    names = ["stepper", "phases", "reveal", "checkpoints", "history", "fast_forward"]
    names += ["fast_batch", "snapshot_builder", "optimizer_state", "training_setup"]
    names += ["loop_steps", "fast_loop", "evaluation", "loop_data"]
    source = "\n".join((pieces / f"{name}.py").read_text(encoding="utf-8") for name in names)
    used = set(re.findall(r"self\.model\.(\w+)", source)) | set(
        re.findall(r"\b_?model\.(\w+)", source)
    )
    written = set(MEMBERS) | {"device", "dtype", "neurons", "params", "index"}
    extra = {"fn", "linears", "incoming", "weight_label", "activations"}
    assert used - written - extra == set()
    assert isinstance(Stepper(MAZUR).model, TrainableModel)
