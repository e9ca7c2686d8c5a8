"""The learning-rate lesson's key picture: a visible, numbered path on a curve that holds it,
the lesson's numbers and the status bar's in agreement, and no stale run progress."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtGui import QColor

from engine.models.chain_rule import fmt
from gui.lessons import install_lessons
from gui.theme import apply_theme

STEP_TIMEOUT_MS = 60_000


def open_step(qtbot, window, marker: str):
    """Open the learning-rate lesson at the step whose text contains `marker`."""
    lessons = window.lessons
    lesson = lessons.find("learning_rate")
    index = next(i for i, step in enumerate(lesson.steps) if marker in step.text)
    assert lessons.open(lesson)
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=STEP_TIMEOUT_MS)
    assert lessons.player.go_to(index)
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=STEP_TIMEOUT_MS)
    assert lessons.player.error == "" and lessons.player.failures() == []
    return lessons


def sgd_on_the_parabola(lr: float, iterations: int) -> tuple[list[float], list[float]]:
    """A plain PyTorch loop: the loss each forward pass measured, and x after each step."""
    x = torch.tensor(-1.5, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([x], lr=lr)
    forward_losses, xs = [], [x.item()]
    for _ in range(iterations):
        optimizer.zero_grad()
        loss = x**2
        forward_losses.append(loss.item())
        loss.backward()
        optimizer.step()
        xs.append(x.item())
    return forward_losses, xs


def shown_path(window):
    window.show_page("surface")
    view = window.landscape_panel.view
    return view, *view.path.getData()


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_status_bar_and_the_lesson_give_the_same_losses_at_lr_1_1(qtbot, window):
    lessons = open_step(qtbot, window, "lr = 1.1")
    forward_losses, xs = sgd_on_the_parabola(1.1, 5)
    before, after = forward_losses[-1], xs[-1] ** 2
    status = window.loss_label.text()
    assert status == f"loss {fmt(before)} before the step · {fmt(after)} after"
    text = lessons.panel.text.toPlainText()
    for number in (before, after, xs[-1], xs[-2]):
        assert f"{number:.2f}".replace("-", "−") in text, number
    assert f"{after:.2f}" == "13.93" and f"{before:.2f}" == "9.67"


def test_the_curve_holds_every_point_of_the_diverging_path(qtbot, window):
    open_step(qtbot, window, "lr = 1.1")
    view, xs, ys = shown_path(window)
    _, expected = sgd_on_the_parabola(1.1, 5)
    assert xs.tolist() == pytest.approx(expected, rel=1e-12)
    curve_x, _ = view.curve.getData()
    assert curve_x.min() <= xs.min() and curve_x.max() >= xs.max() > 3.7
    box = view.plot_item.getViewBox()
    box.updateAutoRange()
    (left, right), (bottom, top) = box.viewRange()
    assert left <= xs.min() and right >= xs.max() and top >= ys.max()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_path_is_dark_on_light_and_light_on_dark_and_numbered(qtbot, window, theme):
    open_step(qtbot, window, "lr = 0.9")
    apply_theme(theme)
    try:
        view, xs, _ = shown_path(window)
        background = QColor(view.backgroundBrush().color())
        pen = QColor(view.path.opts["pen"].color())
        assert contrast(pen, background) >= 4.5
        if theme == "light":
            assert luminance(pen) < 0.05  # a dark path, not white on white
        assert view.path_numbers.texts == [str(k) for k in range(len(xs))] == ["0", "1", "2", "3"]
    finally:
        apply_theme("light")


def test_a_step_without_a_run_clears_the_previous_runs_progress(qtbot, window):
    lessons = open_step(qtbot, window, "lr = 1.0")  # runs 10 iterations
    bar = window.transport.progress
    assert bar.isTextVisible() and bar.text() == "10 / 10"
    assert lessons.player.next()  # lr = 1.1: five single iterations, no run
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=STEP_TIMEOUT_MS)
    assert not bar.isTextVisible() and bar.value() == 0


RUN_THEN_STEP = """title = "Run, then step"
[[steps]]
text = "Ten iterations in the background."
actions = [{ do = "run", iterations = 10 }]

[[steps]]
text = "One more, by hand: no run of its own."
actions = [{ do = "step_iteration" }]
"""


def test_a_step_without_a_run_of_its_own_clears_the_progress_bar(qtbot, window, tmp_path):
    (tmp_path / "run_then_step.toml").write_text(RUN_THEN_STEP, encoding="utf-8")
    lessons = install_lessons(window, tmp_path)
    assert lessons.open(lessons.find("run_then_step"))
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=STEP_TIMEOUT_MS)
    bar = window.transport.progress
    assert bar.isTextVisible() and bar.text() == "10 / 10"
    assert lessons.player.next()
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=STEP_TIMEOUT_MS)
    assert window.controller.snapshot.completed == 11
    assert not bar.isTextVisible() and bar.value() == 0
    assert lessons.player.go_to(1)  # replayed from the start: the replayed run is not this step's
    qtbot.waitUntil(lambda: not lessons.player.busy, timeout=STEP_TIMEOUT_MS)
    assert not bar.isTextVisible()
