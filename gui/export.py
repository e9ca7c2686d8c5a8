"""Export any plot or diagram as PNG, SVG, PDF or CSV, with Qt's and pyqtgraph's own machinery.

Every file is written to a temporary name in the target folder and renamed into place, so a
failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsScene

from gui.theme import print_look

PLOT_FORMATS = ("png", "svg", "pdf", "csv")
SCENE_FORMATS = ("png", "svg", "pdf")
PNG_SCALE = 2  # default PNG size: twice the size on screen, sharp on slides
FIGURE_SIZE = (800, 500)  # the smallest layout a plot is exported at, in screen pixels


class ExportError(OSError):
    """An export that could not be written; the message is one line."""


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(temporary) then rename it to `path`; clean up on any failure."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from error
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise ExportError(f"cannot write {path}: nothing was written")
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; exports are shared files
        os.replace(temporary, path)
    except ExportError:
        temporary.unlink(missing_ok=True)
        raise
    except (OSError, RuntimeError, ValueError) as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {error}") from error


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- plots (pyqtgraph PlotItem) ------------------------------------------------------------------
def export_plot(
    plot: pg.PlotItem, path: Path, width: int | None = None, title: str | None = None
) -> None:
    """Write `plot` in the format its suffix names (.png, .svg, .pdf, .csv).

    `title` is drawn on the figure for the export only (on screen it may sit in a label).
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    writers = {"png": _plot_png, "svg": _plot_svg, "pdf": _plot_pdf, "csv": _plot_csv}
    if suffix not in writers:
        raise ExportError(f"cannot export a plot as .{suffix}: choose {', '.join(PLOT_FORMATS)}")
    if suffix == "csv":
        atomic_write(Path(path), lambda target: _plot_csv(plot, target, width))
        return
    with print_look(plot.scene()), _as_figure(plot, title):  # slides get ink on white
        atomic_write(Path(path), lambda target: writers[suffix](plot, target, width))


@contextmanager
def _as_figure(plot: pg.PlotItem, title: str | None) -> Iterator[None]:
    """Lay the plot out at slide size with its title for the export; restore it afterwards.

    A plot in a narrow dock would otherwise export cramped, with its title clipped.
    """
    shown = plot.titleLabel.text if plot.titleLabel.isVisible() else None
    view = plot.getViewWidget()
    old_size = view.size() if view is not None else None
    if view is not None:
        view.resize(max(view.width(), FIGURE_SIZE[0]), max(view.height(), FIGURE_SIZE[1]))
    if title:
        plot.setTitle(title)
    plot.layout.activate()
    QApplication.processEvents()  # let the resized view and its layout settle before drawing
    try:
        yield
    finally:
        if title:
            plot.setTitle(shown)
        if view is not None and old_size is not None:
            view.resize(old_size)
        QApplication.processEvents()


def _plot_png(plot: pg.PlotItem, target: Path, width: int | None) -> None:
    exporter = pg_exporters.ImageExporter(plot)
    exporter.parameters()["width"] = int(width or PNG_SCALE * plot.sceneBoundingRect().width())
    exporter.parameters()["antialias"] = True
    exporter.export(str(target))


def _plot_svg(plot: pg.PlotItem, target: Path, width: int | None) -> None:
    pg_exporters.SVGExporter(plot).export(str(target))


def _plot_pdf(plot: pg.PlotItem, target: Path, width: int | None) -> None:
    render_pdf(plot.scene(), plot.sceneBoundingRect(), target, plot.titleLabel.text)


def _plot_csv(plot: pg.PlotItem, target: Path, width: int | None) -> None:
    """One x column and one y column per curve, named after the legend, full precision."""
    columns: list[tuple[str, np.ndarray]] = []
    x_name = plot.getAxis("bottom").labelText or "x"
    for number, item in enumerate(plot.listDataItems(), start=1):
        x, y = item.getData()
        if x is None or len(x) == 0:
            continue
        name = item.name() or f"series {number}"
        columns += [(f"{name}: {x_name}", np.asarray(x)), (name, np.asarray(y))]
    rows = max((len(values) for _, values in columns), default=0)
    with open(target, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in columns])
        for r in range(rows):
            writer.writerow([repr(float(v[r])) if r < len(v) else "" for _, v in columns])


# -- any scene or region (network diagram, whole views) ------------------------------------------
def export_scene(scene: QGraphicsScene, path: Path, source: QRectF | None = None) -> None:
    """A QGraphicsScene (e.g. the network diagram) as PNG, SVG or PDF."""
    suffix = Path(path).suffix.lower().lstrip(".")
    writers = {"png": render_png, "svg": render_svg, "pdf": render_pdf}
    if suffix not in writers:
        raise ExportError(f"cannot export a diagram as .{suffix}: choose png, svg or pdf")
    with print_look(scene):  # whatever the screen theme, slides get ink on white
        region = source or scene.itemsBoundingRect().marginsAdded(QMarginsF(20, 20, 20, 20))
        atomic_write(Path(path), lambda target: writers[suffix](scene, region, target))


def render_png(scene: QGraphicsScene, region: QRectF, target: Path, title: str = "") -> None:
    size = QSize(int(region.width() * PNG_SCALE), int(region.height() * PNG_SCALE))
    image = QImage(size, QImage.Format_ARGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), region)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise ExportError(f"cannot write {target}")


def render_svg(scene: QGraphicsScene, region: QRectF, target: Path, title: str = "") -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(region.size().toSize())
    generator.setViewBox(QRectF(0, 0, region.width(), region.height()))
    generator.setTitle(title or "Backprop Studio")
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, region.width(), region.height()), region)
    painter.end()


def render_pdf(scene: QGraphicsScene, region: QRectF, target: Path, title: str = "") -> None:
    """Qt's own PDF writer; a page the size of the picture, vector where Qt can."""
    writer = QPdfWriter(str(target))
    writer.setTitle(title or "Backprop Studio")
    writer.setCreator("Backprop Studio")
    writer.setResolution(96)  # one device pixel per scene pixel: pyqtgraph items draw unscaled
    page = QPageSize(region.size() * 72 / 96, QPageSize.Point)  # screen pixels to points
    writer.setPageLayout(QPageLayout(page, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.Antialiasing)
    target_rect = QRectF(0, 0, writer.width(), writer.height())
    scene.render(painter, target_rect, region)
    painter.end()
