"""A gradient explained: the chain-rule factors whose product it is, and their formula trees."""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.formula import Formula, Line
from engine.core.phrase import Words, render


@dataclass(frozen=True)
class Factor:
    symbol: str  # e.g. "∂E/∂out_o1"
    value: float
    origin: Formula | None = None  # how the factor itself is computed, when it can be said


@dataclass(frozen=True)
class Explanation:
    """One gradient (or one neuron's δ) as a product of chain-rule factors."""

    label: str
    value: float
    factors: tuple[Factor, ...]  # their product is `value` (summed over samples in a batch)
    upstream: tuple[Factor, ...]  # the terms summed into the first factor (hidden neurons)
    formulas: tuple[Formula, ...] = ()  # the upstream sum (if any), then the product, as trees
    summary: Words = ""  # shown instead of the product where it is too long (a batch's sum)

    @property
    def formula(self) -> str:
        """symbols = numbers = value (or the summary), rendered when asked for."""
        return str(render(self.summary)) if self.summary else self.formulas[-1].text()

    @property
    def upstream_formula(self) -> str:
        """The sum over the paths to the loss; "" when there is none."""
        return self.formulas[0].text() if self.upstream and len(self.formulas) > 1 else ""

    @property
    def lines(self) -> tuple[Line, ...]:
        """What a view shows: the upstream sum, then the product (or the summary)."""
        head = self.formulas[:-1] if self.upstream else ()
        return (*head, self.summary or self.formulas[-1])
