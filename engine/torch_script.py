"""Export a run as a standalone PyTorch script a learner can paste into a notebook.

The script builds the same model with plain nn modules, sets the same starting values
explicitly (repr, so they are exact), and runs the plain zero_grad / forward / loss / backward /
step loop, printing each step's loss with repr: on the CPU it prints the app's losses digit for
digit. `weights_json` gives the current weights by label.
"""

from __future__ import annotations

import json
import re

from engine.activations import get_activation
from engine.config import Config
from engine.errors import EngineError
from engine.function_model import FunctionModel
from engine.losses import get_loss
from engine.model import MLP
from engine.session import json_number
from engine.stepper import Stepper, build_model
from engine.test_functions import get_function

# nn modules that compute exactly what each activation's forward computes.
ACTIVATION_MODULES = {
    "identity": "nn.Identity()",
    "step": "Heaviside()",
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": "nn.LeakyReLU({parameter})",
    "elu": "nn.ELU(alpha={parameter})",
    "gelu": "nn.GELU()",
    "silu": "nn.SiLU()",
    "softplus": "nn.Softplus()",
    "softmax": "nn.Softmax(dim=-1)",
    "log_softmax": "nn.LogSoftmax(dim=-1)",
}

# Each test function in the same operations, in the same order, as engine.test_functions.
FUNCTION_CODE = {
    "parabola": "x**2 + 0 * y",
    "bowl": "x**2 + y**2",
    "ill_conditioned": "x**2 + 20 * y**2",
    "rosenbrock": "(1 - x) ** 2 + 100 * (y - x**2) ** 2",
    "beale": "(1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2",
    "saddle": "x**2 - y**2",
    "monkey_saddle": "x**3 - 3 * x * y**2",
    "himmelblau": "(x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2",
    "rastrigin": (
        "20 + x**2 - 10 * torch.cos(2 * math.pi * x) + y**2 - 10 * torch.cos(2 * math.pi * y)"
    ),
}

OPTIMIZER_CLASSES = {
    "sgd": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}

HEAVISIDE = '''
class Step(torch.autograd.Function):
    """H(x) = 1 if x > 0 else 0. Its derivative is 0 wherever it exists, so backward sends
    zeros (torch.heaviside has no backward at all)."""

    @staticmethod
    def forward(ctx, x):
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        return torch.zeros_like(grad)


class Heaviside(nn.Module):
    def forward(self, x):
        return Step.apply(x)

'''

LOOKAHEAD = '''
class Lookahead:
    """Lookahead (Zhang et al. 2019), which torch.optim does not have: after every k steps
    of the inner optimizer, slow += alpha * (fast - slow), and the fast weights restart there."""

    def __init__(self, inner, k, alpha):
        self.inner, self.k, self.alpha = inner, k, alpha
        self.steps = 0
        self.fast = [p for group in inner.param_groups for p in group["params"]]
        self.slow = [p.detach().clone() for p in self.fast]

    def zero_grad(self):
        self.inner.zero_grad()

    @torch.no_grad()
    def step(self):
        self.inner.step()
        self.steps += 1
        if self.steps % self.k == 0:
            for fast, slow in zip(self.fast, self.slow):
                slow.add_(fast - slow, alpha=self.alpha)
                fast.copy_(slow)

'''


def torch_script(config: Config, steps: int) -> str:
    """The run as a plain PyTorch script that prints `step i loss <repr>` for each iteration."""
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise EngineError(f"the number of steps must be a whole number ≥ 0, got {steps!r}")
    body = _function_body(config) if config.function else _network_body(config)
    return "\n".join([_header(config, steps), *body, *_loop(config, steps)]) + "\n"


def weights_json(stepper: Stepper) -> str:
    """The current weights by label, e.g. {"w1": 0.15, ...}; non-finite ones as "nan"/"inf"."""
    weights = {label: json_number(value) for label, value in stepper.params().items()}
    return json.dumps(weights, indent=2, allow_nan=False) + "\n"


# -- the parts of the script -------------------------------------------------------------------
def _header(config: Config, steps: int) -> str:
    dtype = f"torch.{config.dtype}"
    lines = [
        f'"""Backprop Studio: the {config.preset!r} run, {steps} step(s), as plain PyTorch.',
        "",
        f"Settings: {_summary(config)}.",
        "Run it with `python` or paste it into a notebook: it prints the loss of every step,",
        "the numbers the app shows (repr prints every digit).",
        *_device_note(config),
        '"""',
        "",
    ]
    imports = ["import math", ""] if "math." in FUNCTION_CODE.get(config.function, "") else []
    imports += ["import torch"]
    if not config.function:
        imports += ["import torch.nn.functional as F"] * _uses_f(config) + ["from torch import nn"]
    dtype_line = f"dtype = {dtype}  # the app's precision: every tensor below uses it"
    return "\n".join([*lines, *imports, "", dtype_line])


def _device_note(config: Config) -> list[str]:
    if config.device == "cpu":
        return []
    return [
        f"The app's device setting is {config.device!r}; this script runs on the CPU, where",
        "the last digits can differ from a GPU's.",
    ]


def _summary(config: Config) -> str:
    optimizer = f"{OPTIMIZER_CLASSES[config.optimizer]} lr {config.lr!r}"
    if config.lookahead_k:
        optimizer += f" with Lookahead k {config.lookahead_k}"
    if config.function:
        return f"f = {config.function}, {optimizer}, {config.dtype}"
    layers = "-".join(str(n) for n in config.layers)
    biases = "biases trained" if config.train_biases else "biases fixed"
    parts = [f"layers {layers}", "/".join(config.activations), f"loss {config.loss}"]
    return ", ".join([*parts, optimizer, config.dtype, biases])


def _uses_f(config: Config) -> bool:
    return "F." in get_loss(config.loss).torch_code and config.loss != "nll"


def _network_body(config: Config) -> list[str]:
    model = build_model(config)
    assert isinstance(model, MLP)
    specs = [get_activation(spec).name.split(":")[0] for spec in config.activations]
    classes = [HEAVISIDE] * ("step" in specs) + [LOOKAHEAD] * bool(config.lookahead_k)
    return [
        *(["", "", "\n\n\n".join(c.strip("\n") for c in classes), "", ""] if classes else [""]),
        *_data(config),
        *_model(config, model),
        *_starting_weights(config, model),
        *_frozen_biases(config),
        *_optimizer(config, "model.parameters()" if config.train_biases else "params"),
    ]


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
        n_in, n_out = config.layers[layer - 1], config.layers[layer]
        targets = ", ".join(model.neurons[layer])
        lines.append(f"    nn.Linear({n_in}, {n_out}, dtype=dtype),  # into {_short(targets)}")
        activation = get_activation(spec)
        code = re.sub(r"\bx\b", "net", activation.torch_code)
        lines.append(f"    {_module(activation.name)},  # out = {code}")
    return [*lines, ")", ""]


def _module(name: str) -> str:
    base, _, parameter = name.partition(":")
    return ACTIVATION_MODULES[base].format(parameter=parameter)


def _starting_weights(config: Config, model: MLP) -> list[str]:
    values = _starting_values(config, model)
    lines = [
        "# The starting weights, written out so this run starts exactly where the app's did.",
    ]
    if config.seed and len(dict(config.initial_params)) < len(model.params):
        lines.append(f"# (The app drew them with seed {config.seed}; here they are as values.)")
    lines.append("with torch.no_grad():  # setting values by hand is not a step autograd records")
    for layer in range(1, len(config.layers)):
        lines += _layer_weights(model, values, layer)
    return [*lines, ""]


def _starting_values(config: Config, model: MLP | FunctionModel) -> dict[str, float]:
    """The app's starting values; the configured literals where given (the same after rounding)."""
    drawn = dict(zip((info.label for info in model.params), model.values().tolist(), strict=True))
    return drawn | {label: float(value) for label, value in config.initial_params}


def _layer_weights(model: MLP, values: dict[str, float], layer: int) -> list[str]:
    index = 2 * (layer - 1)
    weights = [info for info in model.params if info.layer == layer and info.kind == "weight"]
    biases = [info for info in model.params if info.layer == layer and info.kind == "bias"]
    lines = [f"    model[{index}].weight.copy_(torch.tensor(["]
    for row, target in enumerate(model.neurons[layer]):
        row_infos = [info for info in weights if info.row == row]
        numbers = ", ".join(repr(values[info.label]) for info in row_infos)
        labels = _short(", ".join(info.label for info in row_infos))
        sources = _short(", ".join(info.source for info in row_infos))
        lines.append(f"        [{numbers}],  # into {target}: {labels} (from {sources})")
    lines.append("    ], dtype=dtype))")
    numbers = ", ".join(repr(values[info.label]) for info in biases)
    labels = _short(", ".join(info.label for info in biases))
    lines.append(
        f"    model[{index}].bias.copy_(torch.tensor([{numbers}], dtype=dtype))  # {labels}"
    )
    return lines


def _frozen_biases(config: Config) -> list[str]:
    if config.train_biases:
        return []
    layers = ", ".join(f"model[{2 * k}]" for k in range(len(config.layers) - 1))
    why = " (as in Mazur's post)" if config.preset == "mazur" else ""
    return [
        f"# The biases are not trained{why}: they get no gradient, and the optimizer",
        "# is given only the weights.",
        f"for linear in [{layers}]:",
        "    linear.bias.requires_grad_(False)",
        "params = [p for p in model.parameters() if p.requires_grad]",
        "",
    ]


def _function_body(config: Config) -> list[str]:
    fn = get_function(config.function)
    model = build_model(config)
    values = _starting_values(config, model)
    lines = [
        "",
        "",
        "def f(x, y):",
        f'    """{fn.title}: {fn.formula}"""',
        f"    return {FUNCTION_CODE[fn.name]}",
        "",
        "",
        "# The parameters are the coordinates: autograd finds ∂f/∂x and ∂f/∂y.",
        f"x = torch.nn.Parameter(torch.tensor({values['x']!r}, dtype=dtype))",
    ]
    if fn.dims == 2:
        lines.append(f"y = torch.nn.Parameter(torch.tensor({values['y']!r}, dtype=dtype))")
        params = "[x, y]"
    else:
        lines.append("y = torch.tensor(0.0, dtype=dtype)  # not a parameter: f depends on x only")
        params = "[x]"
    return [*lines, "", *_optimizer(config, params)]


def _optimizer(config: Config, params: str) -> list[str]:
    line = f"torch.optim.{OPTIMIZER_CLASSES[config.optimizer]}({params}, {_arguments(config)})"
    if config.lookahead_k:
        line = f"Lookahead({line}, k={config.lookahead_k}, alpha={config.lookahead_alpha!r})"
    return ["# The optimizer, with the app's hyperparameters.", f"optimizer = {line}", ""]


def _arguments(c: Config) -> str:
    args = [f"lr={c.lr!r}"]
    if c.optimizer in ("sgd", "rmsprop") and c.momentum:
        args.append(f"momentum={c.momentum!r}")
    if c.nesterov:
        args.append("nesterov=True")
    if c.optimizer in ("adam", "adamw") and tuple(c.betas) != (0.9, 0.999):
        args.append(f"betas=({c.betas[0]!r}, {c.betas[1]!r})")
    # AdamW's own default weight decay is 0.01; the app's is the configured one, so say it.
    if c.weight_decay or c.optimizer == "adamw":
        args.append(f"weight_decay={c.weight_decay!r}")
    if c.eps is not None and c.optimizer != "sgd":
        args.append(f"eps={c.eps!r}")
    return ", ".join(args)


def _loop(config: Config, steps: int) -> list[str]:
    lines = ["# The training loop: the calls the app steps through one micro-step at a time."]
    if config.published_variant:
        lines += [
            "# The app's published-variant switch (Mazur's closing figures, whose hidden-layer",
            "# gradients use the already-updated output weights) is not a plain loop: this",
            "# script uses correct backprop, so from step 1 its losses differ from the variant's.",
        ]
    lines.append(f"for step in range({steps}):")
    if config.skip_zero_grad:
        lines += [
            "    # optimizer.zero_grad() is skipped, as in the app's switch: each backward()",
            "    # adds its gradients to those already in .grad, so they accumulate.",
        ]
    else:
        lines.append("    optimizer.zero_grad()  # clear .grad: backward() adds to what is there")
    lines += _forward_and_loss(config)
    return [
        *lines,
        "    loss.backward()  # autograd fills each parameter's .grad with ∂loss/∂parameter",
        "    optimizer.step()  # update every parameter from its gradient",
        '    print(f"step {step} loss {loss.item()!r}")  # the loss before this step\'s update',
    ]


def _forward_and_loss(config: Config) -> list[str]:
    if config.function:
        return ["    loss = f(x, y)  # the loss is the function's value"]
    loss = get_loss(config.loss)
    code = loss.torch_code
    if loss.name == "nll":
        # F.nll_loss wants class indices; with one-hot targets this is the same number.
        code = "loss = -(target * out).sum() / len(out)"
    return [
        "    out = model(x)  # forward: every layer, every sample",
        f"    {code}  # {loss.formula}",
    ]


# -- formatting helpers ------------------------------------------------------------------------
def _rows(rows: tuple[tuple[float, ...], ...]) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in rows) + "]"


def _short(text: str, limit: int = 60) -> str:
    """Long label lists (wide layers) keep their ends."""
    if len(text) <= limit:
        return text
    parts = text.split(", ")
    return f"{parts[0]}, …, {parts[-1]}"
