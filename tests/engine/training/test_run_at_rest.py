"""A run can rest at an iteration boundary, be read (a session copied), and go on unchanged."""

from __future__ import annotations

import numpy as np

from engine.io.session_open import load_session
from engine.io.session_save import session_copy, write_session_copy
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def test_visits_change_nothing_and_every_copy_reopens(tmp_path) -> None:
    config = MAZUR.replace(optimizer="adam", lr=0.05, lookahead_k=3)
    plain = Stepper(config)
    plain.run(3000, progress=lambda done: None)

    visited = Stepper(config)
    copies: list[str] = []
    at: list[int] = []

    def copy(stepper: Stepper) -> None:
        copies.append(session_copy(stepper))
        at.append(stepper.iteration)

    visited.run(3000, progress=lambda done: None, visit=lambda: copy)

    assert len(copies) == 3000 // 256 and at == sorted(at) and at[0] == 256
    assert np.array_equal(plain.trajectory.losses, visited.trajectory.losses)
    assert np.array_equal(plain.model.values(), visited.model.values())
    assert plain.snapshot == visited.snapshot
    for index in (0, len(copies) // 2, len(copies) - 1):
        path = tmp_path / f"copy{index}.json"
        write_session_copy(copies[index], path)
        reopened = load_session(path)  # verifies the replay bit for bit
        assert reopened.iteration == at[index]


def test_no_visitor_means_no_rest() -> None:
    stepper = Stepper(MAZUR)
    rests = []
    stepper.run(600, progress=lambda done: None, visit=lambda: rests.append(1))
    assert len(rests) == 600 // 256  # asked at each report, and nothing was handed back
