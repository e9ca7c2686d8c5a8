"""What the window shows now, gathered for a step's `expect` (engine.lessons.expect)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.lessons import LessonState
from engine.lessons.loop_facts import loop_facts

if TYPE_CHECKING:
    from gui.window_parts import WindowParts


def lesson_state(window: WindowParts) -> LessonState:
    """Read between commands only: while a run is going the worker owns the engine.

    The training numbers come from the controller's Snapshot; each tab's own state from its
    page (gui.pages), so no widget inside a tab is reached from here."""
    controller = window.controller
    snapshot = controller.snapshot
    last_run = controller.last_run
    run_diverged = last_run is not None and last_run.diverged_at is not None
    pages: dict = {}
    for page in window.pages.values():
        pages.update(page.state())
    return LessonState(
        phase=snapshot.phase,
        focus=snapshot.focus,
        iteration=snapshot.iteration + 1,
        completed=snapshot.completed,
        diverged=snapshot.diverged or run_diverged,
        tab=window.current_page(),
        params=dict(snapshot.params),
        grads=dict(snapshot.grads),
        loss=controller.current_loss(),  # at the parameters shown now
        loop=controller.read(loop_facts),
        **pages,
    )
