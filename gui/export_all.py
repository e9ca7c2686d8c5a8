"""Export every figure of the current session into one folder, with an index listing them.

From the window, the folder is a new one named after the run inside the folder chosen
(gui.figure_names), its files named as the right-click exports name them.

Every target is checked first; the files are drawn in a private temporary folder, and only when
all of them succeeded are they put in place, one by one, by the safe-write routine.
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg

from engine.io.safe_write import WriteError, check_writable_target, describe_os_error
from engine.io.trajectory_table import write_trajectory_csv
from gui.export import PLOT_FORMATS, ExportError, export_plot, export_scene, write_export
from gui.figure_names import export_folder_name, figure_file_name, make_fresh_folder
from gui.pages import Figure

if TYPE_CHECKING:
    from gui.window_parts import WindowParts

TRAJECTORY = "trajectory.csv"
INDEX = "index.html"


# The order of the files in the folder's index: the training loop's figures first.
FIGURE_ORDER = (
    "loss_curve", "gradient_norm", "parameters", "loss_surface", "network_diagram",
    "optimizer_race_paths", "optimizer_race_losses", "basin_map",
)  # fmt: skip


def figures(window: WindowParts) -> list[Figure]:
    """Every tab's figures, as its page lists them (gui.pages)."""
    preset = window.controller.config.preset
    found = [figure for page in window.pages.values() for figure in page.figures(preset)]
    rank = {stem: k for k, stem in enumerate(FIGURE_ORDER)}
    return sorted(found, key=lambda figure: rank.get(figure.stem, len(rank)))


def check_folder(folder: Path) -> None:
    try:
        exists, is_folder = folder.exists(), folder.is_dir()
        writable = os.access(folder, os.W_OK | os.X_OK)
    except OSError as error:  # e.g. a name too long for the file system
        raise ExportError(f"cannot export to {folder}: {describe_os_error(error)}") from error
    if exists and not is_folder:
        raise ExportError(f"cannot export to {folder}: it is not a folder")
    if not is_folder:
        raise ExportError(f"cannot export to {folder}: the folder does not exist")
    if not writable:
        raise ExportError(f"cannot export to {folder}: the folder is not writable")


def export_all_into_new_folder(
    window: WindowParts, parent: Path, formats: tuple[str, ...] = PLOT_FORMATS
) -> tuple[Path, list[Path]]:
    """Export all into a new folder inside `parent`, named after the preset and the iterations
    done (numbered when one of that name exists); a failed export takes its folder back."""
    parent = Path(parent)
    check_folder(parent)
    name = export_folder_name(window.controller.config.preset, window.controller.snapshot.completed)
    try:
        folder = make_fresh_folder(parent, name)
    except OSError as error:
        raise ExportError(f"cannot export to {parent}: {describe_os_error(error)}") from error
    try:
        return folder, export_all(window, folder, formats)
    except ExportError:
        _remove_if_empty(folder)
        raise


def _remove_if_empty(folder: Path) -> None:
    """Files put in place before a failure stay (rmdir refuses a folder that holds any)."""
    with contextlib.suppress(OSError):
        folder.rmdir()


def export_all(
    window: WindowParts, folder: Path, formats: tuple[str, ...] = PLOT_FORMATS
) -> list[Path]:
    """Write every figure in every format (CSV for plots), the trajectory CSV and index.html.

    Every target is checked before anything is written. The files are drawn in a private
    folder in the system's temporary space (never a hidden folder inside `folder`, which a
    killed export would leave behind), then put in place one by one by the safe-write routine.
    """
    folder = Path(folder)
    check_folder(folder)
    window.prepare_landscape()
    planned = planned_files(window, formats)
    for name, _, _ in planned:
        check_target(folder / name)
    try:
        staging = Path(tempfile.mkdtemp(prefix="backprop-studio-export-"))
    except OSError as error:
        reason = describe_os_error(error)
        raise ExportError(f"cannot export to {folder}: no temporary space ({reason})") from error
    try:
        written = _write_everything(window, staging, folder, planned)
        return [_put_in_place(path, folder / path.name) for path in written]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_target(target: Path) -> None:
    try:
        check_writable_target(target)
    except WriteError as error:
        raise ExportError(str(error)) from error


Planned = tuple[str, str, object]  # file name, its title in the index, the plot or scene


def planned_files(window: WindowParts, formats: tuple[str, ...]) -> list[Planned]:
    """The name of every figure file, in order; diagrams have no CSV of their own."""
    planned: list[Planned] = []
    for figure in figures(window):
        source = figure.source()
        for suffix in formats:
            if suffix == "csv" and not isinstance(source, pg.PlotItem):
                continue
            planned.append((figure_file_name(figure.stem, suffix), figure.title, source))
    planned.append((TRAJECTORY, "Every iteration: loss, gradient norm, parameters", None))
    planned.append((INDEX, "", None))
    return planned


def _write_everything(
    window: WindowParts, staging: Path, folder: Path, planned: list[Planned]
) -> list[Path]:
    written: list[tuple[Path, str]] = []
    for name, title, source in planned:
        try:
            _write_one(window, staging / name, title, source, written)
        except ExportError as error:  # name the file the user asked for, not the staged one
            raise ExportError(
                str(error).replace(str(staging / name), str(folder / name))
            ) from error
        if name != INDEX:
            written.append((staging / name, title))
    return [path for path, _ in written] + [staging / INDEX]


def _write_one(
    window: WindowParts, path: Path, title: str, source: object, written: list[tuple[Path, str]]
) -> None:
    name = path.name
    if name == TRAJECTORY:
        _write_trajectory(window, path)
    elif name == INDEX:
        write_export(path, lambda target: _write_text(target, _index_html(window, written)))
    elif isinstance(source, pg.PlotItem):
        export_plot(source, path, title=title)
    else:
        export_scene(source, path)


def _write_trajectory(window: WindowParts, target: Path) -> None:
    try:
        window.controller.read(partial(write_trajectory_csv, target=target))
    except WriteError as error:
        raise ExportError(str(error)) from error


def _write_text(target: Path, text: str) -> None:
    target.write_text(text, encoding="utf-8")


def _index_html(window: WindowParts, written: list[tuple[Path, str]]) -> str:
    config = window.controller.config
    items = "\n".join(
        f'<li><a href="{html.escape(p.name)}">{html.escape(p.name)}</a>: {html.escape(title)}'
        + (f'<br><img src="{html.escape(p.name)}" width="480">' if p.suffix == ".png" else "")
        + "</li>"
        for p, title in written
    )
    summary = html.escape(
        f"preset {config.preset}, optimizer {config.optimizer}, lr {config.lr:g}, "
        f"{window.controller.snapshot.completed} iterations"
    )
    return (
        "<!doctype html><html><meta charset='utf-8'><title>Backprop Studio export</title>\n"
        f"<h1>Backprop Studio export</h1><p>{summary}</p><ul>\n{items}\n</ul>\n</html>\n"
    )


def _put_in_place(staged: Path, target: Path) -> Path:
    """Copy a finished file over its target with the safe-write routine (checked again)."""
    write_export(target, lambda path: shutil.copyfile(staged, path))
    return target
