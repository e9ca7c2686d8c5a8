"""The playground trains in timer ticks, loads CSV points and fills the comparison table."""

from __future__ import annotations

import numpy as np
import pytest

from engine.labs.head_comparison import DEFAULT_ACTIVATIONS, compare_heads
from engine.labs.output_heads import HEAD_KEYS
from engine.labs.playground import Playground, PlaygroundConfig
from gui.labs.playground_lab import MAP_RESOLUTION, PlaygroundLab
from gui.theme import apply_plot_theme


@pytest.fixture
def lab(qtbot) -> PlaygroundLab:
    apply_plot_theme()
    widget = PlaygroundLab()
    qtbot.addWidget(widget)
    return widget


def test_training_updates_map_and_curves(lab: PlaygroundLab, qtbot) -> None:
    assert lab.image.image.shape == (MAP_RESOLUTION, MAP_RESOLUTION, 3)
    first = lab.image.image.copy()
    lab.max_epochs.setValue(20)
    lab.train_button.click()
    assert lab.timer.isActive() and lab.train_button.text() == "Pause"
    qtbot.waitUntil(lambda: not lab.timer.isActive(), timeout=10_000)
    assert lab.playground.epoch == 20 and lab.train_button.text() == "Train"
    assert not np.array_equal(lab.image.image, first)
    alone = Playground(PlaygroundConfig())
    alone.train_epochs(20)
    epochs, accuracy = lab.curves["test", "accuracy"].getData()
    assert list(epochs) == list(range(1, 21))
    assert list(accuracy) == [r.test_accuracy for r in alone.history]
    assert f"{alone.history[-1].test_accuracy:.1%}" in lab.status.text()


def test_settings_rebuild_the_playground(lab: PlaygroundLab, qtbot) -> None:
    lab.settings.dataset.setCurrentIndex(lab.settings.dataset.findData("xor"))
    lab.settings.hidden.setText("16, 16")
    lab.settings.hidden.editingFinished.emit()
    qtbot.waitUntil(lambda: lab.playground.config.hidden == (16, 16), timeout=2000)
    assert lab.playground.config.dataset == "xor"
    lab.settings.hidden.setText("16, x")
    lab.reset()
    assert "whole numbers" in lab.status.text()


def test_bad_csv_is_reported_by_line_and_a_good_one_is_used(lab: PlaygroundLab, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y,label\n0,0,0\n1,one,1\n2,2,2\n3,3\n")
    assert not lab.load_csv(bad)
    assert "line 3: y 'one' is not a number" in lab.status.text()
    assert "line 5:" in lab.status.text()
    good = tmp_path / "three.csv"
    rng = np.random.default_rng(1)
    rows = [f"{x:.3f},{y:.3f},{k}" for k in range(3) for x, y in rng.normal(3 * k, 0.3, (20, 2))]
    good.write_text("\n".join(rows))
    assert lab.load_csv(good)
    assert lab.settings.own_points and lab.playground.data.classes == 3
    assert lab.settings.dataset.currentText() == "own: three"
    lab.train(3)
    assert lab.playground.epoch == 3 and set(
        np.unique(lab.playground.decision_map(20).classes)
    ) <= {0, 1, 2}


def test_comparison_table_reproduces_the_engine(lab: PlaygroundLab, qtbot) -> None:
    table = lab.comparison
    table.epochs.setValue(5)
    with qtbot.waitSignal(table.task.finished, timeout=20_000):
        assert table.start()
    qtbot.waitUntil(lambda: not table.task.running, timeout=5000)
    expected = compare_heads(PlaygroundConfig(), epochs=5)
    assert table.rows == expected
    for row in expected:
        cell = table.table.item(
            DEFAULT_ACTIVATIONS.index(row.activation), HEAD_KEYS.index(row.head)
        )
        assert cell.text().startswith(f"{row.test_accuracy:.1%}")
