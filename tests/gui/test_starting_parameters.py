"""File → Start from parameters…: the window starts from a JSON of values, checked like --init."""

from __future__ import annotations

import json


def test_the_model_starts_from_the_files_values(window, tmp_path, warnings_shown):
    path = tmp_path / "start.json"
    path.write_text(json.dumps({"w1": 0.2, "w5": -1.5}))
    window.controller.run_blocking(3)
    assert window.starting_parameters.load(path)
    snapshot = window.controller.snapshot
    assert snapshot.iteration == 0 and snapshot.params["w1"] == 0.2
    assert snapshot.params["w5"] == -1.5 and snapshot.params["w2"] == 0.2  # Mazur's w2
    assert warnings_shown == []


def test_a_bad_file_changes_nothing_and_says_why(window, tmp_path, warnings_shown):
    stepper = window.controller.stepper
    for text, words in [
        ('{"w1": NaN}', "NaN is not a finite number"),
        ('{"w1": "x"}', "'w1' must be a number"),
        ('{"w1": 1, "w1": 2}', "'w1' is given twice"),
    ]:
        path = tmp_path / "bad.json"
        path.write_text(text)
        assert not window.starting_parameters.load(path)
        assert window.controller.stepper is stepper
        assert words in warnings_shown[-1]
    assert not window.starting_parameters.load(tmp_path / "missing.json")
    assert window.controller.stepper is stepper


def test_an_unknown_label_keeps_the_model(window, tmp_path, qtbot):
    stepper = window.controller.stepper
    path = tmp_path / "start.json"
    path.write_text('{"zz": 1}')
    with qtbot.waitSignal(window.controller.alert) as alert:
        assert not window.starting_parameters.load(path)
    assert "unknown parameter label(s): zz" in alert.args[0]
    assert window.controller.stepper is stepper
