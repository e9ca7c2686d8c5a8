"""Per-iteration record of a run: the loss, gradient norm and parameters, for plots and surfaces.

Every iteration's loss and gradient norm are kept. Parameters are kept for every iteration
until they would pass PARAMS_BUDGET_BYTES; from then on the record is thinned: every other
row is dropped and only every `stride`-th iteration is kept, the stride doubling each time the
rows fill up again. The current parameters are always at hand. A long run's descent path and
parameter plot then show evenly spaced points instead of exhausting memory.
"""

from __future__ import annotations

import math

import numpy as np

from engine.training.evaluation import Evaluation

PARAMS_BUDGET_BYTES = 256 * 2**20
MIN_PARAM_ROWS = 2048


def param_rows_for(parameters: int) -> int:
    """How many rows of parameters a trajectory keeps at most."""
    return max(MIN_PARAM_ROWS, PARAMS_BUDGET_BYTES // (8 * max(parameters, 1)))


class Trajectory:
    """losses[i] is iteration i's loss; params[r] the parameters after param_iterations[r]."""

    def __init__(self, start: np.ndarray, capacity: int = 1024) -> None:
        self.max_rows = param_rows_for(start.size)
        self._params = np.empty((min(capacity, self.max_rows) + 1, start.size))
        self._losses = np.empty(capacity)
        self._grad_norms = np.empty(capacity)
        self._lrs = np.empty(capacity)
        # The validation pass at each epoch's end, by the iteration it ended. Like the rows
        # past `length`, those past it stay: going forward again over the same path finds them.
        self._evaluations: dict[int, Evaluation] = {}
        self._params[0] = start
        self._kept = 1  # rows in use: row r holds the parameters after r·stride iterations
        self.stride = 1
        self.current = np.array(start, dtype=float)  # the parameters after `length` iterations
        self.length = 0  # completed iterations

    # -- recording ---------------------------------------------------------------------------
    def record(
        self,
        iteration: int,
        loss: float,
        grad_norm: float,
        after: np.ndarray,
        lr: float = math.nan,
    ) -> None:
        """Iteration `iteration` finished with this loss; `after` are the updated parameters;
        `lr` the learning rate its step used."""
        self.record_many(
            iteration,
            np.array([loss]),
            np.array([grad_norm]),
            np.asarray(after)[None],
            np.array([lr]),
        )

    def record_many(
        self,
        first: int,
        losses: np.ndarray,
        grad_norms: np.ndarray,
        after: np.ndarray,
        lrs: np.ndarray | None = None,
    ) -> None:
        """Iterations first, first+1, ... finished: one row of each array per iteration."""
        end = first + losses.size
        self._ensure_scalars(end)
        self._losses[first:end] = losses
        self._grad_norms[first:end] = grad_norms
        self._lrs[first:end] = math.nan if lrs is None else lrs
        self.length = end
        self.current = np.array(after[-1], dtype=float)
        self._kept = first // self.stride + 1  # rows after `first` are being replaced
        done = np.arange(first + 1, end + 1)  # iterations completed once each row of `after`
        on_stride = done % self.stride == 0
        self._append_rows(done[on_stride], after[on_stride])

    def rewind(self, completed: int, start: np.ndarray) -> None:
        """Keep the first `completed` iterations; `start` begins the next (after an edit, say)."""
        self.length = completed
        self.current = np.array(start, dtype=float)
        self._kept = completed // self.stride + 1
        if completed % self.stride == 0:
            self._params[self._kept - 1] = start

    def _append_rows(self, iterations: np.ndarray, rows: np.ndarray) -> None:
        """Rows after those iterations (multiples of the stride); thinned on the way if full."""
        if self._kept + len(rows) <= self.max_rows + 1:  # the usual case: room for all
            self._ensure_rows(self._kept + len(rows))
            self._params[self._kept : self._kept + len(rows)] = rows
            self._kept += len(rows)
            return
        for iteration, row in zip(iterations, rows, strict=True):
            if self._kept == self.max_rows + 1:
                self._thin()
            if iteration % self.stride == 0:
                self._ensure_rows(self._kept + 1)
                self._params[self._kept] = row
                self._kept += 1

    def _thin(self) -> None:
        """Drop every other row: the stride doubles."""
        kept = self._params[: self._kept : 2]
        self._kept = kept.shape[0]
        self._params[: self._kept] = kept
        self.stride *= 2

    def _ensure_rows(self, rows: int) -> None:
        if rows <= self._params.shape[0]:
            return
        grown = np.empty((min(max(rows, 2 * self._params.shape[0]), self.max_rows + 1),
                          self._params.shape[1]))  # fmt: skip
        grown[: self._params.shape[0]] = self._params
        self._params = grown

    def _ensure_scalars(self, rows: int) -> None:
        if rows <= self._losses.size:
            return
        capacity = max(rows, 2 * self._losses.size)
        self._losses = np.resize(self._losses, capacity)
        self._grad_norms = np.resize(self._grad_norms, capacity)
        self._lrs = np.resize(self._lrs, capacity)

    def record_evaluation(self, iteration: int, evaluation: Evaluation) -> None:
        """The validation pass that ended iteration `iteration` (its epoch's last batch)."""
        self._evaluations[iteration] = evaluation

    # -- reading -----------------------------------------------------------------------------
    @property
    def losses(self) -> np.ndarray:
        return self._losses[: self.length]

    @property
    def grad_norms(self) -> np.ndarray:
        return self._grad_norms[: self.length]

    @property
    def lrs(self) -> np.ndarray:
        """The learning rate each iteration's step used (NaN where none was recorded)."""
        return self._lrs[: self.length]

    @property
    def evaluations(self) -> tuple[Evaluation, ...]:
        """The validation passes so far, one per finished epoch."""
        return tuple(e for i, e in sorted(self._evaluations.items()) if i < self.length)

    def evaluation_at(self, iteration: int) -> Evaluation | None:
        """The validation pass that ended iteration `iteration`, as soon as it ran (also at
        the evaluate micro-step, before the iteration is finished)."""
        return self._evaluations.get(iteration)

    @property
    def param_iterations(self) -> np.ndarray:
        """After how many iterations each row of `params` was taken (the last: `length`)."""
        kept = np.arange(self._kept) * self.stride
        return kept if self._ends_on_a_row() else np.append(kept, self.length)

    @property
    def params(self) -> np.ndarray:
        """The parameters kept so far, oldest first, ending with the current ones."""
        kept = self._params[: self._kept]
        return kept if self._ends_on_a_row() else np.vstack([kept, self.current])

    def params_after(self, iteration: int) -> np.ndarray | None:
        """The parameters after `iteration` iterations, or None where the record was thinned."""
        if iteration == self.length:
            return self.current
        if iteration % self.stride or not 0 <= iteration < self.length:
            return None
        return self._params[iteration // self.stride]

    def _ends_on_a_row(self) -> bool:
        return self.length % self.stride == 0

    @property
    def nbytes(self) -> int:
        return (
            self._params.nbytes + self._losses.nbytes + self._grad_norms.nbytes + self._lrs.nbytes
        )
