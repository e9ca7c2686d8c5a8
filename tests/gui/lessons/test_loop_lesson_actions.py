"""The lesson actions for the loop around the model, done to a real window: a loop run set up
by `settings`, one line of the loop per `step_line`, `run_epochs` to an epoch's end, the loop's
own code lines marked; and the loop lessons in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from engine.core.errors import EngineError
from engine.lessons import Action, load_lessons
from engine.lessons.loop_facts import loop_facts
from engine.training.code_listing import phase_lines

MOONS = {
    "preset": "xor", "dataset": "moons", "layers": [2, 4, 2],
    "activations": ["tanh", "identity"], "loss": "cross_entropy", "lr": 0.5, "seed": 0,
    "batch_size": 32, "val_share": 0.2, "clip_norm": 0.25,
}  # fmt: skip
QM = Path(__file__).resolve().parents[3] / "assets/translations/backprop_studio_zh_CN.qm"


def perform(window, name: str, **args) -> None:
    window.lessons.player.executor.perform(Action(name, args))


def test_step_line_runs_every_micro_step_of_one_line(window):
    perform(window, "settings", **MOONS)
    controller = window.controller
    phases = []
    for _ in range(6):
        perform(window, "step_line")
        phases.append(controller.snapshot.phase)
    assert phases == ["batch", "zero_grad", "forward", "loss", "backward", "clip"]
    assert controller.snapshot.completed == 0
    perform(window, "step_line")  # one click updates every parameter
    assert controller.snapshot.phase == "step"
    assert controller.snapshot.completed == 1


def test_highlight_code_marks_the_loop_s_own_line(window):
    perform(window, "settings", **MOONS)
    lines = phase_lines(window.controller.config)
    for line in ("batch", "clip", "eval_mode", "evaluate"):
        perform(window, "highlight_code", line=line)
        assert window.code_panel.highlighted == lines[line]
    assert lines["clip"] != lines["step"]  # not the plain loop's numbering
    perform(window, "highlight_code", line="none")
    assert window.code_panel.highlighted is None


def test_highlight_code_refuses_a_line_the_loop_does_not_have(window):
    perform(window, "settings", **{**MOONS, "clip_norm": 0.0})
    with pytest.raises(EngineError, match="no clip line"):
        perform(window, "highlight_code", line="clip")


def test_run_epochs_finishes_the_epoch_begun(qtbot, window):
    perform(window, "settings", **MOONS)
    controller = window.controller
    for _ in range(3):
        assert controller.step_iteration()
    done = window.lessons.player.executor.perform(Action("run_epochs", {"count": 2}))
    qtbot.waitUntil(done, timeout=30_000)
    facts = controller.read(loop_facts)
    assert controller.snapshot.completed == 20  # 10 batches of 32 per epoch, two epochs
    assert (facts.epoch, facts.batch, len(facts.evaluations)) == (2, 10, 2)


def test_step_until_reaches_the_epoch_end_phases(window):
    perform(window, "settings", **{**MOONS, "batch_size": 160})  # two batches per epoch
    assert window.controller.step_iteration()
    for phase in ("clip", "eval_mode", "evaluate"):
        perform(window, "step_until", phase=phase)
        assert window.controller.snapshot.phase == phase


@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in load_lessons().lessons])
def test_every_string_of_every_lesson_is_in_chinese(qapp, lesson_id):
    translator = QTranslator()
    assert translator.load(str(QM))
    lesson = next(x for x in load_lessons().lessons if x.id == lesson_id)
    texts = [lesson.title, lesson.summary, *(step.text for step in lesson.steps)]
    for text in texts:
        chinese = translator.translate(lesson.context, text)
        assert chinese and chinese != text, text[:60]
        assert sum("\u4e00" <= c <= "\u9fff" for c in chinese) >= 5, chinese[:60]
