"""The loop in the window: the batch strip shows exactly the batch drawn (and the digits'
pixels), the code and the status bar follow every new phase, Step line and Step epoch are in
the menus with their shortcuts, and File → Open dataset reads a file off the GUI thread."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from helpers.loop_runs import DIGITS_LOOP, MOONS_LOOP
from PySide6.QtGui import QKeySequence
from run_state import state

import gui.settings_apply as settings_apply
from engine.data.datasets import load_dataset
from engine.data.digits import load_digits
from engine.models.run_samples import run_samples
from gui.shortcut_sheet import ShortcutSheet
from gui.views.batch_strip import MAX_INDICES
from gui.views.batch_thumbnails import ink
from gui.views.explanation_panel import phase_title

NEW_PHASES = ("batch", "clip", "schedule", "eval_mode", "evaluate")
# The words of the line each phase runs, as a learner's loop spells it.
PHASE_CODE = {
    "batch": "for xb, yb in loader:",
    "clip": "clip_grad_norm_(",
    "schedule": "scheduler.step()",
    "eval_mode": "model.eval()",
    "evaluate": "torch.no_grad()",
}


@pytest.fixture
def start_new_runs(monkeypatch) -> None:
    monkeypatch.setattr(settings_apply, "ask_to_rebuild", lambda *a, **k: True)


def finish(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=60_000)


def test_the_strip_shows_exactly_the_batch_and_the_digits_pixels(qtbot, window) -> None:
    controller, strip = window.controller, window.loop.strip
    assert not strip.isVisible()  # Mazur's one sample: no loop to show
    assert controller.apply_config(DIGITS_LOOP)
    assert strip.isVisible() and strip.thumbnails.isVisible() and not strip.scatter.isVisible()
    controller.step_line()  # the DataLoader hands over the first batch
    batch = controller.snapshot.batch
    assert len(batch) == 64
    assert ", ".join(str(i) for i in batch[:MAX_INDICES]) in strip.header.text()
    assert f"{64 - MAX_INDICES} more" in strip.header.text()
    assert "batch 1 of 23" in strip.header.text()
    # The training rows the strip shows are the digits' own rows, through the seeded split.
    digits = load_digits()
    train = run_samples(DIGITS_LOOP).train
    order = [np.flatnonzero((digits.x == train.x[i]).all(axis=1))[0] for i in batch[:32]]
    shown = strip.thumbnails.images
    assert len(shown) == 32
    for image, row, i in zip(shown, order, batch[:32], strict=True):
        np.testing.assert_array_equal(image, digits.x[row].reshape(8, 8))
        assert image.shape == (8, 8)
        assert int(digits.labels[row]) == int(train.labels[i])
    assert strip.thumbnails.captions == [str(int(train.labels[i])) for i in batch[:32]]
    top = float(train.x.max())  # the digits' darkest ink (pixels are scaled to [0, 1])
    assert top == 1.0
    for k in (0, 7, 31):
        np.testing.assert_array_equal(strip.thumbnails.shown_pixels(k), ink(shown[k], top))
        assert strip.thumbnails.shown_pixels(k)[shown[k] == 0].min() == 255  # no ink: white
        assert strip.thumbnails.shown_pixels(k)[shown[k] == 1.0].max(initial=0) == 0


def test_the_moons_batch_is_highlighted_among_the_training_points(qtbot, window) -> None:
    controller, strip = window.controller, window.loop.strip
    assert controller.apply_config(MOONS_LOOP)
    assert strip.scatter.isVisible() and not strip.thumbnails.isVisible()
    train = run_samples(MOONS_LOOP).train
    x_all, y_all = strip.all_points.getData()
    np.testing.assert_array_equal(x_all, train.x[:, 0])
    np.testing.assert_array_equal(y_all, train.x[:, 1])
    controller.step_iteration()
    controller.step_line()
    batch = controller.snapshot.batch
    assert controller.snapshot.phase == "batch" and len(batch) == 16
    x_batch, y_batch = strip.batch_points.getData()
    np.testing.assert_array_equal(x_batch, train.x[list(batch), 0])
    np.testing.assert_array_equal(y_batch, train.x[list(batch), 1])
    assert "Epoch 1/2, batch 2 of 20" in strip.header.text()


def test_code_explanation_and_status_follow_every_new_phase(qtbot, window) -> None:
    controller = window.controller
    config = MOONS_LOOP.replace(clip_norm=1.0, scheduler="StepLR:step_size=5")
    assert controller.apply_config(config)
    seen: set[str] = set()
    while controller.snapshot.completed < 20:  # one whole epoch, micro-step by micro-step
        controller.step_phase()
        snapshot = controller.snapshot
        if snapshot.phase in NEW_PHASES:
            seen.add(snapshot.phase)
            line = window.code_panel.current_line_text()
            assert PHASE_CODE[snapshot.phase] in line, (snapshot.phase, line)
            assert window.phase_label.text().startswith(phase_title(snapshot.phase))
            assert phase_title(snapshot.phase) in window.explanation_panel.toPlainText()
            assert snapshot.explanation in window.explanation_panel.toPlainText()
    assert seen == set(NEW_PHASES)
    assert window.loop.epoch_label.text() == "Epoch 1/2 · batch 20/20"
    controller.step_phase()
    assert window.loop.epoch_label.text() == "Epoch 2/2 · batch 1/20"


def test_step_line_and_epoch_are_in_the_menus_with_shortcuts(qtbot, window) -> None:
    loop = window.loop
    run_menu = window.menus.run_menu.actions()
    assert loop.line_action in run_menu and loop.epoch_action in run_menu
    assert loop.line_action in window.transport.step_menu.actions()
    listed = dict(ShortcutSheet(window).listed())
    native = QKeySequence.SequenceFormat.NativeText
    assert listed["Step line ↓"] == QKeySequence("Ctrl+Right").toString(native)
    assert listed["Step epoch ⇥⇥"] == QKeySequence("Ctrl+Shift+Right").toString(native)
    assert listed["Open dataset"] == QKeySequence("Ctrl+Shift+O").toString(native)
    assert window.controller.apply_config(MOONS_LOOP)
    loop.epoch_action.trigger()
    finish(qtbot, window)
    assert window.controller.snapshot.completed == 20
    assert window.loop.epoch_label.text() == "Epoch 1/2 · batch 20/20"


def test_run_counts_epochs_when_asked(qtbot, window) -> None:
    assert window.controller.apply_config(MOONS_LOOP)
    transport = window.transport
    transport.unit_actions["epochs"].trigger()
    assert transport.unit() == "epochs" and transport.run_count.suffix()
    transport.run_count.setValue(2)
    transport.run_action.trigger()
    finish(qtbot, window)
    assert window.controller.snapshot.completed == 40


# -- File → Open dataset ------------------------------------------------------------------------
def write_idx(folder: Path, images: np.ndarray, labels: np.ndarray) -> Path:
    n, rows, columns = images.shape
    path = folder / "tiny-images-idx3-ubyte"
    path.write_bytes(struct.pack(">BBBBIII", 0, 0, 8, 3, n, rows, columns) + images.tobytes())
    labels_path = folder / "tiny-labels-idx1-ubyte"
    labels_path.write_bytes(struct.pack(">BBBBI", 0, 0, 8, 1, n) + labels.tobytes())
    return path


def open_file(qtbot, window, path: Path) -> None:
    assert window.loop.opener.open(str(path))
    qtbot.waitUntil(lambda: not window.loop.opener.task.running, timeout=30_000)
    qtbot.wait(20)


def test_a_small_csv_becomes_the_dataset(qtbot, window, tmp_path, start_new_runs) -> None:
    path = tmp_path / "points.csv"
    rows = [f"{x / 10},{(x * 7 % 10) / 10},{'cat' if x % 2 else 'dog'}" for x in range(12)]
    path.write_text("x,y,label\n" + "\n".join(rows) + "\n")
    open_file(qtbot, window, path)
    config = window.controller.config
    assert config.dataset == str(path)
    assert config.layers == (2, 2, 2)  # two inputs, two classes: Mazur's hidden layer kept
    expected = load_dataset(str(path))
    np.testing.assert_array_equal(window.controller.loop().train.x, expected.x)
    box = window.settings_panel.form.loop_box.dataset_box
    assert box.currentData() == str(path) and box.currentText() == "points.csv"


def test_a_tiny_idx_pair_becomes_the_dataset(qtbot, window, tmp_path, start_new_runs) -> None:
    rng = np.random.default_rng(3)
    images = rng.integers(0, 256, size=(20, 8, 8), dtype=np.uint8)
    labels = np.array([k % 3 for k in range(20)], dtype=np.uint8)
    path = write_idx(tmp_path, images, labels)
    open_file(qtbot, window, path)
    controller = window.controller
    assert controller.config.layers == (64, 2, 3)
    controller.step_iteration()
    strip = window.loop.strip
    assert strip.thumbnails.isVisible()
    np.testing.assert_array_equal(strip.thumbnails.images[0], images[0] / 255.0)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\x00\x08\x03" + struct.pack(">III", 100, 8, 8) + b"\x01" * 10, "tiny-images"),
        (None, "different labels, found 1"),
    ],
    ids=["truncated-idx", "csv-one-class"],
)
def test_a_broken_file_changes_nothing(qtbot, window, tmp_path, content, words) -> None:
    controller = window.controller
    controller.step_iteration()
    controller.step_phase()
    before, snapshot, config = state(controller.stepper), controller.snapshot, controller.config
    if content is None:
        path = tmp_path / "one.csv"
        path.write_text("0,0,a\n1,1,a\n2,0,a\n3,1,a\n4,0,a\n")
    else:
        path = tmp_path / "tiny-images-idx3-ubyte"
        path.write_bytes(content)
        (tmp_path / "tiny-labels-idx1-ubyte").write_bytes(b"\x00\x00\x08\x01" + b"\x00" * 4)
    open_file(qtbot, window, path)
    assert "Dataset not opened" in window.last_message and words in window.last_message
    assert controller.config is config and controller.snapshot is snapshot
    assert state(controller.stepper) == before


def test_cancel_drops_the_file_read(qtbot, window, tmp_path, start_new_runs) -> None:
    images = np.arange(20 * 64, dtype=np.uint8).reshape(20, 8, 8)
    path = write_idx(tmp_path, images, np.array([k % 2 for k in range(20)], dtype=np.uint8))
    controller = window.controller
    config, snapshot = controller.config, controller.snapshot
    opener = window.loop.opener
    assert opener.open(str(path))
    opener.progress.cancel()  # the dialog's Cancel
    qtbot.waitUntil(lambda: not opener.task.running, timeout=30_000)
    qtbot.wait(20)
    assert controller.config is config and controller.snapshot is snapshot
    assert "cancelled" in window.last_message


def test_the_step_buttons_tooltip_says_what_a_step_is(qtbot, window) -> None:
    step = window.transport.step_action
    assert "one micro-step" in step.toolTip()
    assert window.controller.apply_config(DIGITS_LOOP)
    assert "one line of the loop" in step.toolTip()
    step.trigger()  # the DataLoader's line: the batch is drawn, nothing else
    assert window.controller.snapshot.phase == "batch"
    step.trigger()
    step.trigger()  # zero_grad, then all of forward at once
    assert window.controller.snapshot.phase == "forward"
    assert window.controller.stepper.micro == window.controller.stepper.plan.index(("loss", None))
