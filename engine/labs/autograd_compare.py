"""torch.autograd.grad versus loss.backward() on a small expression, and the graph autograd built.

autograd.grad returns the gradients and leaves `.grad` alone; backward() accumulates them into
`.grad`. Running backward twice needs retain_graph=True, and then the second call adds to the
first unless `.grad` is zeroed in between.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

Leaves = dict[str, Tensor]


@dataclass(frozen=True)
class Expression:
    """One entry of the menu: its PyTorch line, its leaves and its gradient in closed form."""

    key: str
    title: str
    code: str  # the line that builds `out` from x, w (and b)
    leaves: tuple[str, ...]  # those that require grad
    build: Callable[[Tensor, Leaves], Tensor]
    closed_form: Callable[[float, float, float], dict[str, float]]  # (x, w, b) -> gradients
    closed_text: str


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


EXPRESSIONS: tuple[Expression, ...] = (
    Expression(
        "notes_mse",
        "mse_loss(1, x·w)",
        "out = F.mse_loss(torch.ones(1), x * w)",
        ("w",),
        lambda x, v: F.mse_loss(torch.ones_like(x), x * v["w"]),
        lambda x, w, b: {"w": 2 * x * (x * w - 1)},
        "∂out/∂w = 2·x·(x·w − 1)",
    ),
    Expression(
        "mse_bias",
        "mse_loss(1, x·w + b)",
        "out = F.mse_loss(torch.ones(1), x * w + b)",
        ("w", "b"),
        lambda x, v: F.mse_loss(torch.ones_like(x), x * v["w"] + v["b"]),
        lambda x, w, b: {"w": 2 * x * (x * w + b - 1), "b": 2 * (x * w + b - 1)},
        "∂out/∂w = 2·x·(x·w + b − 1),  ∂out/∂b = 2·(x·w + b − 1)",
    ),
    Expression(
        "sigmoid",
        "sigmoid(x·w + b)",
        "out = torch.sigmoid(x * w + b).sum()",
        ("w", "b"),
        lambda x, v: torch.sigmoid(x * v["w"] + v["b"]).sum(),
        lambda x, w, b: {
            "w": _sigmoid(x * w + b) * (1 - _sigmoid(x * w + b)) * x,
            "b": _sigmoid(x * w + b) * (1 - _sigmoid(x * w + b)),
        },
        "∂out/∂w = σ(1 − σ)·x,  ∂out/∂b = σ(1 − σ)",
    ),
    Expression(
        "reuse",
        "tanh(x·w)·w  (w used twice)",
        "out = (torch.tanh(x * w) * w).sum()",
        ("w",),
        lambda x, v: (torch.tanh(x * v["w"]) * v["w"]).sum(),
        lambda x, w, b: {"w": (1 - math.tanh(x * w) ** 2) * x * w + math.tanh(x * w)},
        "∂out/∂w = (1 − tanh²(x·w))·x·w + tanh(x·w): the two paths add",
    ),
    Expression(
        "softplus",
        "log(1 + exp(x·w + b))",
        "out = torch.log(1 + torch.exp(x * w + b)).sum()",
        ("w", "b"),
        lambda x, v: torch.log(1 + torch.exp(x * v["w"] + v["b"])).sum(),
        lambda x, w, b: {"w": _sigmoid(x * w + b) * x, "b": _sigmoid(x * w + b)},
        "∂out/∂w = σ(x·w + b)·x,  ∂out/∂b = σ(x·w + b)",
    ),
)


def expression(key: str) -> Expression:
    for e in EXPRESSIONS:
        if e.key == key:
            return e
    raise KeyError(f"no expression {key!r}")


@dataclass(frozen=True)
class GraphNode:
    name: str  # as grad_fn names it: MseLossBackward0, AccumulateGrad, ...
    depth: int  # longest path from the output's grad_fn
    leaf: str  # the leaf an AccumulateGrad writes into, else ""


@dataclass(frozen=True)
class AutogradReport:
    code: str
    value: float
    grad_result: dict[str, float]  # torch.autograd.grad(out, leaves)
    grad_left_untouched: bool  # every .grad still None after autograd.grad
    backward_result: dict[str, float]  # .grad after out.backward()
    closed_form: dict[str, float]
    nodes: tuple[GraphNode, ...]
    edges: tuple[tuple[int, int], ...]  # (node, node it passes gradients to)
    second_backward_error: str  # what backward() says when called twice without retain_graph
    retained_twice: dict[str, float]  # .grad after two backward(retain_graph=True)
    zeroed_between: dict[str, float]  # .grad after backward, zero, backward


def _run(e: Expression, x: float, w: float, b: float) -> tuple[Tensor, Leaves]:
    values = {"w": w, "b": b}
    leaves = {
        n: torch.full([1], values[n], dtype=torch.float64, requires_grad=True) for n in e.leaves
    }
    return e.build(torch.full([1], x, dtype=torch.float64), leaves), leaves


def _grads(leaves: Leaves) -> dict[str, float]:
    return {n: float(t.grad[0]) for n, t in leaves.items() if t.grad is not None}


def compare(key: str, x: float = 1.0, w: float = 2.0, b: float = 0.0) -> AutogradReport:
    e = expression(key)
    out, leaves = _run(e, x, w, b)
    found = torch.autograd.grad(out, list(leaves.values()), retain_graph=True)
    grad_result = {n: float(g[0]) for n, g in zip(leaves, found, strict=True)}
    untouched = all(t.grad is None for t in leaves.values())
    nodes, edges = autograd_graph(out, leaves)
    out.backward()
    return AutogradReport(
        code=e.code,
        value=out.item(),
        grad_result=grad_result,
        grad_left_untouched=untouched,
        backward_result=_grads(leaves),
        closed_form=e.closed_form(x, w, b),
        nodes=nodes,
        edges=edges,
        second_backward_error=_second_backward_error(e, x, w, b),
        retained_twice=_backward_twice(e, x, w, b, zero_between=False),
        zeroed_between=_backward_twice(e, x, w, b, zero_between=True),
    )


def _second_backward_error(e: Expression, x: float, w: float, b: float) -> str:
    out, _ = _run(e, x, w, b)
    out.backward()
    try:
        out.backward()
    except RuntimeError as error:
        return str(error).split(". ")[0] + "."  # its first sentence says what went wrong
    return ""  # some graphs keep nothing to free (then a second backward just accumulates)


def _backward_twice(
    e: Expression, x: float, w: float, b: float, zero_between: bool
) -> dict[str, float]:
    out, leaves = _run(e, x, w, b)
    out.backward(retain_graph=True)
    if zero_between:
        for t in leaves.values():
            t.grad.zero_()
    out.backward()
    return _grads(leaves)


def autograd_graph(
    out: Tensor, leaves: Leaves
) -> tuple[tuple[GraphNode, ...], tuple[tuple[int, int], ...]]:
    """The backward graph from out.grad_fn through next_functions down to AccumulateGrad."""
    names = {id(t): n for n, t in leaves.items()}
    order: list[object] = []
    depth: dict[int, int] = {}
    edges: set[tuple[int, int]] = set()
    frontier = [(out.grad_fn, 0)]
    while frontier:
        fn, d = frontier.pop()
        if id(fn) not in depth:
            order.append(fn)
        depth[id(fn)] = max(d, depth.get(id(fn), -1))
        for child, _ in fn.next_functions:
            if child is not None:
                edges.add((id(fn), id(child)))
                frontier.append((child, d + 1))
    index = {id(fn): i for i, fn in enumerate(order)}
    nodes = tuple(
        GraphNode(
            type(fn).__name__, depth[id(fn)], names.get(id(getattr(fn, "variable", None)), "")
        )
        for fn in order
    )
    return nodes, tuple(sorted((index[a], index[b]) for a, b in edges))
