"""`main.py trace` on a run with the loop around the model: the batch, clip, schedule and
evaluation micro-steps print their numbers, checked against a plain torch loop written here."""

from __future__ import annotations

import json

import pytest
import torch
from cli_runs import assert_refused
from learner_loops import engine_start, learner_loop
from torch.utils.data import DataLoader, TensorDataset

from engine.commands.cli import main
from engine.commands.trace import MAX_TRACE_VALUES, check_trace_size
from engine.core.errors import EngineError
from engine.data.datasets import load_dataset, split
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

ARGS = [
    "--dataset", "moons", "--layers", "2,4,2", "--activation", "tanh", "--output-activation",
    "identity", "--loss", "cross_entropy", "--batch-size", "50", "--val-share", "0.25",
    "--clip-norm", "0.05", "--scheduler", "StepLR:step_size=2", "--lr", "0.5", "--train-biases",
]  # fmt: skip
CONFIG = Config(
    preset="mazur",
    layers=(2, 4, 2),
    activations=("tanh", "identity"),
    loss="cross_entropy",
    lr=0.5,
    dataset="moons",
    inputs=(),
    targets=(),
    batch_size=50,
    val_share=0.25,
    clip_norm=0.05,
    scheduler="StepLR:step_size=2",
    train_biases=True,
)
STEPS = 8  # one epoch of 6 batches and two of the next


def trace(capsys, *args: str) -> list[dict]:
    assert main(["trace", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def loop_records(records: list[dict], phase: str) -> list[dict]:
    return [r["loop"] for r in records if r["phase"] == phase]


@pytest.fixture(scope="module")
def learner() -> tuple:
    stepper = Stepper(CONFIG)
    start = engine_start(stepper)
    scheduler = lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=2)  # noqa: E731
    return learner_loop(CONFIG, start, STEPS, scheduler=scheduler), stepper.timeline.per_epoch


def test_the_batches_are_the_seeded_dataloaders(capsys):
    records = trace(capsys, *ARGS, "--steps", str(STEPS))
    train, _ = split(load_dataset("moons", 0), 0.25, 0)
    loader = DataLoader(
        TensorDataset(torch.arange(len(train))),
        batch_size=50,
        shuffle=True,
        generator=torch.Generator().manual_seed(0),
    )
    drawn = [b.tolist() for (b,) in loader]
    drawn += [b.tolist() for (b,) in loader]
    batches = loop_records(records, "batch")
    assert [b["samples"] for b in batches] == drawn[:STEPS]
    assert [(b["epoch"], b["batch"]) for b in batches][5:7] == [(1, 6), (2, 1)]
    assert {b["batches"] for b in batches} == {len(loader)}


def test_the_clip_and_the_schedule_numbers(capsys, learner):
    run, _ = learner
    records = trace(capsys, *ARGS, "--steps", str(STEPS))
    clips = loop_records(records, "clip")
    assert [c["norm_before"] for c in clips] == run.clip_totals
    assert all(c["kind"] == "norm" and c["limit"] == 0.05 for c in clips)
    for clip in clips:
        # torch divides by multiplying with a reciprocal: the last bit may differ from Python's
        assert clip["scale"] == pytest.approx(
            min(1.0, 0.05 / (clip["norm_before"] + 1e-6)), rel=1e-15
        )
        assert clip["norm_after"] == pytest.approx(clip["norm_before"] * clip["scale"], rel=1e-12)
    assert any(c["scale"] < 1 for c in clips)  # the limit really clipped
    schedules = loop_records(records, "schedule")
    assert [s["lr_before"] for s in schedules] == run.lrs
    after = [s["lr_after"] for s in schedules]
    assert after[:-1] == run.lrs[1:]  # the lr the next step used
    # StepLR's default gamma is 0.1: the lr drops tenfold every two steps.
    assert after == pytest.approx([0.5 * 0.1 ** ((k + 1) // 2) for k in range(STEPS)], rel=1e-14)


def test_the_evaluation_at_the_epochs_end(capsys, learner):
    run, per_epoch = learner
    records = trace(capsys, *ARGS, "--steps", str(STEPS))
    (mode,) = loop_records(records, "eval_mode")
    (evaluation,) = loop_records(records, "evaluate")
    assert mode == {"epoch": 1} and evaluation["epoch"] == 1
    train_loss, val_loss, accuracy = run.evaluations[0]
    assert (evaluation["train_loss"], evaluation["val_loss"]) == (train_loss, val_loss)
    assert evaluation["val_accuracy"] == accuracy
    phases = [r["phase"] for r in records if r["iteration"] == per_epoch]
    # StepLR steps per batch, inside the loop over batches; the evaluation follows it.
    assert phases[-3:] == ["schedule", "eval_mode", "evaluate"]


def test_json_is_accepted_and_plain_runs_print_no_loop_key(capsys):
    with_flag = trace(capsys, *ARGS, "--steps", "1", "--json")
    assert with_flag == trace(capsys, *ARGS, "--steps", "1")
    assert all("loop" not in record for record in trace(capsys, "--steps", "2"))


def test_the_cap_counts_the_values_a_wide_network_prints(capsys):
    check_trace_size(Stepper(MAZUR), 10_000)  # Mazur's longest trace stays allowed
    digits = [
        "trace", "--dataset", "digits", "--layers", "64,10", "--output-activation",
        "log_softmax", "--loss", "nll", "--batch-size", "64", "--steps", "20",
    ]  # fmt: skip
    assert_refused(capsys, digits, f"more than the {MAX_TRACE_VALUES:,} trace prints")
    with pytest.raises(EngineError):
        check_trace_size(Stepper(MAZUR), 20_000)


def test_a_reader_that_stops_early_gets_no_error():
    """`trace … | head -1`: the closed pipe ends the command quietly, not with an error."""
    import subprocess
    import sys
    from pathlib import Path

    main_py = Path(__file__).resolve().parents[3] / "main.py"
    command = [sys.executable, str(main_py), "trace", *ARGS, "--steps", "40"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert json.loads(process.stdout.readline())["phase"] == "batch"
    process.stdout.close()  # as head does after its line
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0 and err == b""
