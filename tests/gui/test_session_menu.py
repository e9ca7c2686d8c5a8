"""File menu: save and open sessions (opened off the GUI thread), recent files, PyTorch script."""

import subprocess
import sys

import numpy as np


def open_and_wait(window, qtbot, path) -> None:
    assert window.session_menu.open(path)
    qtbot.waitUntil(lambda: not window.session_menu.task.running, timeout=20000)


def test_save_then_open_restores_the_exact_position(window, qtbot, tmp_path, warnings_shown):
    controller = window.controller
    controller.run_blocking(30)
    for _ in range(12):
        controller.step_phase()
    saved_snapshot = controller.stepper.snapshot
    saved_values = controller.stepper.model.values().copy()
    path = tmp_path / "run.json"
    assert window.session_menu.save(path)
    controller.reset()
    open_and_wait(window, qtbot, path)
    assert controller.stepper.snapshot == saved_snapshot
    assert np.array_equal(controller.stepper.model.values(), saved_values)
    assert window.network_view.label_text(saved_snapshot.focus)  # the diagram shows it
    assert window.session_menu.recent()[0] == str(path)
    assert warnings_shown == []


def test_a_corrupted_session_is_refused_and_the_open_one_kept(
    window, qtbot, tmp_path, warnings_shown
):
    window.controller.run_blocking(5)
    before = window.controller.stepper
    path = tmp_path / "broken.json"
    path.write_text('{"format": 1, "config": {')
    open_and_wait(window, qtbot, path)
    assert window.controller.stepper is before
    assert len(warnings_shown) == 1 and "broken.json" in warnings_shown[0]


def test_export_script_reproduces_the_losses(window, tmp_path, warnings_shown):
    window.controller.run_blocking(4)
    script = tmp_path / "run.py"
    assert window.session_menu.export_script(script)
    assert (tmp_path / "run.weights.json").exists()
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    printed = [
        float(line.split()[-1]) for line in out.stdout.splitlines() if line.startswith("step")
    ]
    assert printed == window.controller.stepper.trajectory.losses.tolist()
