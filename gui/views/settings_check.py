"""From the settings form's values to a Config: the checks the form's fields cannot make alone.

The Config is built on top of the one in use, so data, starting values and anything without a
field are kept; the engine's own checks (Config.replace) come last.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.fitted_data import fitted_data
from engine.models.presets import MAZUR, PRESETS
from engine.models.run_samples import whole_set_shape

# Fields a test function does not have: it is f(x, y), not a network.
NETWORK_FIELDS = ("layers", "activations", "loss", "train_biases", "published_variant")


def tr(text: str) -> str:
    """These messages are shown by the settings panel, in its context."""
    return QCoreApplication.translate("SettingsPanel", text)


class FieldRefused(ValueError):
    """One field's value does not fit the rest of the settings: the message is for that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def assemble(base: Config, values: dict[str, Any]) -> Config:
    """The Config these values describe on top of `base`.

    New first or last layer sizes bring data of their shape (Config.replace keeps the values
    that fit and draws the rest, engine.models.fitted_data). Raises EngineError (from
    Config.replace) when the engine refuses the combination.
    """
    values = dict(values)
    if not base.has_layers:
        for name in NETWORK_FIELDS:
            values.pop(name, None)
        values.pop("dataset", None)  # f(x, y) has no data; the engine refuses the rest
    elif values.get("dataset", base.dataset) != base.dataset:
        values.update(fitted_to_data(base, values))
    return base.replace(**values)


def fitted_to_data(base: Config, values: dict[str, Any]) -> dict[str, Any]:
    """A new dataset brings the first and last layer sizes of its samples (the hidden layers
    and the loss stay the learner's), unless the learner typed new sizes too. Going back to
    the run's own rows takes the preset's (Mazur's when it names a dataset), fitted to the
    layers."""
    dataset = values["dataset"]
    layers = tuple(values.get("layers", base.layers))
    seed = values.get("seed", base.seed)
    if dataset:
        try:
            inputs, outputs = whole_set_shape(dataset, seed)
        except EngineError as error:
            raise FieldRefused("dataset", str(error)) from None
        if layers == base.layers:
            layers = (inputs, *layers[1:-1], outputs)
        return {"inputs": (), "targets": (), "layers": layers}
    source = PRESETS.get(base.preset)
    if source is None or not source.inputs:
        source = MAZUR
    if layers == base.layers:
        layers = (len(source.inputs[0]), *layers[1:-1], len(source.targets[0]))
    inputs, targets = fitted_data(source.inputs, source.targets, layers, seed)
    return {
        "inputs": inputs,
        "targets": targets,
        "layers": layers,
    }  # new input or output sizes get data of their shape
