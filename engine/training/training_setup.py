"""What one training run is made of: the model, its data, its loss and its optimizer."""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor

from engine.models.build import build_model
from engine.models.config import Config
from engine.models.function_model import FunctionModel
from engine.models.losses import CLASS_LOSSES, Loss, on_class_indices
from engine.models.mlp import MLP
from engine.training.loop_data import DEFAULT_EPOCHS, LoopData
from engine.training.optimizer_state import LazyOptimizer
from engine.training.run_data import RunData
from engine.training.run_schedule import schedule_steps


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
    # A dataset, mini-batches or a validation set (None: the config's rows, one fixed batch);
    # x and target are then the current batch, replaced at the start of each iteration.
    loop: LoopData | None = None
    batch_indices: tuple[int, ...] = ()  # the samples x holds, when it is a mini-batch

    @classmethod
    def build(cls, config: Config) -> TrainingSetup:
        model = build_model(config)
        loop = None
        if config.dataset or config.batch_size or config.val_share:
            loop = LoopData(config, model.as_tensor)
            x, target = loop.train_x, loop.train_y
        else:
            x, target = model.data(config)
        trainable = [p for p in model.parameters() if p.requires_grad]
        labels = [info.label for info in model.params]
        loss_fn = model.loss_function(config)
        if loop is not None and loop.samples.classification and config.loss in CLASS_LOSSES:
            loss_fn = on_class_indices(loss_fn)
        per_epoch = loop.per_epoch if loop is not None else 1
        epochs = config.epochs or DEFAULT_EPOCHS
        steps = schedule_steps(config, per_epoch, epochs)
        optimizer = LazyOptimizer(config, trainable, steps)
        data = RunData(x, target)
        return cls(config, model, x, target, loss_fn, trainable, labels, optimizer, data, loop)

    def use_batch(self, iteration: int) -> Tensor | None:
        """x and target become iteration `iteration`'s batch; its sample indices (None when
        every iteration trains on the whole set)."""
        if self.loop is None or not self.loop.batched:
            return None
        self.x, self.target, indices = self.loop.batch(iteration)
        self.data.version += 1  # what was built from the inputs is built again
        self.batch_indices = tuple(indices.tolist())
        return indices
