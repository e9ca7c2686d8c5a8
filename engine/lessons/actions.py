"""Every action a lesson may ask the app to do, with its arguments.

The player in gui/lessons executes them; this table is what the loader validates against and
what docs/lessons.md documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.core.errors import EngineError
from engine.core.snapshot import PHASES
from engine.labs.activation_curves import LAB_ACTIVATIONS
from engine.labs.vanishing import INITS, MAX_DEPTH
from engine.lessons.arguments import Arg, check_args
from engine.models.activations import ACTIVATION_NAMES, OUTPUT_ONLY
from engine.models.config import OPTIMIZER_NAMES, Config
from engine.models.presets import PRESETS, get_preset
from engine.models.test_functions import FUNCTIONS

TABS = ("training", "surface", "race", "basins", "labs")
LABS = ("activation", "vanishing", "softmax", "autograd", "gradient_check", "classification")
PLANES = ("params", "random", "pca")
CODE_LINES = (*PHASES[2:], "none")  # batch, zero_grad, ..., clip, step, schedule, evaluate
SURFACES = tuple(name for name, fn in FUNCTIONS.items() if fn.dims == 2)
LAB_KEYS = tuple(entry.key for entry in LAB_ACTIVATIONS)
CHAIN_ACTIVATIONS = tuple(n for n in ACTIVATION_NAMES if n not in OUTPUT_ONLY and n != "step")
# They may finish later: Next waits.
ASYNC_ACTIONS = frozenset({"run", "run_epochs", "basin_map", "open_lab"})
MAX_ITERATIONS = 1_000_000
# Race steps are taken at once on the GUI thread, about 0.6 ms each (measured): at most ~1 s.
MAX_RACE_JUMP = 1_000

PRESET = Arg("str", required=True, choices=tuple(PRESETS))
COUNT = Arg("int", low=1, high=10_000)

ACTIONS: dict[str, dict[str, Arg]] = {
    "load_preset": {"name": PRESET},
    "settings": {
        "preset": PRESET
    },  # plus any setting of engine.models.config.Config, checked whole
    "step": {"count": COUNT},
    "step_until": {"phase": Arg("str", True, PHASES[2:]), "focus": Arg("str")},
    "step_line": {"count": COUNT},  # every micro-step of the current line of the loop
    "step_iteration": {"count": COUNT},
    "run": {"iterations": Arg("int", True, low=1, high=MAX_ITERATIONS)},
    "run_epochs": {"count": Arg("int", low=1, high=1_000)},  # to the end of the epoch(s)
    "back": {"count": COUNT},
    "reset": {},
    "highlight": {"label": Arg("str", required=True)},
    "highlight_code": {"line": Arg("str", True, CODE_LINES)},
    "show_tab": {"tab": Arg("str", True, TABS)},
    "surface": {
        "plane": Arg("str", True, PLANES),
        "axes": Arg("labels"),
        "seed": Arg("int", low=0, high=9999),
    },
    "race": {
        "function": Arg("str", True, SURFACES),
        "steps": Arg("int", low=0, high=MAX_RACE_JUMP),
        "play": Arg("bool"),
    },
    "basin_map": {
        "function": Arg("str", True, SURFACES),
        "optimizer": Arg("str", choices=OPTIMIZER_NAMES),
        "lr": Arg("float", low=0.0001, high=10),
        "steps": Arg("int", low=1, high=100_000),
        "starts": Arg("int", low=8, high=512),
    },
    "open_lab": {
        "lab": Arg("str", True, LABS),
        "activation": Arg("str"),
        "x": Arg("float", low=-8, high=8),
        "depth": Arg("int", low=1, high=MAX_DEPTH),  # the lab's own limit
        "init": Arg("str", choices=INITS),
    },
}


def check_action(name: str, args: Mapping[str, Any], where: str) -> None:
    """Raise EngineError naming `where` when the action or an argument is not valid."""
    if name not in ACTIONS:
        raise EngineError(f"{where}: unknown action {name!r} (choose one of {', '.join(ACTIONS)})")
    if name == "settings":
        settings_config(args, where)
        return
    check_args(args, ACTIONS[name], where)
    if name == "open_lab":
        _check_lab_activation(args, where)
    if name == "surface" and "axes" in args and len(args["axes"]) != 2:
        raise EngineError(f"{where}: field 'axes': give two parameter labels")


def settings_config(args: Mapping[str, Any], where: str = "settings") -> Config:
    """A preset with some settings changed, e.g. {"preset": "parabola", "lr": 1.1}."""
    if "preset" not in args:
        raise EngineError(f"{where}: missing field 'preset'")
    check_args({"preset": args["preset"]}, ACTIONS["settings"], where)
    data = {**get_preset(args["preset"]).to_dict(), **_dataset_defaults(args), **args}
    try:
        return Config.from_dict(data)
    except (EngineError, TypeError, ValueError) as error:
        raise EngineError(f"{where}: {error}") from None


def _dataset_defaults(args: Mapping[str, Any]) -> dict[str, Any]:
    """A dataset replaces the preset's own samples and hand-set starting values (a lesson may
    still give them)."""
    return {"inputs": (), "targets": (), "initial_params": {}} if args.get("dataset") else {}


def _check_lab_activation(args: Mapping[str, Any], where: str) -> None:
    name = args.get("activation")
    if name is None:
        return
    known = LAB_KEYS if args["lab"] == "activation" else CHAIN_ACTIVATIONS
    if args["lab"] not in ("activation", "vanishing"):
        raise EngineError(
            f"{where}: field 'activation' applies to the activation and vanishing labs"
        )
    if name not in known:
        raise EngineError(f"{where}: field 'activation': {name!r} is not one of {', '.join(known)}")
