"""`--init FILE.json`: starting parameters by label, refused in one line when anything is off."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_runs import assert_refused

from engine.commands.cli import main
from engine.io.init_file import MAX_INIT_BYTES


def train(capsys, *args: str) -> dict:
    assert main(["train", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "init.json"
    path.write_text(text)
    return str(path)


def test_named_parameters_start_where_the_file_says(capsys, tmp_path) -> None:
    init = write(tmp_path, '{"w1": 0.2, "w5": 1, "b_o1": -0.25}')
    report = train(capsys, "--steps", "0", "--init", init)
    assert report["params"]["w1"] == 0.2 and report["params"]["w5"] == 1.0
    assert report["params"]["b_o1"] == -0.25
    assert report["params"]["w2"] == 0.2  # Mazur's own start for the rest


def test_the_same_file_gives_the_same_run_as_the_window_would(capsys, tmp_path) -> None:
    init = write(tmp_path, '{"w1": 0.2, "w5": 1}')
    assert main(["trace", "--steps", "2", "--init", init]) == 0
    last = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert last["params"] == train(capsys, "--steps", "2", "--init", init)["params"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"zz": 1}', "unknown parameter label(s): zz"),
        ('{"w1": "0.1"}', "'w1' must be a number"),
        ('{"w1": true}', "'w1' must be a number"),
        ('{"w1": null}', "'w1' must be a number"),
        ('{"w1": NaN}', "NaN is not a finite number"),
        ('{"w1": 1e400}', "'w1' must be a finite number"),
        ('{"w1": 1' + "0" * 400 + "}", "'w1' must be a finite number"),
        ('{"w1": ' + "9" * 5000 + "}", "a number is too long to read"),
        ('{"w1": 0.1, "w1": 0.2}', "'w1' is given twice"),
        ('{"w\\nx": "a"}', "'w\\nx' must be a number"),
        ("[0.1, 0.2]", "expected a JSON object"),
        ("{}", "expected a JSON object"),
        ('{"w1": ', "not valid JSON"),
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
    ],
)
def test_bad_files_are_one_line(capsys, tmp_path, text: str, message: str) -> None:
    assert_refused(capsys, ["train", "--init", write(tmp_path, text)], message)


def test_float32_refuses_what_it_cannot_hold(capsys, tmp_path) -> None:
    init = write(tmp_path, '{"w1": 1e39}')
    assert_refused(capsys, ["train", "--dtype", "float32", "--init", init], "float32 holds")
    largest = write(tmp_path, '{"w1": 3.4028235e38}')  # float32's largest, as numpy prints it
    report = train(capsys, "--dtype", "float32", "--steps", "0", "--init", largest)
    assert report["params"]["w1"] == 3.4028234663852886e38


def test_a_test_functions_coordinates(capsys, tmp_path) -> None:
    init = write(tmp_path, '{"x": -1.5, "y": 2}')
    report = train(capsys, "--preset", "rosenbrock", "--steps", "0", "--init", init)
    assert report["params"] == {"x": -1.5, "y": 2.0}


def test_only_regular_files_under_the_cap_are_read(capsys, tmp_path) -> None:
    assert_refused(capsys, ["train", "--init", "/dev/zero"], "not a regular file")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert_refused(capsys, ["train", "--init", str(fifo)], "not a regular file")
    big = write(tmp_path, '{"w1": 0.1' + " " * MAX_INIT_BYTES + "}")
    assert_refused(capsys, ["train", "--init", big], "larger than")
    assert_refused(capsys, ["train", "--init", str(tmp_path / "none.json")], "No such file")
    assert_refused(capsys, ["train", "--init", ""], "--init needs a file name")
