"""Loss on a 2-D plane through parameter space, evaluated for a whole grid in one batch.

A plane is an origin θ₀ and two directions d₁, d₂: the grid point (a, b) is θ₀ + a·d₁ + b·d₂.
Choosing two parameters makes the directions unit vectors (a slice through the current point);
Li et al. (2018) use random filter-normalised directions or the trajectory's principal axes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from engine.core.errors import EngineError
from engine.landscape.plane import Plane
from engine.landscape.surface_plan import SURFACE_MEMORY_BUDGET, UNROLL_INPUTS, plan_chunks
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.models.test_functions import TestFunction

MAX_RESOLUTION = 2048


@dataclass(frozen=True)
class Surface:
    plane: Plane
    x: np.ndarray  # grid coordinates along the first axis (columns)
    y: np.ndarray  # along the second axis (rows)
    loss: np.ndarray  # loss[r, c] is the loss at (x[c], y[r])


# -- planes ------------------------------------------------------------------------------------
def parameter_plane(model: MLP, values: np.ndarray, a: str, b: str) -> Plane:
    """Vary two parameters, hold the others at `values`: coordinates are their own values."""
    for label in (a, b):
        if label not in model.index:
            raise EngineError(f"unknown parameter {label!r}: choose from {', '.join(model.index)}")
    if a == b:
        raise EngineError("choose two different parameters for the axes")
    directions = np.zeros((2, values.size))
    directions[0, model.index[a]] = directions[1, model.index[b]] = 1.0
    origin = values.copy()
    origin[[model.index[a], model.index[b]]] = 0.0
    return Plane("params", (a, b), origin, directions)


def random_plane(model: MLP, values: np.ndarray, seed: int = 0) -> Plane:
    """Two random directions, each rescaled filter by filter to the norms of the weights.

    A filter here is one neuron's incoming weights (a row of W); biases get no direction,
    as in Li et al., so the picture does not depend on how large the weights happen to be.
    """
    generator = np.random.default_rng(seed)
    directions = np.zeros((2, values.size))
    for k in range(2):
        raw = generator.standard_normal(values.size)
        directions[k] = _filter_normalise(model, values, raw)
    return Plane("random", ("d1", "d2"), values.copy(), directions)


def _filter_normalise(model: MLP, values: np.ndarray, raw: np.ndarray) -> np.ndarray:
    out = np.zeros_like(raw)
    for indices in filters(model):
        d, w = raw[indices], values[indices]
        out[indices] = d * (np.linalg.norm(w) / max(np.linalg.norm(d), 1e-300))
    return out


def filters(model: MLP) -> list[np.ndarray]:
    """Indices (into the flat parameter vector) of each neuron's incoming weights."""
    rows: dict[tuple[int, int], list[int]] = {}
    for i, info in enumerate(model.params):
        if info.kind == "weight":
            rows.setdefault((info.layer, info.row), []).append(i)
    return [np.array(v) for v in rows.values()]


def pca_plane(trajectory: np.ndarray) -> Plane:
    """The two principal axes of the trajectory, centred on its last point (Li et al.)."""
    if trajectory.shape[0] < 3:
        raise EngineError("the PCA plane needs a trajectory of at least 3 points: train first")
    origin = trajectory[-1]
    _, singular, vt = np.linalg.svd(trajectory - origin, full_matrices=False)
    explained = singular**2 / max(float(np.sum(singular**2)), 1e-300)
    directions = np.zeros((2, trajectory.shape[1]))
    for k in range(min(2, vt.shape[0])):
        directions[k] = vt[k]
    axes = tuple(f"PC{k + 1} ({100 * explained[k]:.1f}%)" if k < len(explained) else f"PC{k + 1}"
                 for k in range(2))  # fmt: skip
    return Plane("pca", (axes[0], axes[1]), origin.copy(), directions)


# -- evaluation --------------------------------------------------------------------------------
def grid(bounds: tuple[float, float, float, float], res: int) -> tuple[np.ndarray, np.ndarray]:
    x0, x1, y0, y1 = bounds
    if not all(np.isfinite(bounds)) or x0 >= x1 or y0 >= y1:
        raise EngineError(f"a range needs x0 < x1 and y0 < y1 (finite), got {bounds}")
    if not 2 <= res <= MAX_RESOLUTION:
        raise EngineError(f"the resolution must be between 2 and {MAX_RESOLUTION}, got {res}")
    return np.linspace(x0, x1, res), np.linspace(y0, y1, res)


def mlp_surface(
    model: MLP,
    x: Tensor,
    target: Tensor,
    loss_fn: Loss,
    plane: Plane,
    bounds: tuple[float, float, float, float],
    res: int,
    budget: int = SURFACE_MEMORY_BUDGET,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Surface | None:
    """Loss of `model` at every grid point of `plane`, on the model's device, in chunks that
    each fit `budget` bytes. None only when `should_stop` said stop between two chunks."""
    xs, ys = grid(bounds, res)
    plan = plan_chunks(model, plane, x.shape[0], res * res, budget)
    # Row-major grid points, as np.meshgrid(xs, ys) orders them: a = x[c], b = y[r].
    a = torch.as_tensor(xs, device=model.device).repeat(res)
    b = torch.as_tensor(ys, device=model.device).repeat_interleave(res)
    losses = []
    for start, stop in plan.ranges():
        if should_stop is not None and should_stop():
            return None
        layers = _plane_layers(model, plane, a[start:stop], b[start:stop])
        losses.append(_layers_loss(model, layers, x, target, loss_fn).to("cpu", torch.float64))
        del layers  # this chunk's networks go before the next chunk's are built
        if progress is not None:
            progress(stop, plan.points)
    loss = losses[0] if len(losses) == 1 else torch.cat(losses)
    return Surface(plane, xs, ys, loss.numpy().reshape(res, res))


# Batched networks are laid out with the network index G last, (..., G): every elementwise
# operation then runs along G in contiguous memory, not over a layer's 2 or 3 neurons.


def _plane_layers(model: MLP, plane: Plane, a: Tensor, b: Tensor) -> list[tuple[Tensor, Tensor]]:
    """Each layer's weights (out, in, G) and biases (out, G) at the points (a, b).

    G is 1 where the plane leaves a layer alone: that layer is computed once and broadcast.
    """
    layers, offset = [], 0
    for linear in model.linears:
        n_out, n_in = linear.weight.shape
        weight = _plane_rows(plane, a, b, offset, offset + n_out * n_in, model.dtype)
        offset += n_out * n_in
        bias = _plane_rows(plane, a, b, offset, offset + n_out, model.dtype)
        offset += n_out
        layers.append((weight.reshape(n_out, n_in, -1), bias))
    return layers


def _plane_rows(
    plane: Plane, a: Tensor, b: Tensor, start: int, end: int, dtype: torch.dtype
) -> Tensor:
    """Parameters [start, end) at the points (a, b), shape (end − start, G), computed in
    float64 exactly as Plane.points does."""
    origin = torch.as_tensor(plane.origin[start:end], device=a.device)[:, None]
    directions = torch.as_tensor(plane.directions[:, start:end], device=a.device)[..., None]
    if not directions.any():
        return origin.to(dtype)
    return (origin + directions[0] * a + directions[1] * b).to(dtype)


@torch.no_grad()
def batched_loss(model: MLP, flat: Tensor, x: Tensor, target: Tensor, loss_fn: Loss) -> Tensor:
    """Loss for each row of `flat` (G, P): the model's layers broadcast over G networks."""
    rows = flat.T.contiguous()  # (P, G)
    layers, offset = [], 0
    for linear in model.linears:
        n_out, n_in = linear.weight.shape
        weight = rows[offset : offset + n_out * n_in].reshape(n_out, n_in, -1)
        offset += n_out * n_in
        layers.append((weight, rows[offset : offset + n_out]))
        offset += n_out
    return _layers_loss(model, layers, x, target, loss_fn)


@torch.no_grad()
def _layers_loss(
    model: MLP, layers: list[tuple[Tensor, Tensor]], x: Tensor, target: Tensor, loss_fn: Loss
) -> Tensor:
    """Loss per network from weights (out, in, G) and biases (out, G); G = 1 broadcasts."""
    signal = x[..., None]  # (B, inputs, 1)
    for (weight, bias), act in zip(layers, model.activations, strict=True):
        net = _linear(signal, weight) + bias
        # Softmax-like activations act on the neurons, which must then be the last dim.
        signal = act.forward(net) if act.elementwise else act.forward(net.mT).mT
    count = max(weight.shape[-1] for weight, _ in layers)
    signal = signal.expand(*signal.shape[:-1], count)
    return torch.func.vmap(loss_fn.value, in_dims=(-1, None))(signal, target)


def _linear(signal: Tensor, weight: Tensor) -> Tensor:
    """net[b, o, g] = Σ_i signal[b, i, g]·weight[o, i, g], summed in F.linear's order for
    narrow layers (elementwise, along G) and by a batched matmul for wide ones."""
    n_in = weight.shape[1]
    if n_in > UNROLL_INPUTS:
        return torch.einsum("big,oig->bog", signal, weight)
    net = signal[:, None, 0] * weight[:, 0]
    for i in range(1, n_in):
        net = net + signal[:, None, i] * weight[:, i]
    return net


def function_surface(
    fn: TestFunction, bounds: tuple[float, float, float, float], res: int, device: str = "cpu"
) -> Surface:
    """A test function on its own (x, y) plane."""
    xs, ys = grid(bounds, res)
    gx = torch.as_tensor(xs, dtype=torch.float64, device=device)
    gy = torch.as_tensor(ys, dtype=torch.float64, device=device)
    with torch.no_grad():
        loss = fn(gx[None, :], gy[:, None]).cpu().numpy()
    plane = Plane("function", ("x", "y"), np.zeros(2), np.eye(2))
    return Surface(plane, xs, ys, np.broadcast_to(loss, (res, res)).copy())


def default_bounds(plane: Plane, values: np.ndarray, span: float = 1.0) -> tuple[float, ...]:
    """A view around the current point: ±max(span, 1.5·|coordinate|) on each axis."""
    centre = plane.project(values)[0]
    half = np.maximum(span, 1.5 * np.abs(centre)) if plane.kind == "params" else np.full(2, span)
    return (centre[0] - half[0], centre[0] + half[0], centre[1] - half[1], centre[1] + half[1])
