"""`main.py script`: a run, or a saved session, as a standalone PyTorch script.

    script --session FILE --out FILE.py          the session's run, its hand edits included
    script [train options] --out FILE.py         the run those options describe

The script is written only once it is complete and compiles (safe_write, verify_python);
a session is opened (and so checked to replay) before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from engine.core.errors import EngineError
from engine.io.safe_write import check_writable_target, safe_write_text
from engine.io.session_open import load_session
from engine.io.torch_script import script_of_run, torch_script
from engine.io.verify import verify_python
from engine.models.config import Config
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper

DEFAULT_STEPS = 1  # as `train`

AddOptions = Callable[[argparse.ArgumentParser], None]
ConfigFromArgs = Callable[[argparse.Namespace], Config]


def add_script_command(commands: Any, add_config_options: AddOptions, step_count: Any) -> None:
    script = commands.add_parser("script", help="write a run as a standalone PyTorch script")
    script.add_argument("--session", metavar="FILE", help="a saved session (no train options)")
    # Own names: a session takes neither, so the command must see whether they were given.
    script.add_argument("--preset", dest="script_preset", choices=sorted(PRESETS), default=None)
    script.add_argument("--steps", dest="script_steps", type=step_count, default=None)
    script.add_argument(
        "--out", required=True, metavar="FILE.py", help="the script to write ('-': print it)"
    )
    add_config_options(script)
    script.set_defaults(train_options=_option_names(add_config_options))


def run_script_command(args: argparse.Namespace, config_from_args: ConfigFromArgs) -> int:
    to_stdout = args.out == "-"  # as for most Unix tools: the script itself, to pipe on
    if not to_stdout:
        check_writable_target(args.out)  # before a long session is replayed
    if args.session is not None:
        text = _session_script(args)
    else:
        text = _options_script(args, config_from_args)
    if to_stdout:
        sys.stdout.write(text)
        return 0
    safe_write_text(args.out, text, verify_python)
    print(f"wrote {args.out}")
    return 0


def _session_script(args: argparse.Namespace) -> str:
    given = [name for name in args.train_options if getattr(args, name, None) is not None]
    given += ["preset"] * (args.script_preset is not None)
    given += ["steps"] * (args.script_steps is not None)
    if given:
        options = ", ".join("--" + name.replace("_", "-") for name in given)
        raise EngineError(f"--session takes no train options (got {options})")
    return script_of_run(load_session(args.session))


def _options_script(args: argparse.Namespace, config_from_args: ConfigFromArgs) -> str:
    preset = args.script_preset or "mazur"
    config = config_from_args(argparse.Namespace(**{**vars(args), "preset": preset}))
    steps = args.script_steps
    if steps is None:  # as `train`: every epoch of --epochs, else one step
        epochs = config.epochs
        steps = Stepper(config).timeline.per_epoch * epochs if epochs else DEFAULT_STEPS
    return torch_script(config, steps)


def _option_names(add_config_options: AddOptions) -> tuple[str, ...]:
    """The names the train options are parsed into (every one defaults to None)."""
    probe = argparse.ArgumentParser(add_help=False)
    add_config_options(probe)
    return tuple(vars(probe.parse_args([])))
