"""The gradient cloud of a batch of 64 on the tutorial's 64-10 digits network.

A: gradient_cloud (one vmap of grad over the batch, one backward pass over the set).
B: the learner's way to get per-sample gradients, one loss.backward() per sample.
The pixels are seeded random whole numbers 0..16 like the 8×8 digits' (the timing does not
depend on what the images show), N = 1,437 as in the digits' training split.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch

from engine.bench.agreement import compare
from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.landscape.gradient_cloud import GradientCloud, gradient_cloud
from engine.models.build import build_model
from engine.models.config import Config
from engine.models.losses import get_loss

BATCH, SAMPLES, PIXELS, CLASSES = 64, 1437, 64, 10
AXES = ("w1", "w2")
TARGET_SECONDS = 0.020


def digits_like(seed: int = 0) -> tuple[Config, dict[str, float], np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 17, (SAMPLES, PIXELS)).astype(float)
    y = np.eye(CLASSES)[rng.integers(0, CLASSES, SAMPLES)]
    config = Config(preset="digits-like", layers=(PIXELS, CLASSES), activations=("log_softmax",),
                    loss="nll", lr=0.5, train_biases=True, inputs=tuple(map(tuple, x[:1])),
                    targets=tuple(map(tuple, y[:1])))  # fmt: skip
    model = build_model(config)
    values = {info.label: float(v) for info, v in zip(model.params, model.values(), strict=True)}
    return config, values, x, y


def learners_per_sample(config: Config, values, x: np.ndarray, y: np.ndarray, rows) -> np.ndarray:
    """(B, 2): one forward and loss.backward() per sample, read along the two axes."""
    model = build_model(config)
    model.set_values(values)
    loss = get_loss(config.loss)
    columns = [model.index[a] for a in AXES]
    out = []
    for n in rows:
        model.zero_grad(set_to_none=True)
        xb = torch.as_tensor(x[n : n + 1], dtype=model.dtype)
        loss.value(model(xb), torch.as_tensor(y[n : n + 1], dtype=model.dtype)).backward()
        out.append(model.grads()[columns])
    return np.array(out)


def gradient_cloud_row(sizes: Sizes) -> Row:
    config, values, x, y = digits_like()
    rows = np.random.default_rng(1).choice(SAMPLES, BATCH, replace=False)
    results: dict[str, object] = {}

    def cloud() -> Callable[[], object]:
        return lambda: results.__setitem__("a", gradient_cloud(config, values, x, y, rows, AXES))

    def loop() -> Callable[[], object]:
        return lambda: results.__setitem__("b", learners_per_sample(config, values, x, y, rows))

    a, b = interleave([cloud, loop], sizes.repeats)
    made: GradientCloud = results["a"]  # type: ignore[assignment]
    agree, words = compare(made.per_sample, results["b"])  # type: ignore[arg-type]
    return Row(
        metric=f"gradient cloud, batch of {BATCH}, 64-10 network",
        a=median(a),
        b=median(b),
        unit="s",
        ratio=median(b) / median(a),
        target="A < 20 ms",
        ok=bool(median(a) < TARGET_SECONDS and agree),
        a_is="gradient_cloud: vmap(grad) over the batch, and the whole set's gradient",
        b_is=f"{BATCH} separate loss.backward() calls (per-sample only)",
        numbers=words,
        identical=words.startswith("identical"),
        note=f"650 parameters, float64, log_softmax + nll; N = {SAMPLES} for the full gradient",
    )
