"""`main.py surface`: the loss on an N×N grid of two parameters, as JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from engine.core.errors import EngineError
from engine.io.safe_write import check_writable_target, safe_write
from engine.io.verify import verify_csv
from engine.landscape.surface import (
    Surface,
    default_bounds,
    function_surface,
    mlp_surface,
    parameter_plane,
)
from engine.models.presets import PRESETS, get_preset
from engine.models.test_functions import FUNCTIONS
from engine.training.stepper import Stepper


def add_surface_command(commands: Any, float_list: Any, non_negative_int: Any) -> None:
    surface = commands.add_parser("surface", help="the loss on a grid of two parameters")
    surface.add_argument("--preset", choices=sorted(PRESETS), default="mazur")
    surface.add_argument("--axes", metavar="A,B", help="two parameter labels, e.g. w5,w6")
    surface.add_argument("--res", type=non_negative_int, default=64, help="grid points per axis")
    surface.add_argument("--range", type=float_list, metavar="x0,x1,y0,y1", dest="bounds")
    surface.add_argument("--steps", type=non_negative_int, default=0, help="train first")
    output = surface.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument("--out", metavar="FILE.csv", help="write columns A,B,loss")


def compute_surface(args: argparse.Namespace) -> Surface:
    if args.bounds is not None:
        check_range(args.bounds)
    if args.preset in FUNCTIONS:
        fn = FUNCTIONS[args.preset]
        if args.axes not in (None, "x,y"):
            raise EngineError(f"the {args.preset} surface has the axes x,y")
        return function_surface(fn, tuple(args.bounds or fn.bounds), args.res)
    if not args.axes:
        raise EngineError("--axes is required for a network preset, e.g. --axes w5,w6")
    labels = [a.strip() for a in args.axes.split(",")]
    if len(labels) != 2:
        raise EngineError(f"--axes needs two parameter labels, got {args.axes!r}")
    stepper = Stepper(get_preset(args.preset))
    stepper.run(args.steps)
    values = stepper.model.values()
    plane = parameter_plane(stepper.model, values, labels[0], labels[1])
    bounds = tuple(args.bounds) if args.bounds else default_bounds(plane, values)
    return mlp_surface(
        stepper.model, stepper.x, stepper.target, stepper.loss_fn, plane, bounds, args.res
    )


def check_range(bounds: tuple[float, ...]) -> None:
    """Four numbers whose spans are finite: a wider range overflows the grid to inf and NaN."""
    if len(bounds) != 4:
        raise EngineError("--range needs four numbers: x0,x1,y0,y1")
    x0, x1, y0, y1 = bounds
    if not (math.isfinite(x1 - x0) and math.isfinite(y1 - y0)):
        raise EngineError(
            f"the range {','.join(f'{v:g}' for v in bounds)} is too wide: "
            "each axis may span at most about 1.7e308"
        )


def run_surface(args: argparse.Namespace) -> int:
    if args.out is not None:
        check_writable_target(args.out)  # before the work, not after it
    surface = compute_surface(args)
    if args.json:
        print(json.dumps(surface_json(surface), allow_nan=False))
    else:
        write_csv(surface, Path(args.out))
    return 0


def surface_json(surface: Surface) -> dict[str, Any]:
    """Strict JSON: a loss that overflowed (inf) or is undefined (NaN) is written as null."""
    return {
        "axes": list(surface.plane.axes),
        "x": _finite_or_null(surface.x),
        "y": _finite_or_null(surface.y),
        "loss": _finite_or_null(surface.loss),
    }


def _finite_or_null(values: np.ndarray) -> list[Any]:
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values), values, None).tolist()


def write_csv(surface: Surface, path: Path) -> None:
    """Columns A,B,loss, one row per grid point, through the safe-write routine."""
    safe_write(path, lambda staged: _write_rows(surface, staged), verify_csv)


def _write_rows(surface: Surface, staged: Path) -> None:
    a, b = surface.plane.axes
    with open(staged, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([a, b, "loss"])
        for r, y in enumerate(surface.y):
            for c, x in enumerate(surface.x):
                writer.writerow([repr(float(x)), repr(float(y)), repr(float(surface.loss[r, c]))])
