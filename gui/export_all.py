"""Export every figure of the current session into one folder, with an index listing them.

Files are written into a hidden staging folder first and moved into place only when all of
them succeeded, so a failed export leaves nothing half-written behind.
"""

from __future__ import annotations

import csv
import html
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg

from engine.trajectory_table import trajectory_table
from gui.export import PLOT_FORMATS, ExportError, atomic_write, export_plot, export_scene

if TYPE_CHECKING:
    from gui.main_window import MainWindow


@dataclass(frozen=True)
class Figure:
    stem: str  # file name without suffix: says what the figure is
    title: str
    source: Callable[[MainWindow], object]  # a PlotItem or a QGraphicsScene


def figures(window: MainWindow) -> list[Figure]:
    preset = window.controller.stepper.config.preset
    found = [
        Figure("loss_curve", f"Loss per iteration ({preset})",
               lambda w: w.plots_panel.loss_plot.plot_item),
        Figure("gradient_norm", f"Gradient norm per iteration ({preset})",
               lambda w: w.plots_panel.grad_norm_plot.plot_item),
        Figure("parameters", f"Parameter values per iteration ({preset})",
               lambda w: w.plots_panel.param_plot.plot_item),
        Figure("loss_surface", f"Loss surface with the descent path ({preset})",
               lambda w: w.landscape_panel.view.plot_item),
        Figure("network_diagram", f"Network ({preset})", lambda w: w.network_view.scene()),
    ]  # fmt: skip
    if len(window.race_view.race.racers[0].path) > 1:
        found += [
            Figure("optimizer_race_paths", "Optimizer race: paths",
                   lambda w: w.race_view.surface.plot_item),
            Figure("optimizer_race_losses", "Optimizer race: loss per step",
                   lambda w: w.race_view.loss_plot.getPlotItem()),
        ]  # fmt: skip
    if window.basin_view.result is not None:
        found.append(Figure("basin_map", "Basin map", lambda w: w.basin_view.plot.getPlotItem()))
    return found


def check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise ExportError(f"cannot export to {folder}: the folder does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot export to {folder}: the folder is not writable")


def export_all(
    window: MainWindow, folder: Path, formats: tuple[str, ...] = PLOT_FORMATS
) -> list[Path]:
    """Write every figure in every format (CSV for plots), the trajectory CSV and index.html."""
    folder = Path(folder)
    check_folder(folder)
    window.prepare_landscape()
    try:
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=".export-"))
    except OSError as error:
        raise ExportError(f"cannot export to {folder}: {error.strerror or error}") from error
    try:
        written = _write_everything(window, staging, formats)
        return [_move(path, folder) for path in written]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_everything(window: MainWindow, staging: Path, formats: tuple[str, ...]) -> list[Path]:
    written: list[tuple[Path, str]] = []
    for figure in figures(window):
        source = figure.source(window)
        for suffix in formats:
            path = staging / f"{figure.stem}.{suffix}"
            if isinstance(source, pg.PlotItem):
                export_plot(source, path, title=figure.title)
            elif suffix == "csv":
                continue  # a diagram has no data table of its own
            else:
                export_scene(source, path)
            written.append((path, figure.title))
    trajectory = staging / "trajectory.csv"
    atomic_write(trajectory, lambda target: _write_trajectory(window, target))
    written.append((trajectory, "Every iteration: loss, gradient norm, parameters"))
    index = staging / "index.html"
    atomic_write(index, lambda target: target.write_text(_index_html(window, written)))
    return [path for path, _ in written] + [index]


def _write_trajectory(window: MainWindow, target: Path) -> None:
    header, rows = trajectory_table(window.controller.stepper)
    with open(target, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        # repr keeps every digit of a float; an empty cell (a thinned iteration) stays empty.
        writer.writerows([repr(v) if isinstance(v, float) else v for v in row] for row in rows)


def _index_html(window: MainWindow, written: list[tuple[Path, str]]) -> str:
    config = window.controller.stepper.config
    items = "\n".join(
        f'<li><a href="{html.escape(p.name)}">{html.escape(p.name)}</a>: {html.escape(title)}'
        + (f'<br><img src="{html.escape(p.name)}" width="480">' if p.suffix == ".png" else "")
        + "</li>"
        for p, title in written
    )
    summary = html.escape(
        f"preset {config.preset}, optimizer {config.optimizer}, lr {config.lr:g}, "
        f"{window.controller.stepper.trajectory.length} iterations"
    )
    return (
        "<!doctype html><meta charset='utf-8'><title>Backprop Studio export</title>\n"
        f"<h1>Backprop Studio export</h1><p>{summary}</p><ul>\n{items}\n</ul>\n"
    )


def _move(path: Path, folder: Path) -> Path:
    target = folder / path.name
    os.replace(path, target)
    return target
