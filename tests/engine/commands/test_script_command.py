"""`main.py script`: a session (edits included) or train options as a standalone script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.commands.cli import main
from engine.io.session_save import save_session
from engine.io.torch_script import torch_script
from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import Stepper

HOSTILE_PRESET = 'x"""; __import__("pathlib").Path("MARKER").write_text("ran"); """'


def refused(capsys, argv: list[str]) -> str:
    """Exit code 2 and one line on stderr; that line."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def run_python(folder: Path, script: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, str(script)], cwd=folder, env=env, capture_output=True, text=True
    )


def printed_params(output: str) -> dict[str, float]:
    lines = [line.split() for line in output.splitlines() if line.startswith("param ")]
    return {label: float(value) for _, label, value in lines}


def test_a_session_with_edits_becomes_a_script_that_replays_it(tmp_path, capsys):
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.05, lookahead_k=2))
    stepper.run(3)
    stepper.edit_parameter("w1", 0.9)
    stepper.run(2)
    save_session(stepper, tmp_path / "run.json")
    out = tmp_path / "run.py"
    assert main(["script", "--session", str(tmp_path / "run.json"), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    result = run_python(tmp_path, out)
    assert result.returncode == 0, result.stderr
    assert printed_params(result.stdout) == stepper.params()


def test_train_options_give_the_script_of_that_run(tmp_path):
    out = tmp_path / "ros.py"
    argv = ["script", "--preset", "rosenbrock", "--steps", "7", "--optimizer", "adam"]
    assert main([*argv, "--lr", "0.01", "--lookahead", "3,0.5", "--out", str(out)]) == 0
    config = get_preset("rosenbrock").replace(
        optimizer="adam", lr=0.01, lookahead_k=3, lookahead_alpha=0.5
    )
    assert out.read_text(encoding="utf-8") == torch_script(config, 7)


def test_out_dash_prints_the_script_and_writes_no_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["script", "--preset", "xor", "--steps", "4", "--out", "-"]) == 0
    printed = capsys.readouterr().out
    assert printed == torch_script(get_preset("xor"), 4)
    assert list(tmp_path.iterdir()) == []
    compile(printed, "<stdout>", "exec")


def test_without_options_it_is_one_step_of_mazur(tmp_path):
    out = tmp_path / "m.py"
    assert main(["script", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == torch_script(MAZUR, 1)


def test_a_session_takes_no_train_options(tmp_path, capsys):
    save_session(Stepper(MAZUR), tmp_path / "s.json")
    argv = ["script", "--session", str(tmp_path / "s.json"), "--lr", "0.1", "--steps", "3"]
    err = refused(capsys, [*argv, "--out", str(tmp_path / "x.py")])
    assert "--session takes no train options (got --lr, --steps)" in err
    assert not (tmp_path / "x.py").exists()


def test_a_hostile_preset_in_a_session_writes_nothing_and_runs_nothing(tmp_path, capsys):
    save_session(Stepper(MAZUR.replace(preset=HOSTILE_PRESET)), tmp_path / "evil.json")
    out = tmp_path / "evil.py"
    out.write_text("previous\n", encoding="utf-8")
    refused(capsys, ["script", "--session", str(tmp_path / "evil.json"), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == "previous\n"  # the old file is kept
    run_python(tmp_path, out)
    assert not (tmp_path / "MARKER").exists()


def test_a_session_that_is_not_one(tmp_path, capsys):
    (tmp_path / "bad.json").write_text('{"format": 1, "config": {', encoding="utf-8")
    out = tmp_path / "x.py"
    err = refused(capsys, ["script", "--session", str(tmp_path / "bad.json"), "--out", str(out)])
    assert "bad.json" in err and not out.exists()


def test_an_out_file_in_a_missing_folder_is_refused_before_any_work(tmp_path, capsys):
    err = refused(capsys, ["script", "--out", str(tmp_path / "missing" / "run.py")])
    assert "does not exist" in err


def test_the_written_script_is_plain_python(tmp_path):
    out = tmp_path / "xor.py"
    assert main(["script", "--preset", "xor", "--steps", "2", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    compile(text, str(out), "exec")
    assert "engine" not in text and text.startswith('"""Backprop Studio: the xor run, 2 step(s)')
