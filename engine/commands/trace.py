"""`main.py trace`: every micro-step of a run as one JSON object per line.

Teachers build answer sheets from it and tests prove the formulas with it: each object names
the phase, the parameter or neuron in view, the line of the training loop being run, the
explanation as the window shows it (in English) and every formula as a plain Python expression
over full-precision literals with its result.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from engine.commands.trace_loop import step_with_loop_numbers
from engine.core.snapshot import Snapshot
from engine.training.code_listing import code_lines
from engine.training.stepper import Stepper

MAX_TRACE_STEPS = 10_000  # each iteration prints a few dozen lines: beyond this use `train`
# Every line prints every parameter and gradient: a wide network's iteration is thousands of
# lines of thousands of values, so the cap is on values printed (Mazur's 10,000 iterations
# print about 6 million; the digits' 64-10 network reaches this in about 5 iterations).
MAX_TRACE_VALUES = 8_000_000


def add_trace_command(
    commands: Any, step_count: Callable[[str], int], presets: list[str]
) -> argparse.ArgumentParser:
    trace = commands.add_parser(
        "trace", help="print every micro-step of N iterations as JSON lines, with its formulas"
    )
    trace.add_argument("--preset", choices=presets, default="mazur")
    trace.add_argument("--steps", type=step_count, default=1, help="iterations to trace")
    trace.add_argument("--json", action="store_true", help="accepted: trace always prints JSON")
    return trace


def trace_lines(stepper: Stepper, iterations: int) -> Iterator[dict[str, Any]]:
    """One record per micro-step until `iterations` iterations are done or the run diverges."""
    lines = code_lines(stepper.config)
    while stepper.snapshot.completed < iterations:
        snapshot, loop = step_with_loop_numbers(stepper)
        record = trace_record(snapshot, lines)
        if loop is not None:  # only the loop's own micro-steps: a plain run's lines stay
            record["loop"] = _finite_mapping(loop)
        yield record
        if snapshot.diverged:
            return


def trace_record(snapshot: Snapshot, lines: list[str]) -> dict[str, Any]:
    return {
        "iteration": snapshot.iteration + 1,
        "phase": snapshot.phase,
        "focus": snapshot.focus,
        "line": lines[snapshot.code_line].strip(),
        "line_number": snapshot.code_line + 1,
        "text": snapshot.explanation,
        "formulas": [_finite(formula.as_dict()) for formula in snapshot.formulas],
        "params": _finite_mapping(snapshot.params),
        "grads": _finite_mapping(snapshot.grads),
    }


def run_trace(args: argparse.Namespace, config_from_args: Callable, out=print) -> int:
    from engine.core.errors import EngineError

    if args.steps > MAX_TRACE_STEPS:
        raise EngineError(f"--steps: trace prints at most {MAX_TRACE_STEPS:,} iterations")
    stepper = Stepper(config_from_args(args))
    check_trace_size(stepper, args.steps)
    for record in trace_lines(stepper, args.steps):
        out(json.dumps(record, allow_nan=False, ensure_ascii=False))
    return 3 if stepper.diverged else 0


def check_trace_size(stepper: Stepper, iterations: int) -> None:
    """Refuse (EngineError) a trace that would print more values than MAX_TRACE_VALUES."""
    from engine.core.errors import EngineError

    values = stepper.timeline.ticks(0, iterations) * 2 * len(stepper.model.params)
    if values > MAX_TRACE_VALUES:
        raise EngineError(
            f"--steps: {iterations:,} iterations of this network would print about {values:,} "
            f"values, more than the {MAX_TRACE_VALUES:,} trace prints: give fewer steps, or use "
            "train for the numbers of a long run"
        )


def _finite(record: dict[str, Any]) -> dict[str, Any]:
    """Strict JSON: a result that is NaN or infinite is written as null."""
    result = record["result"]
    if isinstance(result, float) and not math.isfinite(result):
        return {**record, "result": None}
    return record


def _finite_mapping(values: Mapping[str, Any]) -> dict[str, Any]:
    """Strict JSON: a float that is NaN or infinite is written as null."""
    return {
        label: None if isinstance(value, float) and not math.isfinite(value) else value
        for label, value in values.items()
    }
