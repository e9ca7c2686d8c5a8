"""The private torch internals the engine's hot loops use, fenced in one module behind a switch.

Three shortcuts, each measured on Mazur's net (an iteration of ~55 µs):
- `loss.backward()` through autograd's engine call without re-checking its arguments and
  rebuilding the seed gradient each time (~5 µs);
- `optimizer.step` without torch's profiling wrapper when no step hook is registered (~7 µs);
- tensors' `_version` counters, which tell the parameter and gradient readers that nothing
  changed, so a Snapshot need not copy them again.

Each has a public-API twin. `use_private_torch(False)` (or the environment variable
BACKPROP_STUDIO_PUBLIC_API=1 at start) switches all three to the twins; the tests check that
both paths give bit-identical numbers for every optimizer and option, and the benchmark
reports both. A torch release that removes an internal falls back to the twin by itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial

import torch
import torch.optim.optimizer as optim_base
from torch import Tensor

_state = {"private": os.environ.get("BACKPROP_STUDIO_PUBLIC_API", "") in ("", "0")}


def private_torch_enabled() -> bool:
    return _state["private"]


def use_private_torch(enabled: bool) -> None:
    _state["private"] = bool(enabled)


@contextmanager
def public_api_only() -> Iterator[None]:
    """Run a block on the public-API path (tests and the benchmark compare the two)."""
    before = _state["private"]
    _state["private"] = False
    try:
        yield
    finally:
        _state["private"] = before


def versions(tensors: Sequence[Tensor | None]) -> list[int] | None:
    """Each tensor's in-place write counter (-1 for None); None on the public-API path."""
    if not _state["private"]:
        return None
    return [-1 if t is None else t._version for t in tensors]


def backward_function(like: Tensor) -> Callable[[Tensor], object]:
    """loss.backward() for a scalar loss of `like`'s dtype and device."""
    run = getattr(torch.autograd.graph, "_engine_run_backward", None)
    if run is None or not _state["private"]:
        return Tensor.backward
    seed = (torch.ones((), dtype=like.dtype, device=like.device),)

    def backward(loss: Tensor) -> object:
        return run((loss,), seed, False, False, (), allow_unreachable=True, accumulate_grad=True)

    return backward


def step_function(optimizer: object) -> Callable[[], object]:
    """optimizer.step, without the profiling wrapper when nothing hooks into it."""
    step = optimizer.step  # type: ignore[attr-defined]
    if not _state["private"] or not isinstance(optimizer, torch.optim.Optimizer):
        return step
    unwrapped = getattr(type(optimizer).step, "__wrapped__", None)
    hooks = (
        getattr(optimizer, "_optimizer_step_pre_hooks", None),
        getattr(optimizer, "_optimizer_step_post_hooks", None),
        getattr(optim_base, "_global_optimizer_pre_hooks", None),
        getattr(optim_base, "_global_optimizer_post_hooks", None),
    )
    if unwrapped is None or not getattr(type(optimizer).step, "hooked", False) or any(hooks):
        return step
    return partial(unwrapped, optimizer)
