"""The playground trains in timer ticks, loads CSV points and fills the comparison table; it
says why settings cannot fit, pictures the hidden units and lists named classes."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton

from engine.labs.csv_points import MAX_POINTS
from engine.labs.fit_hints import facts_of, fit_hint
from engine.labs.head_comparison import DEFAULT_ACTIVATIONS, compare_heads
from engine.labs.output_heads import HEAD_KEYS, HEADS
from engine.labs.playground import Playground, PlaygroundConfig
from gui.labs.playground_lab import MAP_RESOLUTION, NEURON_RESOLUTION, PlaygroundLab
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


def loaded(lab: PlaygroundLab, qtbot, path) -> bool:
    """Load a CSV file (off the GUI thread) and wait: whether its points are now used."""
    assert lab.load_csv(path)
    qtbot.waitUntil(
        lambda: lab.csv_outcome is not None and not lab.csv_task.running, timeout=20_000
    )
    return lab.csv_outcome


def test_bad_csv_is_reported_by_line_and_a_good_one_is_used(
    lab: PlaygroundLab, qtbot, tmp_path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y,label\n0,0,0\n1,one,1\n2,2,2\n3,3\n")
    assert not loaded(lab, qtbot, bad)
    assert lab.status.text() == (
        "line 3, column 2: 'one' is not a number (and 1 more bad row(s): line 5)"
    )
    good = tmp_path / "three.csv"
    rng = np.random.default_rng(1)
    rows = [f"{x:.3f},{y:.3f},{k}" for k in range(3) for x, y in rng.normal(3 * k, 0.3, (20, 2))]
    good.write_text("\n".join(rows))
    assert loaded(lab, qtbot, good)
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


def test_a_big_csv_loads_off_the_gui_thread_and_cancel_keeps_the_old_points(
    lab: PlaygroundLab, qtbot, tmp_path, monkeypatch
) -> None:
    import gui.labs.playground_lab as playground_lab

    gui_thread = threading.get_ident()
    threads: list[int] = []
    real = playground_lab.load_points_csv

    def load(path, progress=None, should_stop=None):
        threads.append(threading.get_ident())
        while not should_stop():  # a file that takes until Cancel
            progress(1, 2)
            time.sleep(0.002)
        return real(path, progress, should_stop)

    monkeypatch.setattr(playground_lab, "load_points_csv", load)
    before = lab.playground
    path = tmp_path / "huge.csv"
    path.write_text("0,0,0\n1,1,1\n2,2,0\n3,3,1\n")
    assert lab.load_csv(path)
    dialog = lab.csv_dialog
    assert dialog is not None and dialog.labelText() == "Loading huge.csv…"
    qtbot.waitUntil(lambda: dialog.value() == 1 and dialog.maximum() == 2, timeout=5000)
    assert not lab.load_csv(path)  # one file at a time
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: lab.csv_outcome is not None, timeout=5000)
    assert lab.csv_outcome is False and lab.playground is before and lab.own_points is None
    assert "cancelled" in lab.status.text() and threads and threads[0] != gui_thread


def test_too_many_rows_are_refused_in_one_line_and_the_old_points_stay(
    lab: PlaygroundLab, qtbot, tmp_path
) -> None:
    path = tmp_path / "many.csv"
    path.write_text("".join(f"{i},{i},{i % 2}\n" for i in range(MAX_POINTS + 1)))
    before = lab.playground
    assert not loaded(lab, qtbot, path)
    assert lab.status.text() == (
        f"the CSV file has more than {MAX_POINTS:,} rows; at most {MAX_POINTS:,} points can be "
        "loaded"
    )
    assert lab.playground is before


def test_a_field_too_long_for_the_csv_module_is_a_message(lab: PlaygroundLab, qtbot, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("0,0,0\n1," + "9" * 200_000 + ",1\n")
    assert not loaded(lab, qtbot, path)
    assert "line 2 of the CSV file cannot be read" in lab.status.text()


def test_a_tick_of_a_slow_epoch_trains_only_its_share(lab: PlaygroundLab, monkeypatch) -> None:
    ticks = iter(range(1000))  # every look at the clock: one more second
    monkeypatch.setattr("engine.labs.playground.time.monotonic", lambda: next(ticks))
    lab.max_epochs.setValue(50)
    lab.tick()  # the deadline passes after the first batch: the epoch goes on next tick
    assert lab.playground.epoch == 0
    for _ in range(20):
        lab.tick()
    assert lab.playground.epoch >= 1
    alone = Playground(PlaygroundConfig())
    alone.train_epochs(lab.playground.epoch)
    assert [r.test_loss for r in lab.playground.history] == [r.test_loss for r in alone.history]


def test_points_share_one_brush_and_pen_per_class(lab: PlaygroundLab) -> None:
    # Per-point styles made the symbol cache draw 100,000 symbols: 5 s to show a big file.
    lab.settings.dataset.setCurrentIndex(lab.settings.dataset.findData("xor"))
    lab.reset()
    brushes = {id(b) for b in lab.train_points.data["brush"]}
    pens = {id(p) for p in lab.test_points.data["pen"]}
    assert len(brushes) <= lab.playground.data.classes and len(pens) <= lab.playground.data.classes


# -- the hint, the hidden units, named classes ------------------------------------------------
def choose(lab: PlaygroundLab, dataset: str, hidden: str = "8", activation: str = "tanh") -> None:
    lab.settings.dataset.setCurrentIndex(lab.settings.dataset.findData(dataset))
    lab.settings.activation.setCurrentIndex(lab.settings.activation.findData(activation))
    lab.settings.hidden.setText(hidden)
    lab._pending_reset.stop()
    lab.reset()


def test_the_spiral_with_the_defaults_shows_why_it_cannot_fit(lab: PlaygroundLab) -> None:
    choose(lab, "spiral")
    alone = Playground(PlaygroundConfig(dataset="spiral"))
    expected = "Hint: " + fit_hint(facts_of(alone)).text
    assert lab.hint.isVisibleTo(lab) and lab.hint.text() == expected  # from the settings
    lab.max_epochs.setValue(300)
    lab.train(300)
    lab.pause()
    alone.train_epochs(300)
    assert alone.history[-1].test_accuracy < 0.6
    assert lab.hint.isVisibleTo(lab) and lab.hint.text() == expected
    assert "one hidden layer of 8 units" in lab.hint.text()


def test_a_setting_that_fits_the_spiral_shows_no_hint(lab: PlaygroundLab) -> None:
    choose(lab, "spiral", "32, 32", "relu")
    assert not lab.hint.isVisibleTo(lab)
    lab.train(300)
    lab.pause()
    assert lab.playground.history[-1].test_accuracy >= 0.9
    assert not lab.hint.isVisibleTo(lab) and lab.hint.text() == ""


def test_no_hint_flickers_while_training_runs(lab: PlaygroundLab) -> None:
    choose(lab, "spiral")
    assert lab.hint.isVisibleTo(lab)
    lab.toggle()
    assert lab.timer.isActive() and not lab.hint.isVisibleTo(lab)
    lab.tick()
    assert lab.timer.isActive() and not lab.hint.isVisibleTo(lab)
    lab.pause()
    assert lab.hint.isVisibleTo(lab)


def test_hidden_unit_pictures_follow_the_network(lab: PlaygroundLab) -> None:
    assert [len(units) for units in lab.neurons.pictures] == [8]
    choose(lab, "xor", "5, 3")
    assert [len(units) for units in lab.neurons.pictures] == [5, 3]
    before = lab.neurons.pictures[0][0].pixmap().toImage()
    lab.train(5)
    maps = lab.playground.neuron_maps(NEURON_RESOLUTION)
    assert lab.neurons.pictures[0][0].pixmap().toImage() != before
    lo, hi = maps.layers[1][2].min(), maps.layers[1][2].max()
    assert lab.neurons.pictures[1][2].toolTip().endswith(f"from {lo:.3g} to {hi:.3g}")


def test_named_labels_load_and_their_classes_are_listed(
    lab: PlaygroundLab, qtbot, tmp_path
) -> None:
    assert not lab.classes.isVisibleTo(lab)
    path = tmp_path / "pets.csv"
    rows = [
        f"{x:.2f};{y:.2f};{'dog' if k else 'cat'}".replace(".", ",")
        for k in (0, 1)
        for x, y in np.random.default_rng(k).normal(2 * k, 0.3, (10, 2))
    ]
    path.write_text("x;y;animal\n" + "\n".join(rows))
    assert loaded(lab, qtbot, path)
    assert lab.classes.isVisibleTo(lab) and lab.classes.text() == "classes: 0 = cat, 1 = dog"
    assert lab.playground.data.class_names == ("cat", "dog")


def test_a_hostile_csv_is_one_line_in_the_status(lab: PlaygroundLab, qtbot, tmp_path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("0,0,0\n1,1,1\n2,2,0\n1,5,2,5\n")  # a decimal comma between commas
    before = lab.playground
    assert not loaded(lab, qtbot, path)
    assert lab.status.text() == "line 4, column 4: expected 3 values (x, y, label), found 4"
    assert lab.playground is before


def test_the_comparison_headers_are_never_clipped(lab: PlaygroundLab) -> None:
    lab.show()
    table = lab.comparison.table
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for width in (1000, 700):
        lab.resize(width, 700)
        QApplication.processEvents()
        for column, head in enumerate(HEADS):
            shown = table.horizontalHeaderItem(column).text()
            assert shown.replace("\n", " ") == head.title  # the whole title, over two lines
            widest = max(metrics.horizontalAdvance(line) for line in shown.splitlines())
            assert header.sectionSize(column) >= widest + 8
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
            assert header.sectionSize(column) >= table.sizeHintForColumn(column)
        assert metrics.height() * 2 <= header.height()  # both lines fit the header's height
    lab.resize(1000, 700)
    QApplication.processEvents()
    assert not table.horizontalScrollBar().isVisible()  # a 1024-pixel window needs no scrolling


def test_huge_coordinates_that_make_the_net_diverge_are_named_and_drawn(
    lab: PlaygroundLab, qtbot, tmp_path
) -> None:
    path = tmp_path / "metres.csv"
    rng = np.random.default_rng(0)
    path.write_text(
        "".join(f"{x:.0f},{y:.0f},{int(x > 0)}\n" for x, y in rng.uniform(-9e8, 9e8, (40, 2)))
    )
    lab.settings.activation.setCurrentIndex(lab.settings.activation.findData("relu"))
    lab.settings.lr.setValue(5.0)
    assert loaded(lab, qtbot, path)
    with np.errstate(all="raise"):
        lab.train(60)
    lab.pause()
    assert not np.isfinite(lab.playground.history[-1].train_loss)  # it did diverge
    assert lab.hint.text().startswith("Hint: Your points reach ")
    assert lab.image.image.dtype == np.uint8


def test_unit_pictures_are_throttled_while_training_and_current_when_it_stops(
    lab: PlaygroundLab, monkeypatch
) -> None:
    import gui.labs.playground_lab as playground_lab

    monkeypatch.setattr(playground_lab, "NEURON_INTERVAL", 3600.0)  # however slow the machine
    drawn = []
    real = lab.neurons.show_maps
    monkeypatch.setattr(lab.neurons, "show_maps", lambda maps: (drawn.append(maps), real(maps)))
    lab.toggle()  # training runs (no event loop here, so the timer does not tick)
    lab._neurons_last = time.perf_counter()  # pictures drawn a moment ago
    lab.train(1)
    lab.train(1)
    assert drawn == []  # within NEURON_INTERVAL: the map moves, the pictures wait
    lab.pause()
    assert len(drawn) == 1
    now = lab.playground.neuron_maps(NEURON_RESOLUTION)
    assert np.array_equal(drawn[0].layers[0], now.layers[0])
    lab.train(1)  # idle: every redraw draws them
    assert len(drawn) == 2
