"""Every tab is a page: lessons and Export all see the window only through pages."""

from __future__ import annotations

import dataclasses

import pytest

from engine.core.errors import EngineError
from engine.lessons import LessonState
from gui.export_all import figures


def test_each_tab_has_one_page_in_tab_order(window):
    widgets = [window.tabs.widget(k) for k in range(window.tabs.count())]
    assert [page.widget for page in window.pages.values()] == widgets
    assert list(window.pages) == ["training", "surface", "race", "basins", "labs"]


def test_the_pages_report_every_tab_field_a_lesson_reads(window):
    reported: set[str] = set()
    for page in window.pages.values():
        reported |= set(page.state())
    # Read from the run itself (the loop's facts: engine.lessons.loop_facts), not a page.
    training_fields = {"phase", "focus", "iteration", "completed", "diverged", "tab", "params",
                       "grads", "loss", "loop"}  # fmt: skip
    assert reported | training_fields == {f.name for f in dataclasses.fields(LessonState)}


def test_a_page_refuses_what_its_tab_does_not_offer(window):
    with pytest.raises(EngineError, match="not offered here"):
        window.pages["race"].apply({"function": "no_such_function"})
    with pytest.raises(EngineError, match="no parameter zz"):
        window.pages["surface"].apply({"plane": "params", "axes": ["zz", "w6"]})


def test_export_lists_the_pages_figures_in_index_order(window):
    stems = [figure.stem for figure in figures(window)]
    assert stems[:5] == ["loss_curve", "gradient_norm", "parameters", "loss_surface",
                         "network_diagram"]  # fmt: skip
    window.pages["race"].apply({"function": "rosenbrock", "steps": 5})
    assert [f.stem for f in figures(window)][5:] == [
        "optimizer_race_paths", "optimizer_race_losses"
    ]  # fmt: skip
