"""`compare-heads`: the output-activation experiment headless, as a table or one JSON object."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from engine.labs.loop_head_table import head_sentence, head_title
from engine.labs.loop_heads import HeadComparison, HeadResult, compare_loop_heads
from engine.models.config import Config

ConfigFromArgs = Callable[[argparse.Namespace], Config]


def add_compare_heads_command(
    commands: Any, add_config_options: Callable[[argparse.ArgumentParser], None], presets: list
) -> None:
    compare = commands.add_parser(
        "compare-heads",
        help="train the same network, seed and batches with each output head; compare accuracy",
    )
    compare.add_argument("--preset", choices=presets, default="digits")
    compare.add_argument("--json", action="store_true", help="print one JSON object")
    add_config_options(compare)


def run_compare_heads(
    args: argparse.Namespace,
    config_from_args: ConfigFromArgs,
    render: Callable[[dict[str, Any], bool], str],
    out: Callable[[str], Any] = print,
) -> int:
    config = config_from_args(args)
    comparison = compare_loop_heads(config)
    assert comparison is not None  # nothing stops it
    report = comparison_report(comparison)
    out(render(report, True) if args.json else comparison_table(report))
    return 0


def comparison_report(comparison: HeadComparison) -> dict[str, Any]:
    config = comparison.config
    return {
        "preset": config.preset,
        "dataset": config.dataset,
        "layers": list(config.layers),
        "seed": config.seed,
        "epochs": comparison.epochs,
        "batches": comparison.batches,
        "heads": {result.head.key: _head_report(result) for result in comparison.results},
    }


def _head_report(result: HeadResult) -> dict[str, Any]:
    head = result.head
    return {
        "val_accuracy": result.val_accuracy,
        "val_loss": result.val_loss,
        "title": head_title(head),
        "activation": head.activation,
        "loss": head.loss,
        "code": head.code,
        "sentence": head_sentence(head),
        "epochs": [evaluation.to_dict() for evaluation in result.evaluations],
        "diverged_at": result.diverged_at,
    }


def comparison_table(report: dict[str, Any]) -> str:
    """A Markdown table (it reads as plain text too), one row per head, then the sentences."""
    lines = [
        f"{report['preset']}: layers {'-'.join(map(str, report['layers']))} on "
        f"{report['dataset']}, seed {report['seed']}, {report['epochs']} epoch(s) of "
        f"{report['batches'] // report['epochs']} batches, every head from the same weights",
        "",
        "| head | validation accuracy | validation loss |",
        "|---|---:|---:|",
    ]
    for head in report["heads"].values():
        accuracy, loss = head["val_accuracy"], head["val_loss"]
        lines.append(f"| {head['title']} | {accuracy:.1%} | {loss:.4f} |")
    lines.append("")
    lines += [f"- {head['title']}: {head['sentence']}" for head in report["heads"].values()]
    return "\n".join(lines)
