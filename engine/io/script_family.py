"""What an exported script needs to know of the model's family, picked once by `config.family`.

A network and a test function make different scripts (an nn.Sequential and its data, or f(x, y)
and a point), so each family has one class that writes its parts, and the script asks the
family for them instead of asking which model it has.
"""

from __future__ import annotations

from typing import Protocol

from engine.io.script_function import FunctionScript
from engine.io.script_network import NetworkScript
from engine.models.config import FUNCTION, NETWORK, Config
from engine.models.parameters import ParamInfo
from engine.models.trainable_model import TrainableModel


class ScriptFamily(Protocol):
    def check_names(self, config: Config) -> None:
        """Refuse any name of the family's own settings that the script's tables do not hold."""
        ...

    def imports(self, config: Config) -> list[str]: ...

    def summary(self, config: Config, optimizer: str) -> str:
        """The settings in a few words, for the script's docstring."""
        ...

    def body(self, config: Config, model: TrainableModel) -> list[str]:
        """From the helper classes to the optimizer: what the training loop uses."""
        ...

    def forward_and_loss(self, config: Config) -> list[str]:
        """The loop's lines from the parameters to `loss`."""
        ...

    def place(self, model: TrainableModel, info: ParamInfo) -> tuple[str, str]:
        """(tensor, position in it) of one scalar parameter, as code of the script."""
        ...


SCRIPT_FAMILIES: dict[str, ScriptFamily] = {NETWORK: NetworkScript(), FUNCTION: FunctionScript()}
