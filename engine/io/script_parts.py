"""The fixed pieces of an exported script: module and function code, helper classes.

Everything here is the app's own text, looked up by name; nothing in it comes from a user.
"""

from __future__ import annotations

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

# Each test function in the same operations, in the same order, as engine.models.test_functions.
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


EDITS_HELPER = '''
@torch.no_grad()  # setting a value by hand is not a step autograd records
def apply_edits(iteration):
    """Set the values typed into the app by hand before this iteration, in their order."""
    for before, tensor, position, value in edits:
        if before == iteration:
            tensor[position] = value
'''
