"""The headless command line: argument parsing and the `train` command (no Qt here)."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, NoReturn

from engine.bench import add_bench_command, run_bench_command
from engine.commands.cli_argv import join_numeric_values, value_options
from engine.commands.cli_loop import add_loop_options, loop_changes, train_steps
from engine.commands.cli_values import (
    MAX_STEPS,
    activation_spec,
    float_list,
    float_pair,
    int_list,
    lookahead_pair,
    non_negative_float,
    non_negative_int,
    step_count,
    whole,
)
from engine.commands.compare_heads import add_compare_heads_command, run_compare_heads
from engine.commands.replay import (
    add_replay_command,
    add_save_session_option,
    check_session_target,
    run_replay,
    save_requested_session,
)
from engine.commands.script import add_script_command, run_script_command
from engine.commands.surface import add_surface_command, run_surface
from engine.commands.trace import add_trace_command, run_trace
from engine.core.device import resolve_device
from engine.core.errors import EngineError
from engine.io.init_file import read_init_file, with_init
from engine.models.config import (
    DEVICE_NAMES,
    DTYPE_NAMES,
    FUNCTION,
    LOSS_CHOICES,
    NETWORK,
    OPTIMIZER_NAMES,
    Config,
)
from engine.models.presets import PRESETS, get_preset
from engine.training.stepper import Stepper

EXIT_BAD_INPUT = 2
EXIT_DIVERGED = 3
# torch starts that many OpenMP threads; a million of them crashes the process.
MAX_BENCH_THREADS = 256


class OneLineParser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr and exit code 2, and an option's value may
    start with a minus (`--range -2,3,-1,1`)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        argv = sys.argv[1:] if args is None else list(args)
        return super().parse_known_args(join_numeric_values(argv, value_options(self)), namespace)


# -- parser ----------------------------------------------------------------------------------
def build_parser(prog: str = "main.py") -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog=prog,
        description="Backprop Studio: watch a real PyTorch training loop, one step at a time. "
        "Without a command it opens the window.",
    )
    parser.add_argument("--screenshot", metavar="FILE", help="open the window, save a grab, exit")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="mazur")
    parser.add_argument("--steps", type=step_count, default=0, help="iterations to run first")
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    add_train_command(commands)
    add_surface_command(commands, float_list, non_negative_int)
    add_bench_command(commands)
    add_export_command(commands)
    add_config_options(add_trace_command(commands, step_count, sorted(PRESETS)))
    add_script_command(commands, add_config_options, step_count)
    add_replay_command(commands)
    add_compare_heads_command(commands, add_config_options, sorted(PRESETS))
    return parser


def add_export_command(commands: Any) -> None:
    """Parsed here; run by the window package (it needs Qt, offscreen)."""
    export = commands.add_parser("export", help="write every figure of a run to a folder")
    export.add_argument("--preset", choices=sorted(PRESETS), default="mazur")
    export.add_argument("--steps", type=step_count, default=1)
    export.add_argument("--out", required=True, metavar="DIR", help="a folder, made if missing")
    export.add_argument("--formats", default="png,svg,pdf,csv", metavar="png,svg,pdf,csv")
    add_config_options(export)


def add_train_command(commands: Any) -> None:
    train = commands.add_parser("train", help="run N iterations headless and report")
    train.add_argument("--preset", choices=sorted(PRESETS), default="mazur")
    train.add_argument(
        "--steps", type=step_count, default=None, help="iterations (default: --epochs or 1)"
    )
    train.add_argument("--json", action="store_true", help="print one JSON object")
    add_save_session_option(train)
    add_config_options(train)


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """Options that override the preset's fields; anything not given keeps the preset's value."""
    add = parser.add_argument
    add("--optimizer", choices=OPTIMIZER_NAMES)
    add("--lr", type=non_negative_float, help="learning rate")
    add("--momentum", type=non_negative_float)
    add("--nesterov", action="store_true", default=None)
    add("--weight-decay", type=non_negative_float)
    add("--betas", type=float_pair, metavar="B1,B2")
    add("--lookahead", type=lookahead_pair, metavar="K,ALPHA")
    add("--activation", type=activation_spec, metavar="NAME", help="every layer")
    add("--output-activation", type=activation_spec, metavar="NAME", help="the output layer")
    add("--layers", type=int_list, metavar="2,2,2")
    add("--loss", choices=LOSS_CHOICES)
    add("--seed", type=whole)
    add("--device", choices=DEVICE_NAMES)
    add("--dtype", choices=DTYPE_NAMES)
    add("--train-biases", action="store_true", default=None)
    add("--skip-zero-grad", action="store_true", default=None)
    add("--init", metavar="FILE.json", help='starting parameters by label: {"w1": 0.15, ...}')
    add(
        "--published-variant",
        action="store_true",
        default=None,
        help="Mazur's closing figures: hidden deltas from the already-updated output weights",
    )
    add_loop_options(parser)


def config_from_args(args: argparse.Namespace) -> Config:
    """The preset with every given option applied on top."""
    config = get_preset(args.preset)
    FAMILY_OPTION_CHECKS[config.family](args)
    changes: dict[str, Any] = {}
    for name in (
        "optimizer", "lr", "momentum", "nesterov", "weight_decay", "betas", "loss", "seed",
        "device", "dtype", "train_biases", "skip_zero_grad", "published_variant",
    ):  # fmt: skip
        value = getattr(args, name, None)
        if value is not None:
            changes[name] = value
    if args.lookahead is not None:
        changes["lookahead_k"], changes["lookahead_alpha"] = args.lookahead
    layers = args.layers or config.layers
    if args.layers is not None:
        changes["layers"] = layers
    changes["activations"] = _activations(config, layers, args)
    seed = changes.get("seed", config.seed)
    changes |= loop_changes(config, args, args.layers is not None, seed)
    chosen = config.replace(**changes)
    if getattr(args, "init", None) is not None:
        chosen = with_init(chosen, read_init_file(args.init))
    resolve_device(chosen.device)  # refuse cuda where it is absent, before anything is built
    return chosen


def _refuse_network_options(args: argparse.Namespace) -> None:
    given = [
        option
        for option, name in (
            ("--layers", "layers"),
            ("--activation", "activation"),
            ("--output-activation", "output_activation"),
            ("--loss", "loss"),
            ("--train-biases", "train_biases"),
            ("--published-variant", "published_variant"),
        )  # fmt: skip
        if getattr(args, name, None) is not None
    ]
    if given:
        raise EngineError(
            f"{args.preset} is a test function (its parameters are x and y): "
            f"{', '.join(given)} does not apply"
        )


def _takes_every_option(args: argparse.Namespace) -> None:
    """A network has everything the train options set."""


# Per family of model: refuse the options that set what the model does not have.
FAMILY_OPTION_CHECKS: dict[str, Callable[[argparse.Namespace], None]] = {
    NETWORK: _takes_every_option,
    FUNCTION: _refuse_network_options,
}


def _activations(config: Config, layers: tuple[int, ...], args: argparse.Namespace) -> tuple:
    hidden = args.activation or config.activations[0]
    output = args.output_activation or args.activation or config.activations[-1]
    if layers == config.layers and not args.activation:
        acts = list(config.activations)
    else:
        acts = [hidden] * (len(layers) - 2)
        acts.append(output)
    if args.output_activation:
        acts[-1] = args.output_activation
    return tuple(acts)


# -- commands --------------------------------------------------------------------------------
def run_train(args: argparse.Namespace, out: Callable[[str], Any] = print) -> int:
    config = config_from_args(args)
    resolve_device(config.device)  # refuse cuda before building anything
    check_session_target(args)
    stepper = Stepper(config)
    steps = train_steps(args, stepper.timeline.per_epoch, config.epochs)
    if steps > MAX_STEPS:
        raise EngineError(f"--epochs: at most {MAX_STEPS:,} iterations in all, got {steps:,}")
    result = stepper.run(steps)
    save_requested_session(stepper, args)
    out(report_text(train_report(stepper, steps, result.diverged_at), args.json))
    if result.diverged_at is not None:
        print(
            f"{sys.argv[0]}: training diverged at iteration {result.diverged_at}: the loss became "
            "NaN or infinite; reporting the last finite state",
            file=sys.stderr,
        )
        return EXIT_DIVERGED
    return 0


def train_report(stepper: Stepper, steps: int, diverged_at: int | None) -> dict[str, Any]:
    config = stepper.config
    grads = stepper.snapshot.grads
    return {
        "preset": config.preset,
        "device": str(stepper.model.device),
        "dtype": config.dtype,
        "steps": steps,
        "completed": stepper.trajectory.length,
        "losses": stepper.trajectory.losses.tolist(),
        "final_loss": stepper.current_loss(),
        "params": stepper.params(),
        "grads": dict(grads),
        "outputs": stepper.outputs(),
        "diverged_at": diverged_at,
        "config": config.to_dict(),
        "epochs": [e.to_dict() for e in stepper.trajectory.evaluations],
        "lrs": stepper.trajectory.lrs.tolist(),
        "grad_norms": stepper.trajectory.grad_norms.tolist(),
    }


def report_text(report: dict[str, Any], as_json: bool) -> str:
    return json.dumps(_finite_or_null(report), allow_nan=False) if as_json else _human(report)


def _finite_or_null(value: Any) -> Any:
    """Strict JSON has no NaN or Infinity: they are written as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite_or_null(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite_or_null(v) for v in value]
    return value


def _human(report: dict[str, Any]) -> str:
    lines = [
        f"{report['preset']}: {report['completed']} iteration(s) on {report['device']} "
        f"({report['dtype']})",
        f"final loss {report['final_loss']:.10g}",
    ]
    lines += [f"  {label} = {value:.10g}" for label, value in report["params"].items()]
    lines += [f"  out {label} = {value:.10g}" for label, value in report["outputs"].items()]
    return "\n".join(lines)


def run_bench_checked(args: argparse.Namespace) -> int:
    if not 1 <= args.threads <= MAX_BENCH_THREADS:
        raise EngineError(
            f"--threads must be between 1 and {MAX_BENCH_THREADS}, got {args.threads}"
        )
    return run_bench_command(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "train": run_train,
    "trace": partial(run_trace, config_from_args=config_from_args),
    "surface": run_surface,
    "bench": run_bench_checked,
    "script": partial(run_script_command, config_from_args=config_from_args),
    "replay": partial(run_replay, report=train_report, render=report_text),
    "compare-heads": partial(
        run_compare_heads, config_from_args=config_from_args, render=report_text
    ),
}


def run_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run a headless command; bad input becomes one line on stderr and exit code 2."""
    try:
        if (getattr(args, "steps", 0) or 0) > MAX_STEPS:
            raise EngineError(f"--steps: at most {MAX_STEPS:,} iterations")
        return COMMANDS[args.command](args)
    except EngineError as error:
        parser.exit(EXIT_BAD_INPUT, f"{parser.prog} {args.command}: error: {error}\n")
    except BrokenPipeError:  # `trace … | head`: the reader has what it wanted
        _quiet_stdout()
        return 0
    except OSError as error:  # e.g. --out names a folder, or the disk is full
        parser.exit(EXIT_BAD_INPUT, f"{parser.prog} {args.command}: error: {os_reason(error)}\n")


def _quiet_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not fail on the closed pipe
    again (Python's documented way to leave quietly)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is no file (a test's capture)
        pass


def os_reason(error: OSError) -> str:
    """One line: what the system said, and about which file (the target, not a temporary)."""
    where = error.filename2 or error.filename
    reason = error.strerror or str(error) or type(error).__name__
    return " ".join((f"{reason}: {where}" if where else reason).split())


def parse_command_line(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None
) -> argparse.Namespace:
    """Parse, and refuse what argparse cannot see: an empty screenshot name, or a screenshot
    together with a command (which would otherwise be silently ignored)."""
    args = parser.parse_args(argv)
    screenshot = getattr(args, "screenshot", None)
    if screenshot is not None and not screenshot.strip():
        parser.error("--screenshot needs a file name, e.g. --screenshot window.png")
    if screenshot is not None and args.command is not None:
        parser.error(
            f"--screenshot opens the window; it does not go with the {args.command} command"
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parse_command_line(parser, argv)
    if args.command is None:
        parser.error(f"no command given ({', '.join(COMMANDS)})")
    if args.command not in COMMANDS:  # export draws with the window's views: main.py runs it
        parser.error(f"{args.command} needs the window package: run it as python main.py")
    return run_command(args, parser)
