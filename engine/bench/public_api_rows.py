"""The public-API path beside the private fast path: what the fenced internals buy."""

from __future__ import annotations

from collections.abc import Callable

from engine.bench.agreement import IDENTICAL, compare
from engine.bench.fast_forward_rows import EngineSide
from engine.bench.report import Row
from engine.bench.timing import Sizes, interleave, median
from engine.core.fast_path import public_api_only
from engine.models.config import Config
from engine.training.stepper import Stepper


class PublicSide:
    """`work` on the public-API path (no private torch internals), for the same numbers."""

    def __init__(self, make: Callable[[], Callable[[], object]]) -> None:
        self.make = make

    def __call__(self) -> Callable[[], object]:
        with public_api_only():
            work = self.make()

        def run() -> None:
            with public_api_only():
                work()

        return run


def public_api_rows(config: Config, sizes: Sizes) -> list[Row]:
    """What the fenced private internals buy: the same two measurements on both paths."""
    n = sizes.iterations
    fast, public = EngineSide(config, n), EngineSide(config, n)
    a, b = ([t / n for t in side] for side in interleave([PublicSide(public), fast], sizes.repeats))
    same, words = compare(public.stepper.model.values(), fast.stepper.model.values())
    steppers = {"fast": Stepper(config), "public": Stepper(config)}
    steps = steppers["fast"].micro_steps_per_iteration * sizes.micro_iterations

    def micro(name: str) -> Callable[[], Callable[[], object]]:
        def make() -> Callable[[], object]:
            def work() -> None:
                for _ in range(steps):
                    steppers[name].step_phase()

            return work

        return make

    c, d = (
        [t / steps for t in side]
        for side in interleave([PublicSide(micro("public")), micro("fast")], sizes.repeats)
    )
    agree, micro_words = compare(steppers["public"].model.values(), steppers["fast"].model.values())
    return [
        Row(
            metric=f"fast-forward run({n:,}), public API only",
            a=median(a),
            b=median(b),
            unit="s/it",
            ratio=median(a) / median(b),
            target="reported",
            ok=None,
            a_is="Stepper.run with engine.core.fast_path switched off",
            b_is="Stepper.run on the fast path (private torch internals)",
            numbers=words,
            identical=same and words == IDENTICAL,
        ),
        Row(
            metric="micro-step with Snapshot, public API only",
            a=median(c),
            b=median(d),
            unit="s",
            ratio=median(c) / median(d),
            target="reported",
            ok=None,
            a_is="step_phase() with engine.core.fast_path switched off",
            b_is="step_phase() on the fast path",
            numbers=micro_words,
            identical=agree and micro_words == IDENTICAL,
        ),
    ]
