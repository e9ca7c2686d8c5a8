"""The one place that chooses a model's class: by the config's family."""

from __future__ import annotations

from collections.abc import Callable

from engine.models.config import FUNCTION, NETWORK, Config
from engine.models.function_model import FunctionModel
from engine.models.mlp import MLP

TrainableModelClass = Callable[[Config], "MLP | FunctionModel"]
MODEL_CLASSES: dict[str, TrainableModelClass] = {NETWORK: MLP, FUNCTION: FunctionModel}


def build_model(config: Config) -> MLP | FunctionModel:
    """A test function's coordinates, or a layered network (both satisfy TrainableModel)."""
    return MODEL_CLASSES[config.family](config)
