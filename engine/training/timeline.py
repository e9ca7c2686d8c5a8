"""How many micro-steps each iteration has: the same for every batch, plus the epoch's end.

The last batch of an epoch adds the micro-steps that run after the loop over the batches
(`scheduler.step()` per epoch, `model.eval()` and the validation pass). The length of any
stretch of iterations is then a closed form, so going to any position stays direct.
"""

from __future__ import annotations

from dataclasses import dataclass

Plan = list[tuple[str, str | None]]  # (phase, focus) of each micro-step of an iteration


@dataclass(frozen=True)
class Timeline:
    base: Plan  # every iteration's micro-steps
    epoch_end: Plan  # added to the last batch of each epoch
    per_epoch: int = 1  # batches per epoch

    def plan(self, iteration: int) -> Plan:
        return self.base + self.epoch_end if self.ends_epoch(iteration) else self.base

    def ends_epoch(self, iteration: int) -> bool:
        return bool(self.epoch_end) and (iteration + 1) % self.per_epoch == 0

    def length(self, iteration: int) -> int:
        return len(self.plan(iteration))

    def ticks(self, first: int, count: int) -> int:
        """Micro-steps of iterations first … first + count − 1."""
        ends = (first + count) // self.per_epoch - first // self.per_epoch
        return count * len(self.base) + (ends * len(self.epoch_end) if self.epoch_end else 0)

    def whole_within(self, first: int, ticks: int) -> int:
        """The most whole iterations from `first` on whose micro-steps fit in `ticks`."""
        low, high = 0, max(ticks, 0) // len(self.base)
        while low < high:  # ticks() grows with the count: bisect
            middle = (low + high + 1) // 2
            if self.ticks(first, middle) <= ticks:
                low = middle
            else:
                high = middle - 1
        return low
