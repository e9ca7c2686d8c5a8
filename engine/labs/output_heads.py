"""Output activations of a classifier, each paired with the loss it is trained by.

The notes' experiment keeps the PyTorch demo's loss, nll(out, y) = −out[range(n), y].mean(), and
swaps the output activation: log_softmax (then nll is cross-entropy), softmax, sigmoid, tanh.
Only log_softmax makes nll a proper loss; the others reward the right class's output without
ever pushing the wrong ones down. Sigmoid with binary cross-entropy is added to show that
sigmoid itself is not the problem, its pairing with nll is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor


@dataclass(frozen=True)
class OutputHead:
    key: str
    title: str
    code: str  # the PyTorch the learner would write
    activation: Callable[[Tensor], Tensor]  # logits (n, K) -> outputs (n, K)
    loss: Callable[[Tensor, Tensor], Tensor]  # (outputs, class indices) -> scalar


def notes_log_softmax(z: Tensor) -> Tensor:
    """The demo's own log_softmax: it skips subtracting the max, so large logits overflow."""
    return z - z.exp().sum(-1).log().unsqueeze(-1)


def _bce(out: Tensor, y: Tensor) -> Tensor:
    return F.binary_cross_entropy(out, F.one_hot(y, out.shape[1]).to(out.dtype))


HEADS: tuple[OutputHead, ...] = (
    OutputHead(
        "log_softmax",
        "log_softmax + NLL",
        "out = log_softmax(z); loss = F.nll_loss(out, y)",
        lambda z: torch.log_softmax(z, dim=-1),
        F.nll_loss,
    ),
    OutputHead(
        "softmax",
        "softmax + NLL",
        "out = softmax(z); loss = F.nll_loss(out, y)",
        lambda z: torch.softmax(z, dim=-1),
        F.nll_loss,
    ),
    OutputHead(
        "sigmoid",
        "sigmoid + NLL",
        "out = torch.sigmoid(z); loss = F.nll_loss(out, y)",
        torch.sigmoid,
        F.nll_loss,
    ),
    OutputHead(
        "tanh",
        "tanh + NLL",
        "out = torch.tanh(z); loss = F.nll_loss(out, y)",
        torch.tanh,
        F.nll_loss,
    ),
    OutputHead(
        "sigmoid_bce",
        "sigmoid + BCE",
        "out = torch.sigmoid(z); loss = F.binary_cross_entropy(out, one_hot(y))",
        torch.sigmoid,
        _bce,
    ),
)
HEAD_KEYS = tuple(h.key for h in HEADS)
NOTES_HEADS = ("log_softmax", "softmax", "sigmoid", "tanh")  # the ones the notes compare


def get_head(key: str) -> OutputHead:
    for head in HEADS:
        if head.key == key:
            return head
    raise ValueError(f"unknown output {key!r}: choose one of {', '.join(HEAD_KEYS)}")
