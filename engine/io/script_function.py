"""The exported script of a test function: f(x, y) as code, its point as the parameters, and
its value as the loss.
"""

from __future__ import annotations

from engine.io.script_body import helper_classes, optimizer_lines, starting_values
from engine.io.script_parts import FUNCTION_CODE
from engine.io.script_values import check_name, number
from engine.models.config import Config
from engine.models.parameters import ParamInfo
from engine.models.test_functions import get_function
from engine.models.trainable_model import TrainableModel


class FunctionScript:
    """The parts of the script that a test function has (see engine.io.script_family)."""

    def check_names(self, config: Config) -> None:
        check_name("test function", config.function, FUNCTION_CODE)

    def imports(self, config: Config) -> list[str]:
        uses_math = "math." in FUNCTION_CODE[config.function]
        return [*["import math", ""] * uses_math, "import torch"]

    def summary(self, config: Config, optimizer: str) -> str:
        return f"f = {config.function}, {optimizer}, {config.dtype}"

    def body(self, config: Config, model: TrainableModel) -> list[str]:
        return function_body(config, model)

    def forward_and_loss(self, config: Config) -> list[str]:
        return ["    loss = f(x, y)  # the loss is the function's value"]

    def place(self, model: TrainableModel, info: ParamInfo) -> tuple[str, str]:
        """(tensor, position in it) of one coordinate, as code of the script."""
        return ("x", "y")[info.row], "()"


def function_body(config: Config, model: TrainableModel) -> list[str]:
    fn = get_function(config.function)
    values = starting_values(config, model)
    lines = [
        *(helper_classes(config, ()) or ["", ""]),
        "def f(x, y):",
        f'    """{fn.title}: {fn.formula}"""',
        f"    return {FUNCTION_CODE[fn.name]}",
        "",
        "",
        "# The parameters are the coordinates: autograd finds ∂f/∂x and ∂f/∂y.",
        f"x = torch.nn.Parameter(torch.tensor({number(values['x'])}, dtype=dtype))",
    ]
    if fn.dims == 2:
        lines.append(f"y = torch.nn.Parameter(torch.tensor({number(values['y'])}, dtype=dtype))")
        params = "[x, y]"
    else:
        lines.append("y = torch.tensor(0.0, dtype=dtype)  # not a parameter: f depends on x only")
        params = "[x]"
    return [*lines, "", *optimizer_lines(config, params)]
