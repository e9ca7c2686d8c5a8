"""What one training run is made of: the model, its data, its loss and its optimizer."""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor

from engine.models.build import build_model
from engine.models.config import Config
from engine.models.function_model import FunctionModel
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.training.optimizer_state import LazyOptimizer
from engine.training.run_data import RunData


@dataclass
class TrainingSetup:
    """The parts a run never replaces, built once from the config and shared by its pieces.

    Only `config` ever changes: optimizer hyperparameters changed between iterations
    (engine.training.live_settings) replace it, and going back restores the earlier one.
    """

    config: Config  # the settings in force now
    model: MLP | FunctionModel  # a TrainableModel
    x: Tensor
    target: Tensor
    loss_fn: Loss
    trainable: list[Tensor]  # the parameter tensors the optimizer updates
    labels: list[str]  # every scalar parameter's label, in storage order
    optimizer: LazyOptimizer
    data: RunData  # x and target, as hand edits leave them

    @classmethod
    def build(cls, config: Config) -> TrainingSetup:
        model = build_model(config)
        x, target = model.data(config)
        trainable = [p for p in model.parameters() if p.requires_grad]
        labels = [info.label for info in model.params]
        loss_fn = model.loss_function(config)
        optimizer = LazyOptimizer(config, trainable)
        data = RunData(x, target)
        return cls(config, model, x, target, loss_fn, trainable, labels, optimizer, data)
