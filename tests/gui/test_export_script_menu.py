"""File → Export as PyTorch script: edits included, both files written safely, and asked
before an existing weights file is replaced."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


@pytest.fixture
def answers(monkeypatch):
    """Answer the plain-text Yes/No question with the queued buttons; record what was asked."""
    queued: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def confirm(parent, title, text):
        asked.append(text)
        return queued.pop(0) == QMessageBox.StandardButton.Yes

    monkeypatch.setattr("gui.session_menu.confirm", confirm)
    return queued, asked


def printed_params(output: str) -> dict[str, float]:
    lines = [line.split() for line in output.splitlines() if line.startswith("param ")]
    return {label: float(value) for _, label, value in lines}


def test_the_script_replays_the_hand_edits(window, tmp_path, warnings_shown):
    controller = window.controller
    controller.run_blocking(2)
    assert controller.edit_parameter("w1", 0.9)
    controller.run_blocking(3)
    script = tmp_path / "run.py"
    assert window.session_menu.export_script(script)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert printed_params(out.stdout) == controller.stepper.params()
    weights = json.loads((tmp_path / "run.weights.json").read_text(encoding="utf-8"))
    assert weights == controller.stepper.params() and warnings_shown == []


def test_an_existing_weights_file_is_replaced_only_when_the_user_agrees(
    window, tmp_path, warnings_shown, answers
):
    queued, asked = answers
    window.controller.run_blocking(2)
    script, weights = tmp_path / "run.py", tmp_path / "run.weights.json"
    weights.write_text("mine\n", encoding="utf-8")
    queued.append(QMessageBox.StandardButton.No)
    assert not window.session_menu.export_script(script)
    assert len(asked) == 1 and "run.weights.json" in asked[0]
    assert weights.read_text(encoding="utf-8") == "mine\n" and not script.exists()
    queued.append(QMessageBox.StandardButton.Yes)
    assert window.session_menu.export_script(script)
    assert json.loads(weights.read_text(encoding="utf-8")) == window.controller.stepper.params()
    assert script.exists() and warnings_shown == []


def test_no_question_when_there_is_no_weights_file(window, tmp_path, answers):
    _, asked = answers
    assert window.session_menu.export_script(tmp_path / "run.py")
    assert asked == []


def test_a_weights_target_that_cannot_be_written_writes_nothing(window, tmp_path, warnings_shown):
    (tmp_path / "run.weights.json").mkdir()
    assert not window.session_menu.export_script(tmp_path / "run.py")
    assert len(warnings_shown) == 1 and "run.weights.json" in warnings_shown[0]
    assert not (tmp_path / "run.py").exists()


def test_a_hostile_preset_name_is_refused(window, tmp_path, warnings_shown):
    hostile = 'x"""; __import__("pathlib").Path("MARKER").write_text("ran"); """'
    assert window.controller.adopt(Stepper(MAZUR.replace(preset=hostile)), "adopted")
    assert not window.session_menu.export_script(tmp_path / "run.py")
    assert len(warnings_shown) == 1 and "unknown preset" in warnings_shown[0]
    assert list(tmp_path.iterdir()) == []


def test_exporting_during_a_run_writes_the_script_of_one_rest(window, qtbot, tmp_path):
    """Copied at the run's next rest: the script replays to exactly the weights written."""
    controller = window.controller
    assert controller.run_iterations(1_000_000)
    path = tmp_path / "mid_run.py"
    assert window.session_menu.export_script(path)
    weights = tmp_path / "mid_run.weights.json"
    qtbot.waitUntil(weights.exists, timeout=20000)
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    run = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=300, check=True
    )
    assert printed_params(run.stdout) == json.loads(weights.read_text())
