"""The one settings dataclass: presets, the CLI, sessions and exports are all made from it."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.models.activations import OUTPUT_ONLY, get_activation
from engine.models.fitted_data import fitted_data
from engine.models.loop_settings import check_loop
from engine.models.test_functions import get_function

NETWORK, FUNCTION = "network", "function"  # the two families of models (Config.family)

OPTIMIZER_NAMES = ("sgd", "adagrad", "rmsprop", "adam", "adamw")
LOSS_CHOICES = ("half_sse", "mse", "cross_entropy", "nll")
DTYPE_NAMES = ("float64", "float32")
DEVICE_NAMES = ("auto", "cpu", "cuda")
MAX_LAYER_WIDTH = 1024
FLOAT_FIELDS = (
    "lr",
    "momentum",
    "weight_decay",
    "eps",
    "lookahead_alpha",
    "val_share",
    "clip_norm",
    "clip_value",
)
MAX_SEED = 2**63 - 1
FLOAT32_MAX = 3.4028234663852886e38  # torch refuses a larger step factor on float32 tensors
# Every weight and bias is drawn and stored per iteration: a bigger network would exhaust memory.
MAX_PARAMETERS = 10_000


@dataclass(frozen=True)
class Config:
    """Everything that defines a training run; serialises to JSON by field name."""

    preset: str = "mazur"
    layers: tuple[int, ...] = (2, 2, 2)
    # One activation spec per layer after the input, e.g. ("sigmoid", "sigmoid").
    activations: tuple[str, ...] = ("sigmoid", "sigmoid")
    loss: str = "half_sse"
    optimizer: str = "sgd"
    lr: float = 0.5
    momentum: float = 0.0
    nesterov: bool = False
    weight_decay: float = 0.0
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float | None = None  # None: each torch optimizer's own default
    # Lookahead wraps the optimizer when k > 0: every k steps slow += alpha·(fast − slow).
    lookahead_k: int = 0
    lookahead_alpha: float = 0.5
    seed: int = 0
    device: str = "cpu"
    dtype: str = "float64"
    train_biases: bool = False
    skip_zero_grad: bool = False
    # Mazur's closing figures: hidden deltas computed from the already-updated output weights.
    published_variant: bool = False
    # A batch of samples: one row per sample.
    inputs: tuple[tuple[float, ...], ...] = ((0.05, 0.10),)
    targets: tuple[tuple[float, ...], ...] = ((0.01, 0.99),)
    # A test function's name: the model is then f(x, y) and the loss is its value.
    function: str = ""
    # Label -> starting value; parameters not named here get a seeded default init.
    initial_params: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    # The loop learners write (engine.models.loop_settings): a dataset by name or file instead
    # of `inputs`/`targets`, mini-batches from a DataLoader (0: the whole set each iteration),
    # a validation share evaluated at each epoch's end, a torch lr scheduler, clipping.
    dataset: str = ""
    batch_size: int = 0
    epochs: int = 0  # how many epochs `train` runs and schedules plan for (0: not set)
    shuffle: bool = True
    val_share: float = 0.0
    scheduler: str = ""  # "StepLR:step_size=2,gamma=0.5"; "" for a constant lr
    scheduler_step: str = "batch"  # "batch" or "epoch"
    clip_norm: float = 0.0  # clip_grad_norm_'s max_norm; 0: off
    clip_value: float = 0.0  # clip_grad_value_'s clip_value; 0: off

    def __post_init__(self) -> None:
        for name in FLOAT_FIELDS:  # JSON and the CLI may hand over whole numbers
            value = getattr(self, name)
            if isinstance(value, int) and not isinstance(value, bool):
                object.__setattr__(self, name, float(value))
        validate(self)

    @property
    def family(self) -> str:
        """NETWORK (layers of neurons) or FUNCTION (a test function's point): code that differs
        per family picks its variant once, from a table keyed by this, instead of branching."""
        return FUNCTION if self.function else NETWORK

    @property
    def has_layers(self) -> bool:
        """Layer sizes, activations, a loss and biases apply (a test function has none)."""
        return self.family == NETWORK

    @property
    def shape(self) -> str:
        """'2-2-2' for a network; a test function's name."""
        return "-".join(str(n) for n in self.layers) if self.has_layers else self.function

    def replace(self, **changes: Any) -> Config:
        """A copy with fields changed; new layer sizes drop starting values that no longer fit
        and get data of their shape (engine.models.fitted_data), unless data is given too."""
        if "layers" in changes and tuple(changes["layers"]) != self.layers:
            changes.setdefault("initial_params", ())
            if self.has_layers and not {"inputs", "targets"} & changes.keys():
                changes.update(self._data_for(tuple(changes["layers"]), changes))
        return dataclasses.replace(self, **changes)

    def _data_for(self, layers: tuple[Any, ...], changes: dict[str, Any]) -> dict[str, Any]:
        """This config's data fitted to `layers`; sizes the checks will refuse are left to them."""
        if not all(type(n) is int and 1 <= n <= MAX_LAYER_WIDTH for n in layers):
            return {}
        seed = changes.get("seed", self.seed)
        if type(seed) is not int or not 0 <= seed <= MAX_SEED:
            return {}
        inputs, targets = fitted_data(self.inputs, self.targets, layers, seed)
        return {"inputs": inputs, "targets": targets}

    def with_hidden_activation(self, spec: str) -> Config:
        """The same network with `spec` on every hidden layer (the output keeps its own)."""
        if self.function:
            raise EngineError(f"{self.preset} is a test function: it has no activations")
        hidden = len(self.activations) - 1
        if hidden == 0:
            return self.replace(activations=(spec,))
        return self.replace(activations=(spec,) * hidden + self.activations[-1:])

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["initial_params"] = dict(self.initial_params)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        if not isinstance(data, dict):
            raise EngineError("settings must be a JSON object")
        unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise EngineError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**{name: _coerce(name, value) for name, value in data.items()})


def _coerce(name: str, value: Any) -> Any:
    """Turn JSON lists back into the tuples the dataclass holds."""
    try:
        if name == "initial_params":
            return tuple((str(k), float(v)) for k, v in dict(value).items())
        if name in ("inputs", "targets"):
            return tuple(tuple(float(x) for x in row) for row in value)
        if name == "layers":
            return tuple(_whole(x, name) for x in value)
        if name == "activations":
            return tuple(str(x) for x in value)
        if name == "betas":
            return tuple(float(x) for x in value)
    except (TypeError, ValueError) as error:
        raise EngineError(f"setting {name!r} is malformed: {error}") from error
    return value


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not float(value).is_integer():
        raise ValueError(f"{value!r} is not a whole number")
    return int(value)


def validate(config: Config) -> None:
    """Refuse a configuration that would fail later, with one line that says why."""
    _check_types(config)
    _check_shape(config)
    _check_hyperparameters(config)
    _check_published_variant(config)
    _check_function(config)
    check_loop(config)


def _check_types(c: Config) -> None:
    for name in ("lr", "momentum", "weight_decay", "eps", "lookahead_alpha"):
        value = getattr(c, name)
        if name == "eps" and value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EngineError(f"{name} must be a number, not {value!r}")
        if not math.isfinite(value):
            raise EngineError(f"{name} must be a finite number, not {value}")
    for name in ("nesterov", "train_biases", "skip_zero_grad", "published_variant"):
        if not isinstance(getattr(c, name), bool):
            raise EngineError(f"{name} must be true or false")
    for name in ("seed", "lookahead_k"):
        value = getattr(c, name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise EngineError(f"{name} must be a whole number, not {value!r}")
    if not 0 <= c.seed <= MAX_SEED:
        raise EngineError(f"seed must be between 0 and {MAX_SEED}, got {c.seed}")
    for name in ("preset", "function", "optimizer", "loss", "dtype", "device"):
        if not isinstance(getattr(c, name), str):
            raise EngineError(f"{name} must be text, not {getattr(c, name)!r}")
    if c.dtype not in DTYPE_NAMES:
        raise EngineError(f"unknown dtype {c.dtype!r}: choose {' or '.join(DTYPE_NAMES)}")
    if c.device not in DEVICE_NAMES:
        raise EngineError(f"unknown device {c.device!r}: choose one of {', '.join(DEVICE_NAMES)}")
    if c.optimizer not in OPTIMIZER_NAMES:
        raise EngineError(
            f"unknown optimizer {c.optimizer!r}: choose one of {', '.join(OPTIMIZER_NAMES)}"
        )
    if c.loss not in LOSS_CHOICES:
        raise EngineError(f"unknown loss {c.loss!r}: choose one of {', '.join(LOSS_CHOICES)}")


def _check_shape(c: Config) -> None:
    _check_layer_sizes(c)
    if c.has_layers and c.dataset:
        return  # the dataset's columns are checked against the layers by check_loop
    _check_rows("inputs", c.inputs, c.layers[0])
    _check_rows("targets", c.targets, c.layers[-1])
    if len(c.inputs) != len(c.targets):
        raise EngineError(f"{len(c.inputs)} input row(s) but {len(c.targets)} target row(s)")


def _check_layer_sizes(c: Config) -> None:
    """The layer sizes and one activation per layer (the data is checked against them after)."""
    if len(c.layers) < 2:
        raise EngineError("layers needs at least an input and an output size, e.g. 2,2,2")
    for size in c.layers:
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise EngineError(f"every layer needs at least one neuron, got {size!r}")
        if size > MAX_LAYER_WIDTH:
            text = translate("EngineError", "a layer may have at most {most} neurons, got {size}")
            raise EngineError(text.format(most=MAX_LAYER_WIDTH, size=size))
    count = parameter_count(c.layers)
    if count > MAX_PARAMETERS:
        text = translate(
            "EngineError", "a network may have at most {most:,} weights and biases, got {count:,}"
        )
        raise EngineError(text.format(most=MAX_PARAMETERS, count=count))
    if len(c.activations) != len(c.layers) - 1:
        raise EngineError(
            f"{len(c.layers) - 1} activation(s) needed (one per layer after the input), "
            f"got {len(c.activations)}"
        )
    for position, spec in enumerate(c.activations, start=1):
        base = get_activation(spec).name.split(":")[0]
        if base in OUTPUT_ONLY and position != len(c.activations):
            text = translate("EngineError", "{activation} is only valid on the output layer")
            raise EngineError(text.format(activation=base))


def parameter_count(layers: tuple[int, ...]) -> int:
    """Weights and biases of a fully connected network with these layer sizes."""
    return sum((n_in + 1) * n_out for n_in, n_out in zip(layers, layers[1:], strict=False))


def _check_rows(name: str, rows: tuple[tuple[float, ...], ...], width: int) -> None:
    if not rows:
        raise EngineError(f"{name} needs at least one sample")
    for row in rows:
        if len(row) != width:
            raise EngineError(f"each row of {name} needs {width} value(s), got {len(row)}")
        if not all(isinstance(x, int | float) and math.isfinite(x) for x in row):
            raise EngineError(f"{name} must be finite numbers, got {row}")


def _check_hyperparameters(c: Config) -> None:
    if c.lr < 0:
        raise EngineError(f"the learning rate must not be negative, got {c.lr}")
    if c.lr > 1e300 or c.weight_decay > 1e300:
        raise EngineError("the learning rate and weight decay must be at most 1e300")
    if c.dtype == "float32" and max(c.lr, c.weight_decay) > FLOAT32_MAX:
        text = translate(
            "EngineError",
            "with float32 the learning rate and weight decay must be at most {most:.4g}",
        )
        raise EngineError(text.format(most=FLOAT32_MAX))
    if not 0 <= c.momentum < 1:
        raise EngineError(f"momentum must be in [0, 1), got {c.momentum}")
    if c.nesterov and (c.optimizer != "sgd" or c.momentum == 0):
        raise EngineError(
            translate("EngineError", "Nesterov needs the sgd optimizer and a momentum above 0")
        )
    if c.weight_decay < 0:
        raise EngineError(f"weight decay must not be negative, got {c.weight_decay}")
    if len(c.betas) != 2 or not all(0 <= b < 1 for b in c.betas):
        raise EngineError(f"betas must be two numbers in [0, 1), got {c.betas}")
    if c.eps is not None and c.eps <= 0:
        raise EngineError(f"eps must be positive, got {c.eps}")
    if c.lookahead_k < 0:
        raise EngineError(
            f"lookahead k must be 0 (off) or a positive whole number, got {c.lookahead_k}"
        )
    if c.lookahead_k and not 0 < c.lookahead_alpha <= 1:
        raise EngineError(f"lookahead alpha must be in (0, 1], got {c.lookahead_alpha}")


def _check_published_variant(c: Config) -> None:
    if not c.published_variant:
        return
    plain_sgd = c.optimizer == "sgd" and not (c.momentum or c.weight_decay or c.lookahead_k)
    if len(c.layers) != 3 or not plain_sgd or c.skip_zero_grad:
        raise EngineError(
            translate(
                "EngineError",
                "the published variant applies to one hidden layer trained by plain SGD "
                "(no momentum, weight decay, lookahead or skipped zero_grad)",
            )
        )


def _check_function(c: Config) -> None:
    if not c.function:
        return
    get_function(c.function)
    if c.published_variant:
        raise EngineError(
            translate(
                "EngineError",
                "the published variant applies to Mazur's network, not a test function",
            )
        )
