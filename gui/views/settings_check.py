"""From the settings form's values to a Config: the checks the form's fields cannot make alone.

The Config is built on top of the one in use, so data, starting values and anything without a
field are kept; the engine's own checks (Config.replace) come last.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from engine.models.config import Config

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
    return base.replace(**values)  # new input or output sizes get data of their shape
