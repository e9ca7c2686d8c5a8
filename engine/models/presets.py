"""Named starting points. Each is a Config; the CLI and the window override its fields."""

from __future__ import annotations

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.test_functions import FUNCTIONS, TestFunction

# Matt Mazur, "A Step by Step Backpropagation Example": w1: i1→h1, w2: i2→h1, w3: i1→h2,
# w4: i2→h2, w5: h1→o1, w6: h2→o1, w7: h1→o2, w8: h2→o2; b1 = .35 on both hidden neurons,
# b2 = .60 on both outputs.
MAZUR = Config(
    preset="mazur",
    layers=(2, 2, 2),
    activations=("sigmoid", "sigmoid"),
    loss="half_sse",
    optimizer="sgd",
    lr=0.5,
    inputs=((0.05, 0.10),),
    targets=((0.01, 0.99),),
    initial_params=(
        ("w1", 0.15),
        ("w2", 0.20),
        ("w3", 0.25),
        ("w4", 0.30),
        ("w5", 0.40),
        ("w6", 0.45),
        ("w7", 0.50),
        ("w8", 0.55),
        ("b_h1", 0.35),
        ("b_h2", 0.35),
        ("b_o1", 0.60),
        ("b_o2", 0.60),
    ),
)

# XOR: the smallest problem a single neuron cannot solve; four samples in one batch.
XOR = Config(
    preset="xor",
    layers=(2, 3, 1),
    activations=("tanh", "sigmoid"),
    loss="mse",
    optimizer="sgd",
    lr=1.0,
    seed=1,
    train_biases=True,
    inputs=((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)),
    targets=((0.0,), (1.0,), (1.0,), (0.0,)),
)


# PyTorch's first-network tutorial ("What is torch.nn really?") on the 8×8 digits: one linear
# layer 64 → 10 with log_softmax and the negative log-likelihood, SGD lr 0.5, batches of 64 from
# a shuffled DataLoader, 2 epochs; a fifth of the images held out. The tutorial trains its bias
# (`bias = torch.zeros(10, requires_grad=True)`), so this preset does too.
DIGITS = Config(
    preset="digits",
    layers=(64, 10),
    activations=("log_softmax",),
    loss="nll",
    optimizer="sgd",
    lr=0.5,
    seed=0,
    train_biases=True,
    inputs=(),
    targets=(),
    dataset="digits",
    batch_size=64,
    epochs=2,
    shuffle=True,
    val_share=0.2,
)


def function_preset(fn: TestFunction) -> Config:
    """A test function trained from its showcase start by plain SGD."""
    start = tuple(zip(("x", "y"), fn.start[: fn.dims], strict=False))
    return Config(preset=fn.name, function=fn.name, optimizer="sgd", lr=fn.lr, initial_params=start)


PRESETS: dict[str, Config] = {
    "mazur": MAZUR,
    "xor": XOR,
    "digits": DIGITS,
    **{name: function_preset(fn) for name, fn in FUNCTIONS.items()},
}


def get_preset(name: str) -> Config:
    try:
        return PRESETS[name]
    except KeyError:
        raise EngineError(f"unknown preset {name!r}: choose one of {', '.join(PRESETS)}") from None
