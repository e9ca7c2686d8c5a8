"""The middle of an exported script: the data, the model or function, its starting values and
the optimizer. Numbers go in through `number` (checked literals), names only after
`check_names` (see engine.io.script_values); the code itself comes from engine.io.script_parts.
"""

from __future__ import annotations

import re

from engine.io.script_parts import (
    ACTIVATION_MODULES,
    FUNCTION_CODE,
    HEAVISIDE,
    LOOKAHEAD,
    OPTIMIZER_CLASSES,
)
from engine.io.script_values import canonical_activation, label, labels, number, whole
from engine.models.activations import get_activation
from engine.models.config import Config
from engine.models.function_model import FunctionModel
from engine.models.mlp import MLP
from engine.models.parameters import ParamInfo
from engine.models.test_functions import get_function

Model = MLP | FunctionModel


def network_body(config: Config, model: MLP) -> list[str]:
    return [
        *_classes(config),
        *_data(config),
        *_model(config, model),
        *_starting_weights(config, model),
        *_frozen_biases(config),
        *_optimizer(config, "model.parameters()" if config.train_biases else "params"),
    ]


def function_body(config: Config, model: FunctionModel) -> list[str]:
    fn = get_function(config.function)
    values = _starting_values(config, model)
    lines = [
        *_classes(config),
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
    return [*lines, "", *_optimizer(config, params)]


def place(model: Model, info: ParamInfo) -> tuple[str, str]:
    """(tensor, position in it) of one scalar parameter, as code of the script."""
    if isinstance(model, FunctionModel):
        return ("x", "y")[info.row], "()"
    linear = f"model[{whole(2 * (info.layer - 1))}]"
    if info.kind == "weight":
        return f"{linear}.weight", f"({whole(info.row)}, {whole(info.col)})"
    return f"{linear}.bias", f"({whole(info.row)},)"


def _classes(config: Config) -> list[str]:
    """The helper classes the script uses, or none."""
    specs = [] if config.function else [canonical_activation(s) for s in config.activations]
    classes = [HEAVISIDE] * ("step" in specs) + [LOOKAHEAD] * bool(config.lookahead_k)
    if not classes:
        return ["", ""] if config.function else [""]
    return ["", "", "\n\n\n".join(c.strip("\n") for c in classes), "", ""]


def _data(config: Config) -> list[str]:
    return [
        "# The data: one row per sample.",
        f"x = torch.tensor({_rows(config.inputs)}, dtype=dtype)",
        f"target = torch.tensor({_rows(config.targets)}, dtype=dtype)",
        "",
    ]


def _model(config: Config, model: MLP) -> list[str]:
    lines = ["# The model: each Linear computes net = x·Wᵀ + b, then its activation out = f(net)."]
    lines.append("model = nn.Sequential(")
    for layer, spec in enumerate(config.activations, start=1):
        n_in, n_out = whole(config.layers[layer - 1]), whole(config.layers[layer])
        into = _short(labels(model.neurons[layer]))
        lines.append(f"    nn.Linear({n_in}, {n_out}, dtype=dtype),  # into {into}")
        activation = get_activation(spec)
        code = re.sub(r"\bx\b", "net", activation.torch_code)
        lines.append(f"    {_module(activation.name)},  # out = {code}")
    return [*lines, ")", ""]


def _module(name: str) -> str:
    base, _, parameter = name.partition(":")
    return ACTIVATION_MODULES[base].format(parameter=parameter and number(float(parameter)))


def _starting_weights(config: Config, model: MLP) -> list[str]:
    values = _starting_values(config, model)
    lines = [
        "# The starting weights, written out so this run starts exactly where the app's did.",
    ]
    if config.seed and len(dict(config.initial_params)) < len(model.params):
        lines.append(f"# (The app drew them with seed {whole(config.seed)}; here they are values.)")
    lines.append("with torch.no_grad():  # setting values by hand is not a step autograd records")
    for layer in range(1, len(config.layers)):
        lines += _layer_weights(model, values, layer)
    return [*lines, ""]


def _starting_values(config: Config, model: Model) -> dict[str, float]:
    """The app's starting values; the configured literals where given (the same after rounding)."""
    drawn = dict(zip((info.label for info in model.params), model.values().tolist(), strict=True))
    return drawn | {name: float(value) for name, value in config.initial_params}


def _layer_weights(model: MLP, values: dict[str, float], layer: int) -> list[str]:
    index = whole(2 * (layer - 1))
    weights = [info for info in model.params if info.layer == layer and info.kind == "weight"]
    biases = [info for info in model.params if info.layer == layer and info.kind == "bias"]
    lines = [f"    model[{index}].weight.copy_(torch.tensor(["]
    for row, target in enumerate(model.neurons[layer]):
        row_infos = [info for info in weights if info.row == row]
        numbers = ", ".join(number(values[info.label]) for info in row_infos)
        names = _short(labels(info.label for info in row_infos))
        sources = _short(labels(info.source for info in row_infos))
        lines.append(f"        [{numbers}],  # into {label(target)}: {names} (from {sources})")
    lines.append("    ], dtype=dtype))")
    numbers = ", ".join(number(values[info.label]) for info in biases)
    names = _short(labels(info.label for info in biases))
    bias = f"model[{index}].bias.copy_(torch.tensor([{numbers}], dtype=dtype))"
    lines.append(f"    {bias}  # {names}")
    return lines


def _frozen_biases(config: Config) -> list[str]:
    if config.train_biases:
        return []
    layers = ", ".join(f"model[{whole(2 * k)}]" for k in range(len(config.layers) - 1))
    why = " (as in Mazur's post)" if config.preset == "mazur" else ""
    return [
        f"# The biases are not trained{why}: they get no gradient, and the optimizer",
        "# is given only the weights.",
        f"for linear in [{layers}]:",
        "    linear.bias.requires_grad_(False)",
        "params = [p for p in model.parameters() if p.requires_grad]",
        "",
    ]


def _optimizer(config: Config, params: str) -> list[str]:
    line = f"torch.optim.{OPTIMIZER_CLASSES[config.optimizer]}({params}, {_arguments(config)})"
    if config.lookahead_k:
        k, alpha = whole(config.lookahead_k), number(config.lookahead_alpha)
        line = f"Lookahead({line}, k={k}, alpha={alpha})"
    return ["# The optimizer, with the app's hyperparameters.", f"optimizer = {line}", ""]


def _arguments(c: Config) -> str:
    args = [f"lr={number(c.lr)}"]
    if c.optimizer in ("sgd", "rmsprop") and c.momentum:
        args.append(f"momentum={number(c.momentum)}")
    if c.nesterov:
        args.append("nesterov=True")
    if c.optimizer in ("adam", "adamw") and tuple(c.betas) != (0.9, 0.999):
        args.append(f"betas=({number(c.betas[0])}, {number(c.betas[1])})")
    # AdamW's own default weight decay is 0.01; the app's is the configured one, so say it.
    if c.weight_decay or c.optimizer == "adamw":
        args.append(f"weight_decay={number(c.weight_decay)}")
    if c.eps is not None and c.optimizer != "sgd":
        args.append(f"eps={number(c.eps)}")
    return ", ".join(args)


def _rows(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(number(v) for v in row) + "]" for row in rows) + "]"


def _short(text: str, limit: int = 60) -> str:
    """Long label lists (wide layers) keep their ends."""
    if len(text) <= limit:
        return text
    parts = text.split(", ")
    return f"{parts[0]}, …, {parts[-1]}"
