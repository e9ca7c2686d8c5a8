"""The exported script of a layered network: its imports, data, nn.Sequential model, starting
weights, loss, and where each parameter lives in the model.
"""

from __future__ import annotations

import re

from engine.io.script_body import helper_classes, optimizer_lines, starting_values
from engine.io.script_parts import ACTIVATION_MODULES
from engine.io.script_values import canonical_activation, check_name, label, labels, number, whole
from engine.models.activations import get_activation
from engine.models.config import LOSS_CHOICES, Config
from engine.models.losses import get_loss
from engine.models.parameters import ParamInfo
from engine.models.trainable_model import TrainableModel


class NetworkScript:
    """The parts of the script that a network has (see engine.io.script_family)."""

    def check_names(self, config: Config) -> None:
        check_name("loss", config.loss, LOSS_CHOICES)
        for spec in config.activations:
            base = canonical_activation(spec).partition(":")[0]
            check_name("activation", base, ACTIVATION_MODULES)

    def imports(self, config: Config) -> list[str]:
        functional = ["import torch.nn.functional as F"] * _uses_f(config)
        return ["import torch", *functional, "from torch import nn"]

    def summary(self, config: Config, optimizer: str) -> str:
        layers = "-".join(whole(n) for n in config.layers)
        biases = "biases trained" if config.train_biases else "biases fixed"
        activations = "/".join(canonical_activation(spec) for spec in config.activations)
        parts = [f"layers {layers}", activations, f"loss {config.loss}"]
        return ", ".join([*parts, optimizer, config.dtype, biases])

    def body(self, config: Config, model: TrainableModel) -> list[str]:
        return network_body(config, model)

    def forward_and_loss(self, config: Config) -> list[str]:
        loss = get_loss(config.loss)
        code = loss.torch_code
        if loss.name == "nll":
            # F.nll_loss wants class indices; with one-hot targets this is the same number.
            code = "loss = -(target * out).sum() / len(out)"
        return [
            "    out = model(x)  # forward: every layer, every sample",
            f"    {code}  # {loss.formula}",
        ]

    def place(self, model: TrainableModel, info: ParamInfo) -> tuple[str, str]:
        """(tensor, position in it) of one scalar parameter, as code of the script."""
        linear = f"model[{whole(2 * (info.layer - 1))}]"
        if info.kind == "weight":
            return f"{linear}.weight", f"({whole(info.row)}, {whole(info.col)})"
        return f"{linear}.bias", f"({whole(info.row)},)"


def network_body(config: Config, model: TrainableModel, data: list[str] | None = None) -> list[str]:
    """From the helper classes to the optimizer; `data`: the lines that make the samples
    (None: the config's rows as x and target)."""
    specs = [canonical_activation(spec) for spec in config.activations]
    return [
        *(helper_classes(config, specs) or [""]),
        *(_data(config) if data is None else data),
        *_model(config, model),
        *_starting_weights(config, model),
        *_frozen_biases(config),
        *optimizer_lines(config, "model.parameters()" if config.train_biases else "params"),
    ]


def _uses_f(config: Config) -> bool:
    return "F." in get_loss(config.loss).torch_code and config.loss != "nll"


def _data(config: Config) -> list[str]:
    return [
        "# The data: one row per sample.",
        f"x = torch.tensor({_rows(config.inputs)}, dtype=dtype)",
        f"target = torch.tensor({_rows(config.targets)}, dtype=dtype)",
        "",
    ]


def _model(config: Config, model: TrainableModel) -> list[str]:
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


def _starting_weights(config: Config, model: TrainableModel) -> list[str]:
    values = starting_values(config, model)
    lines = [
        "# The starting weights, written out so this run starts exactly where the app's did.",
    ]
    if config.seed and len(dict(config.initial_params)) < len(model.params):
        lines.append(f"# (The app drew them with seed {whole(config.seed)}; here they are values.)")
    lines.append("with torch.no_grad():  # setting values by hand is not a step autograd records")
    for layer in range(1, len(config.layers)):
        lines += _layer_weights(model, values, layer)
    return [*lines, ""]


def _layer_weights(model: TrainableModel, values: dict[str, float], layer: int) -> list[str]:
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


def _rows(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(number(v) for v in row) + "]" for row in rows) + "]"


def _short(text: str, limit: int = 60) -> str:
    """Long label lists (wide layers) keep their ends."""
    if len(text) <= limit:
        return text
    parts = text.split(", ")
    return f"{parts[0]}, …, {parts[-1]}"
