"""`main.py surface`: JSON rows and CSV columns as the contract gives them, one-line errors."""

import csv
import json

import numpy as np
import pytest

from engine.commands.cli import main


def test_json_rows_are_y_and_columns_are_x(capsys):
    args = ["surface", "--preset", "mazur", "--axes", "w5,w6", "--res", "4"]
    assert main([*args, "--range", "0,1,-1,0", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["axes"] == ["w5", "w6"] and report["x"] == [0, 1 / 3, 2 / 3, 1]
    loss = np.array(report["loss"])
    assert loss.shape == (4, 4)
    # w5 only feeds o1: with w6 fixed, moving w5 toward the target lowers the loss
    assert loss[0, 0] < loss[0, 3]


def test_csv_has_named_columns_and_the_same_numbers(tmp_path, capsys):
    args = ["surface", "--preset", "mazur", "--axes", "w1,w8", "--res", "3"]
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    out = tmp_path / "s.csv"
    assert main([*args, "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == ["w1", "w8", "loss"] and len(rows) == 9
    assert float(rows[5]["loss"]) == report["loss"][1][2]
    assert float(rows[5]["w1"]) == report["x"][2] and float(rows[5]["w8"]) == report["y"][1]
    assert not list(tmp_path.glob(".*tmp"))  # no temporary file left behind


def test_test_function_surface(capsys):
    assert main(["surface", "--preset", "himmelblau", "--res", "5", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["axes"] == ["x", "y"] and report["x"][0] == -5 and report["loss"][2][2] == 170


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--axes", "w5,w99", "--json"], "unknown parameter"),
        (["--axes", "w5", "--json"], "two parameter labels"),
        (["--json"], "--axes is required"),
        (["--axes", "w5,w6", "--res", "1", "--json"], "resolution"),
        (["--axes", "w5,w6", "--range", "1,0,0,1", "--json"], "x0 < x1"),
        (["--axes", "w5,w6", "--range", "1,2", "--json"], "four numbers"),
        (["--axes", "w5,w6", "--out", "/no/such/folder/s.csv"], "does not exist"),
        (["--axes", "w5,w6"], "one of the arguments --json --out is required"),
    ],
)
def test_bad_surface_requests_exit_2_with_one_line(capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["surface", "--preset", "mazur", *args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
