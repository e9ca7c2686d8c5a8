"""What the window shows now, gathered for a step's `expect` (engine.lessons.expect)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from engine.lessons import LessonState
from gui.lessons.targets import lab_pages, name_of, tab_pages

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def lesson_state(window: MainWindow) -> LessonState:
    """Read between commands only: while a run is going the worker owns the engine."""
    snapshot = window.controller.snapshot
    last_run = window.controller.last_run
    run_diverged = last_run is not None and last_run.diverged_at is not None
    point = getattr(window.labs.activation, "point", None)
    return LessonState(
        phase=snapshot.phase,
        focus=snapshot.focus,
        iteration=snapshot.iteration + 1,
        completed=snapshot.completed,
        diverged=snapshot.diverged or run_diverged,
        tab=name_of(window.tabs.currentWidget(), tab_pages(window)),
        lab=name_of(window.labs.currentWidget(), lab_pages(window)),
        params=dict(snapshot.params),
        grads=dict(snapshot.grads),
        loss=window.controller.stepper.current_loss(),  # at the parameters shown now
        highlighted=window.network_view.highlighted,
        race_leader=_race_leader(window),
        basins_reached=_basins_reached(window),
        lab_slope=None if point is None else float(point.derivative),
        vanishing_ratio={n: p.first_to_last for n, p in window.labs.vanishing.profiles.items()},
    )


def _race_leader(window: MainWindow) -> str | None:
    race = window.race_view.race
    if race is None:
        return None
    finite = [r for r in race.racers if math.isfinite(r.losses[-1])]
    return min(finite, key=lambda r: r.losses[-1]).name if finite else None


def _basins_reached(window: MainWindow) -> int | None:
    result = window.basin_view.result
    if result is None:
        return None
    return sum(int((result.basin == k).sum() > 0) for k in range(len(result.minima)))
