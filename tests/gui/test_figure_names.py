"""One name per figure: Export all writes what right-click → Export proposes, in a new folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.export import PLOT_FORMATS, SCENE_FORMATS
from gui.export_all import INDEX, TRAJECTORY, planned_files
from gui.export_menu import export_with_dialog
from gui.figure_names import STEM_PROPERTY, export_folder_name, make_fresh_folder


def _proposed_names(window, monkeypatch) -> set[str]:
    """What every right-click export dialog proposes, read from the dialog it opens."""
    proposed: list[str] = []

    def dialog(parent, caption, path, filters):
        proposed.append(Path(path).name)
        return "", ""  # cancelled: nothing written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    widgets = [w for w in window.findChildren(QWidget) if w.property(STEM_PROPERTY)]
    assert len(widgets) == 8
    for widget in widgets:
        formats = PLOT_FORMATS if hasattr(widget, "getPlotItem") else SCENE_FORMATS
        for suffix in formats:
            assert export_with_dialog(widget, "any title", suffix) is None
    return set(proposed)


def test_export_all_writes_the_names_the_right_click_exports_propose(window, qtbot, monkeypatch):
    window.controller.run_blocking(3)
    window.race_view.race.step(20)
    window.basin_view.start()
    qtbot.waitUntil(lambda: window.basin_view.result is not None, timeout=60000)
    planned = {name for name, _, _ in planned_files(window, PLOT_FORMATS)} - {TRAJECTORY, INDEX}
    assert len(planned) == 31  # 7 plots in 4 formats, the diagram in 3
    assert planned == _proposed_names(window, monkeypatch)


def test_the_names_do_not_follow_the_language(window, monkeypatch):
    """A Chinese title would slug to 'figure': the stem is the figure's, not its title's."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (_ for _ in ()).throw(
        AssertionError(Path(a[2]).name)))  # fmt: skip
    with pytest.raises(AssertionError, match=r"^loss_curve\.png$"):
        export_with_dialog(window.plots_panel.loss_plot.plot_widget, "每次迭代的损失", "png")


def test_the_folder_is_named_after_the_run():
    assert export_folder_name("mazur", 200) == "backprop-studio-mazur-iter200"
    assert export_folder_name("My net/2", 0) == "backprop-studio-my-net-2-iter0"


def test_an_existing_folder_is_never_reused(tmp_path):
    first = make_fresh_folder(tmp_path, "run")
    (first / "loss_curve.png").write_bytes(b"earlier slides")
    second, third = make_fresh_folder(tmp_path, "run"), make_fresh_folder(tmp_path, "run")
    assert [first.name, second.name, third.name] == ["run", "run-2", "run-3"]
    assert (first / "loss_curve.png").read_bytes() == b"earlier slides"


def test_export_all_from_the_menu_makes_a_new_folder_each_time(
    window, qtbot, tmp_path, monkeypatch
):
    window.controller.run_blocking(3)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    (tmp_path / "loss_curve.png").write_bytes(b"a file of the user's")
    window.menus.export_all_dialog()
    window.menus.export_all_dialog()
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert folders == ["backprop-studio-mazur-iter3", "backprop-studio-mazur-iter3-2"]
    assert (tmp_path / "loss_curve.png").read_bytes() == b"a file of the user's"
    first = tmp_path / folders[0]
    assert {p.name for p in first.iterdir()} == (
        {name for name, _, _ in planned_files(window, PLOT_FORMATS)}
    )
    assert str(tmp_path / folders[1]) in window.last_message
