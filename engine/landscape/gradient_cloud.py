"""Gradient noise made visible: the per-sample gradients of a batch around the batch gradient,
and how the batch gradient's variance falls with the batch size.

A mini-batch gradient is an estimate of the whole training set's gradient made from B
samples. Each sample pulls its own way (the cloud); the batch arrow is their mean (their sum
for the sum-reduced half_sse: see engine.landscape.per_sample), and the bigger the batch the
closer it lies to the full gradient: its variance is tr(Σ)/B · (N − B)/(N − 1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import torch

from engine.core.errors import EngineError
from engine.landscape.per_sample import (
    SUM,
    SampleGradients,
    all_sample_gradients,
    as_data,
    network_at,
    reduction,
    sample_gradients,
    whole_set_gradient,
)
from engine.models.config import Config
from engine.models.losses import get_loss

MIN_DRAWS = 2


@dataclass(frozen=True)
class GradientCloud:
    """One batch's per-sample gradients along the surface's two parameters (read-only arrays,
    safe to hand from a worker to the window)."""

    axes: tuple[str, str]  # the two parameter labels the surface is drawn over (e.g. ("w5", "w6"))
    at: tuple[float, float]  # the current values of those two parameters
    per_sample: np.ndarray  # (B, 2) each sample's gradient of the loss along the two axes
    batch: np.ndarray  # (2,) the batch gradient: the loss's on the B samples (mean; half_sse: sum)
    full: np.ndarray  # (2,) the whole training set's gradient along the axes


@dataclass(frozen=True)
class BatchNoise:
    """The batch gradient's variance by batch size: estimated from random batches, and exact."""

    sizes: np.ndarray  # the batch sizes estimated
    estimate: np.ndarray  # variance over `draws` random batches of each size
    exact_sizes: np.ndarray  # 1..N
    exact: np.ndarray  # tr(Σ)/B · (N − B)/(N − 1) (times B² for a sum-reduced loss)
    samples: int  # N


def gradient_cloud(
    config: Config,
    values: Mapping[str, float],
    x: np.ndarray,
    y: np.ndarray,
    batch: np.ndarray,
    axes: tuple[str, str],
) -> GradientCloud:
    """The cloud for the batch of rows `batch` of (x, y), along the parameters `axes`.

    The batch arrow is the gradient of the run's loss on the batch: the per-sample gradients'
    mean for a mean-reduced loss, their sum for half_sse, exactly what loss.backward() gives.
    """
    model = network_at(config, values)
    loss = get_loss(config.loss)
    inputs, targets = as_data(model, x, y)
    rows = _batch_rows(batch, inputs.shape[0])
    if len(axes) != 2:
        raise EngineError("a gradient cloud is drawn over exactly two parameters")
    columns = [_column(model.index, label) for label in axes]
    if columns[0] == columns[1]:
        raise EngineError("choose two different parameters for the axes")
    per_sample = sample_gradients(model, loss, inputs[rows], targets[rows])[:, columns]
    batch_gradient = per_sample.sum(axis=0) if reduction(loss) == SUM else per_sample.mean(axis=0)
    full = whole_set_gradient(model, loss, inputs, targets)[columns]
    for array in (per_sample, batch_gradient, full):
        array.setflags(write=False)
    return GradientCloud(
        axes=(axes[0], axes[1]),
        at=tuple(float(model.values()[c]) for c in columns),  # type: ignore[arg-type]
        per_sample=per_sample,
        batch=batch_gradient,
        full=full,
    )


def _batch_rows(batch: np.ndarray, samples: int) -> torch.Tensor:
    rows = np.asarray(batch)
    if rows.ndim != 1 or rows.size == 0 or not np.issubdtype(rows.dtype, np.integer):
        raise EngineError("a batch is a non-empty list of sample numbers")
    if rows.min() < 0 or rows.max() >= samples:
        raise EngineError(f"sample numbers must be between 0 and {samples - 1}")
    return torch.as_tensor(rows, dtype=torch.long)


def _column(index: Mapping[str, int], label: str) -> int:
    if label not in index:
        raise EngineError(f"unknown parameter {label!r}: choose from {', '.join(index)}")
    return index[label]


# -- the batch gradient's variance -----------------------------------------------------------
def batch_variance(
    config: Config,
    values: Mapping[str, float],
    x: np.ndarray,
    y: np.ndarray,
    sizes: Sequence[int],
    seed: int,
    draws: int = 64,
) -> list[tuple[int, float]]:
    """For each batch size B: the variance (trace over ALL trained parameters, not only the two
    axes) of the mini-batch gradient over `draws` random batches of size B, drawn without
    replacement, estimated from per-sample gradients; it falls about as 1/B.
    The exact value is `exact_batch_variance`."""
    noise = batch_noise(config, values, x, y, sizes, seed, draws)
    return [(int(b), float(v)) for b, v in zip(noise.sizes, noise.estimate, strict=True)]


def exact_batch_variance(
    config: Config, values: Mapping[str, float], x: np.ndarray, y: np.ndarray, sizes: Sequence[int]
) -> list[tuple[int, float]]:
    """tr(Σ)/B · (N − B)/(N − 1) for each B, Σ the per-sample gradients' covariance (over the
    N samples, divided by N): the variance of the mean of B samples drawn without replacement."""
    gradients = all_sample_gradients(config, values, x, y)
    chosen = _check_sizes(sizes, gradients.per_sample.shape[0])
    return [
        (int(b), float(v)) for b, v in zip(chosen, exact_variance(gradients, chosen), strict=True)
    ]


def batch_noise(
    config: Config,
    values: Mapping[str, float],
    x: np.ndarray,
    y: np.ndarray,
    sizes: Sequence[int],
    seed: int,
    draws: int = 64,
) -> BatchNoise:
    """Both curves of the variance plot from one vmap of the per-sample gradients."""
    gradients = all_sample_gradients(config, values, x, y)
    samples = gradients.per_sample.shape[0]
    chosen = _check_sizes(sizes, samples)
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < MIN_DRAWS:
        raise EngineError(f"draws must be a whole number of at least {MIN_DRAWS}, got {draws!r}")
    every = np.arange(1, samples + 1)
    return BatchNoise(
        sizes=chosen,
        estimate=estimated_variance(gradients, chosen, seed, draws),
        exact_sizes=every,
        exact=exact_variance(gradients, every),
        samples=samples,
    )


def _check_sizes(sizes: Sequence[int], samples: int) -> np.ndarray:
    chosen = np.asarray(list(sizes))
    if chosen.size == 0 or not np.issubdtype(chosen.dtype, np.integer):
        raise EngineError("batch sizes must be whole numbers")
    if chosen.min() < 1 or chosen.max() > samples:
        raise EngineError(f"a batch size must be between 1 and {samples}, the training set's size")
    return chosen.astype(int)


def estimated_variance(
    gradients: SampleGradients, sizes: np.ndarray, seed: int, draws: int
) -> np.ndarray:
    """Σ over trained parameters of the variance (ddof 1) of `draws` batch gradients per size."""
    return np.array([_variance(batch_draws(gradients, int(b), seed, draws)) for b in sizes])


def batch_draws(gradients: SampleGradients, size: int, seed: int, draws: int) -> np.ndarray:
    """(draws, P_trained): the batch gradient of `draws` random batches of `size` samples.

    Each batch is the first `size` of a random permutation (without replacement); the
    gradients are summed by a 0/1 selection matrix, so no (draws, B, P) array is built."""
    rng = np.random.default_rng(seed)
    samples = gradients.per_sample.shape[0]
    order = np.argsort(rng.random((draws, samples)), axis=1)[:, :size]
    selection = np.zeros((draws, samples))
    np.put_along_axis(selection, order, 1.0, axis=1)
    summed = selection @ gradients.per_sample[:, gradients.trained]
    return summed if gradients.reduction == SUM else summed / size


def _variance(draws: np.ndarray) -> float:
    return float(np.var(draws, axis=0, ddof=1).sum())


def exact_variance(gradients: SampleGradients, sizes: np.ndarray) -> np.ndarray:
    """tr(Σ)/B · (N − B)/(N − 1) for the mean; B² times that for a sum-reduced loss."""
    trained = gradients.per_sample[:, gradients.trained]
    samples = trained.shape[0]
    trace = float(np.var(trained, axis=0, ddof=0).sum()) if trained.size else 0.0
    b = np.asarray(sizes, dtype=float)
    finite = (samples - b) / (samples - 1) if samples > 1 else np.zeros_like(b)
    mean = trace / b * finite
    return mean * b**2 if gradients.reduction == SUM else mean
