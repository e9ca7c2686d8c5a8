"""`main.py compare-heads` and the digits preset on the command line: the JSON shape, the
numbers the engine gives, the table, train options, and one-line refusals with exit code 2."""

from __future__ import annotations

import json
import math

import pytest
from helpers.cli_runs import assert_refused

from engine.commands.cli import main
from engine.labs.loop_head_table import HEAD_NAMES
from engine.labs.loop_heads import compare_loop_heads
from engine.models.presets import get_preset


def run_json(capsys, *args: str) -> dict:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_train_runs_the_digits_preset_for_its_two_epochs(capsys):
    report = run_json(capsys, "train", "--preset", "digits")
    assert report["steps"] == report["completed"] == 46  # 1,438 images, batches of 64
    assert [e["epoch"] for e in report["epochs"]] == [1, 2]
    assert report["epochs"][-1]["val_accuracy"] >= 0.80
    config = report["config"]
    assert (config["layers"], config["activations"], config["loss"]) == (
        [64, 10],
        ["log_softmax"],
        "nll",
    )
    assert (config["lr"], config["batch_size"], config["val_share"]) == (0.5, 64, 0.2)


def test_the_json_holds_every_head_with_the_engines_numbers(capsys):
    report = run_json(capsys, "compare-heads", "--preset", "digits")
    engine = compare_loop_heads(get_preset("digits"))
    assert list(report["heads"]) == list(HEAD_NAMES)
    for result in engine.results:
        head = report["heads"][result.head.key]
        assert head["val_accuracy"] == result.val_accuracy
        assert head["val_loss"] == result.val_loss
        assert [e["val_accuracy"] for e in head["epochs"]] == [
            e.val_accuracy for e in result.evaluations
        ]
        assert head["sentence"] and head["title"]
    assert report["heads"]["log_softmax"]["val_accuracy"] >= 0.80
    assert (report["epochs"], report["batches"]) == (2, 46)


def test_train_options_apply_to_every_head(capsys):
    report = run_json(capsys, "compare-heads", "--epochs", "1", "--lr", "0.1", "--seed", "4")
    engine = compare_loop_heads(get_preset("digits").replace(epochs=1, lr=0.1, seed=4))
    assert (report["epochs"], report["batches"], report["seed"]) == (1, 23, 4)
    for result in engine.results:
        assert report["heads"][result.head.key]["val_accuracy"] == result.val_accuracy


def test_the_human_form_is_a_table_of_the_same_numbers(capsys):
    assert main(["compare-heads", "--epochs", "1"]) == 0
    text = capsys.readouterr().out
    engine = compare_loop_heads(get_preset("digits").replace(epochs=1))
    assert "| head | validation accuracy | validation loss |" in text
    for result in engine.results:
        row = f"| {result.head.title} | {result.val_accuracy:.1%} | {result.val_loss:.4f} |"
        assert row in text
    assert "cross-entropy" in text and "without ever pushing the others down" in text


def test_a_diverged_head_is_null_in_strict_json(capsys):
    wild = ["--lr", "1e20", "--dtype", "float32", "--layers", "64,16,10", "--activation", "relu"]
    report = run_json(capsys, "compare-heads", "--epochs", "1", *wild)
    tutorial = report["heads"]["log_softmax"]  # its loss overflows float32 at once
    assert tutorial["val_accuracy"] is None and tutorial["val_loss"] is None
    assert tutorial["diverged_at"] == 1 and tutorial["epochs"] == []
    others = [h["val_accuracy"] for k, h in report["heads"].items() if k != "log_softmax"]
    assert all(isinstance(v, float) and math.isfinite(v) for v in others)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--preset", "mazur"], "no dataset"),
        (["--preset", "rosenbrock"], "not a test function"),
        (["--dataset", "sine"], "at least 2 classes"),
        (["--val-share", "0"], "validation share above 0"),
        (["--dataset", "nowhere.csv"], "nowhere.csv"),
        (["--batch-size", "0"], "at least one sample"),
        (["--batch-size", "5000"], "larger than the training set"),
        (["--preset", "digits", "--output-activation", "bogus"], "bogus"),
    ],
    ids=["mazur", "function", "regression", "no-validation", "missing-csv", "batch-0",
         "batch-too-big", "bad-activation"],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    assert_refused(capsys, ["compare-heads", *argv], message)
