"""Per-iteration record of a run: the loss, gradient norm and parameters, for plots and surfaces."""

from __future__ import annotations

import numpy as np


class Trajectory:
    """Row i of `params` holds the parameters at the start of iteration i; losses[i] its loss."""

    def __init__(self, start: np.ndarray, capacity: int = 1024) -> None:
        self._params = np.empty((capacity + 1, start.size))
        self._losses = np.empty(capacity)
        self._grad_norms = np.empty(capacity)
        self._params[0] = start
        self.length = 0  # completed iterations

    def _ensure(self, rows: int) -> None:
        if rows <= self._losses.size:
            return
        capacity = max(rows, 2 * self._losses.size)
        self._losses = np.resize(self._losses, capacity)
        self._grad_norms = np.resize(self._grad_norms, capacity)
        params = np.empty((capacity + 1, self._params.shape[1]))
        params[: self._params.shape[0]] = self._params
        self._params = params

    def record(self, iteration: int, loss: float, grad_norm: float, after: np.ndarray) -> None:
        """Iteration `iteration` finished with this loss; `after` are the updated parameters."""
        self._ensure(iteration + 1)
        self._losses[iteration] = loss
        self._grad_norms[iteration] = grad_norm
        self._params[iteration + 1] = after
        self.length = iteration + 1

    def record_many(
        self, first: int, losses: np.ndarray, grad_norms: np.ndarray, after: np.ndarray
    ) -> None:
        """Iterations first, first+1, ... finished: one row of each array per iteration."""
        end = first + losses.size
        self._ensure(end)
        self._losses[first:end] = losses
        self._grad_norms[first:end] = grad_norms
        self._params[first + 1 : end + 1] = after
        self.length = end

    def rewind(self, completed: int, start: np.ndarray) -> None:
        """Keep the first `completed` iterations; `start` begins the next (after an edit, say)."""
        self.length = completed
        self._params[completed] = start

    @property
    def losses(self) -> np.ndarray:
        return self._losses[: self.length]

    @property
    def grad_norms(self) -> np.ndarray:
        return self._grad_norms[: self.length]

    @property
    def params(self) -> np.ndarray:
        """Parameters at the start of every iteration so far, plus the current ones."""
        return self._params[: self.length + 1]

    @property
    def nbytes(self) -> int:
        return self._params.nbytes + self._losses.nbytes + self._grad_norms.nbytes
