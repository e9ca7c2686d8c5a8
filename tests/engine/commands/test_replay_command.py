"""Headless sessions: `train … --save-session FILE` and `main.py replay FILE [--json]`."""

from __future__ import annotations

import json

import pytest

from engine.commands.cli import main
from engine.io.session_open import load_session
from engine.io.session_save import save_session
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def printed_json(capsys, argv: list[str]) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def refused(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_a_saved_run_replays_to_what_train_printed(tmp_path, capsys):
    path = tmp_path / "mazur.json"
    args = ["--preset", "mazur", "--steps", "100", "--optimizer", "adam", "--lr", "0.05"]
    trained = printed_json(capsys, ["train", *args, "--save-session", str(path), "--json"])
    assert printed_json(capsys, ["replay", str(path), "--json"]) == trained


def test_the_saved_session_is_the_one_the_window_opens(tmp_path, capsys):
    path = tmp_path / "xor.json"
    assert main(["train", "--preset", "xor", "--steps", "20", "--save-session", str(path)]) == 0
    stepper = load_session(path)  # File → Open's loader
    reference = Stepper(stepper.config)
    reference.run(20)
    assert stepper.params() == reference.params() and stepper.iteration == 20


def test_replay_prints_the_train_text_without_json(tmp_path, capsys):
    path = tmp_path / "m.json"
    assert main(["train", "--steps", "3", "--save-session", str(path)]) == 0
    trained = capsys.readouterr().out
    assert main(["replay", str(path)]) == 0
    assert capsys.readouterr().out == trained


def test_a_session_with_hand_edits_reports_the_edited_run(tmp_path, capsys):
    stepper = Stepper(MAZUR)
    stepper.run(2)
    stepper.edit_parameter("w5", 1.5)
    stepper.run(3)
    save_session(stepper, tmp_path / "edited.json")
    report = printed_json(capsys, ["replay", str(tmp_path / "edited.json"), "--json"])
    assert report["params"] == stepper.params()
    assert report["losses"] == stepper.trajectory.losses.tolist()
    assert report["completed"] == report["steps"] == 5


def test_a_session_target_in_a_missing_folder_is_refused_before_the_run(tmp_path, capsys):
    target = tmp_path / "missing" / "s.json"
    err = refused(capsys, ["train", "--steps", "5", "--save-session", str(target), "--json"])
    assert "does not exist" in err and capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [('{"format": 1, "config": {', "truncated"), ("[]", "not a session file")],
)
def test_a_file_that_does_not_replay_is_one_line(tmp_path, capsys, content, message):
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    assert message in refused(capsys, ["replay", str(tmp_path / "bad.json")])


def test_a_tampered_session_is_refused(tmp_path, capsys):
    path = tmp_path / "s.json"
    assert main(["train", "--steps", "4", "--save-session", str(path)]) == 0
    capsys.readouterr()
    document = json.loads(path.read_text(encoding="utf-8"))
    document["snapshot"]["params"]["w1"] += 1e-12
    path.write_text(json.dumps(document), encoding="utf-8")
    assert "does not replay" in refused(capsys, ["replay", str(path)])


def test_a_missing_session(tmp_path, capsys):
    assert "no such file" in refused(capsys, ["replay", str(tmp_path / "none.json")])
