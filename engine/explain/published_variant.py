"""The arithmetic behind the closing figures of Mazur's post, offered as a named switch.

The post's derivation says to use the original weights for the hidden layer, but its closing
figures (0.291027924 after one round, 0.000035085 after 10,000) come from hidden-layer deltas
computed through the already-updated output weights w5..w8. Correct backprop (and PyTorch) gives
0.2910277737 and 0.0000351019. This module reproduces the published numbers, and nothing else
in the engine uses it unless `Config.published_variant` is on.
"""

from __future__ import annotations

import torch
from torch import Tensor

from engine.models.chain_rule import ChainRule
from engine.models.losses import Loss
from engine.models.mlp import MLP


def apply_published_variant(
    model: MLP, x: Tensor, target: Tensor, loss_fn: Loss, lr: float
) -> list[Tensor]:
    """Overwrite the hidden layer's .grad as the post computed it; return the weights it used.

    Call after loss.backward() and before optimizer.step() (plain SGD, one hidden layer).
    """
    hidden, output = model.linears
    with torch.no_grad():
        updated_output = output.weight - lr * output.weight.grad
    upstream = [hidden.weight.detach(), updated_output]
    chain = ChainRule(model, x, target, loss_fn, upstream)
    with torch.no_grad():
        for info in model.params:
            if info.layer == 1 and model.trainable(info):
                grad = model.tensor_of(info).grad
                grad[model.element_of(info)] = chain.gradient(info.label)
    return upstream
