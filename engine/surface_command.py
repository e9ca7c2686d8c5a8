"""`main.py surface`: the loss on an N×N grid of two parameters, as JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from engine.errors import EngineError
from engine.presets import PRESETS, get_preset
from engine.stepper import Stepper
from engine.surface import Surface, default_bounds, function_surface, mlp_surface, parameter_plane
from engine.test_functions import FUNCTIONS


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
    if args.bounds is not None and len(args.bounds) != 4:
        raise EngineError("--range needs four numbers: x0,x1,y0,y1")
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


def run_surface(args: argparse.Namespace) -> int:
    if args.out is not None:
        _check_writable(Path(args.out))
    surface = compute_surface(args)
    if args.json:
        print(json.dumps(surface_json(surface)))
    else:
        write_csv(surface, Path(args.out))
    return 0


def surface_json(surface: Surface) -> dict[str, Any]:
    return {
        "axes": list(surface.plane.axes),
        "x": surface.x.tolist(),
        "y": surface.y.tolist(),
        "loss": surface.loss.tolist(),
    }


def _check_writable(path: Path) -> None:
    if not path.parent.is_dir():
        raise EngineError(f"cannot write {path}: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise EngineError(f"cannot write {path}: the folder {path.parent} is not writable")


def write_csv(surface: Surface, path: Path) -> None:
    """Columns A,B,loss, one row per grid point; written to a temporary file, then renamed."""
    a, b = surface.plane.axes
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([a, b, "loss"])
            for r, y in enumerate(surface.y):
                for c, x in enumerate(surface.x):
                    writer.writerow(
                        [repr(float(x)), repr(float(y)), repr(float(surface.loss[r, c]))]
                    )
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
