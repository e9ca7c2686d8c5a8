"""Every shipped lesson plays from its first step to its last, and each step's `expect` holds."""

from __future__ import annotations

import time

import pytest

from engine.lessons import load_lessons

LESSON_IDS = [lesson.id for lesson in load_lessons().lessons]
STEP_TIMEOUT_MS = 60_000
# The loop lessons fast-forward whole epochs and step wide layers a line at a time: each plays
# in 3-8 s on a shared 2-core machine (the first optimizer a process builds imports
# torch._dynamo, about 2.5 s); the bound catches a lesson that micro-steps a wide network.
LOOP_LESSONS = ("minibatches", "training_loop", "digits")
LOOP_LESSON_SECONDS = 30.0


def play_step(qtbot, player) -> None:
    qtbot.waitUntil(lambda: not player.busy, timeout=STEP_TIMEOUT_MS)
    assert player.error == ""
    assert player.failures() == [], f"step {player.index + 1}"


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_lesson_plays_through_and_every_expect_holds(qtbot, window, lesson_id):
    lessons = window.lessons
    lesson = lessons.find(lesson_id)
    start = time.perf_counter()
    assert lessons.open(lesson)
    play_step(qtbot, lessons.player)
    for _ in lesson.steps[1:]:
        assert lessons.player.next()
        play_step(qtbot, lessons.player)
    assert lessons.player.at_end
    assert not lessons.player.next()
    if lesson_id in LOOP_LESSONS:
        assert time.perf_counter() - start < LOOP_LESSON_SECONDS


def test_the_nine_lessons_are_shipped():
    assert set(LESSON_IDS) >= {"mazur", "zero_grad", "activations", "learning_rate",
                               "momentum_adam", "minima_saddles", *LOOP_LESSONS}  # fmt: skip


def test_mazur_lesson_ends_at_the_published_update(qtbot, window):
    lessons = window.lessons
    lesson = lessons.find("mazur")
    lessons.open(lesson)
    qtbot.waitUntil(lambda: not lessons.player.busy)
    assert lessons.player.go_to(len(lesson.steps) - 1)
    qtbot.waitUntil(lambda: not lessons.player.busy)
    params = window.controller.snapshot.params
    assert f"{params['w1']:.9f}" == "0.149780716"
    assert f"{params['w5']:.8f}" == "0.35891648"
    assert window.controller.snapshot.completed == 1
