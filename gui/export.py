"""Export any plot or diagram as PNG, SVG, PDF or CSV, with Qt's and pyqtgraph's own machinery.

Every file goes through the safe-write routine (engine/io/safe_write.py): Qt's writers report
failure with a False result, which is checked, and each file is read back by its format's
reader before it replaces anything, so a failed export never leaves a half-written file.
"""

from __future__ import annotations

import csv
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

from engine.io.safe_write import WriteError, safe_write
from engine.io.verify import verifier_for
from gui.theme import print_look

PLOT_FORMATS = ("png", "svg", "pdf", "csv")
SCENE_FORMATS = ("png", "svg", "pdf")
PNG_SCALE = 2  # default PNG size: twice the size on screen, sharp on slides
FIGURE_SIZE = (800, 500)  # the smallest layout a plot is exported at, in screen pixels


class ExportError(OSError):
    """An export that could not be written; the message is one line naming the target."""


def write_export(path: Path, write: Callable[[Path], object]) -> None:
    """Write `path` through the safe-write routine, checked by its format's reader.

    `write(staged)` returns False (as Qt's writers do) or raises when it fails; the previous
    file is then kept, and the message names `path`, never the staging file.
    """
    try:
        safe_write(path, write, verifier_for(Path(path)))
    except WriteError as error:
        raise ExportError(str(error)) from error


atomic_write = write_export  # the name gui/session_menu.py imports


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
        write_export(Path(path), lambda target: _plot_csv(plot, target, width))
        return
    with print_look(plot.scene()), _as_figure(plot, title):  # slides get ink on white
        write_export(Path(path), lambda target: writers[suffix](plot, target, width))


@contextmanager
def _as_figure(plot: pg.PlotItem, title: str | None) -> Iterator[None]:
    """Lay the plot out at slide size with its title for the export; restore it afterwards.

    A plot in a narrow dock would otherwise export cramped, with its title clipped.
    """
    # Layout work still pending (a run's end hides its progress bar) would otherwise land
    # after the resize below and put the view back at its on-screen size before the export.
    QApplication.processEvents()
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


def _plot_png(plot: pg.PlotItem, target: Path, width: int | None) -> bool:
    exporter = pg_exporters.ImageExporter(plot)
    exporter.parameters()["width"] = int(width or PNG_SCALE * plot.sceneBoundingRect().width())
    exporter.parameters()["antialias"] = True
    image = exporter.export(toBytes=True)  # the QImage: its save() says whether it worked
    return image.save(str(target), "PNG")


def _plot_svg(plot: pg.PlotItem, target: Path, width: int | None) -> None:
    pg_exporters.SVGExporter(plot).export(str(target))  # Python's open(): raises on failure


def _plot_pdf(plot: pg.PlotItem, target: Path, width: int | None) -> bool:
    return render_pdf(plot.scene(), plot.sceneBoundingRect(), target, plot.titleLabel.text)


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
    with open(target, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in columns] or [x_name])  # a header even when empty
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
        write_export(Path(path), lambda target: writers[suffix](scene, region, target))


# Each renderer returns Qt's verdict (False: the file could not be opened or written).
def render_png(scene: QGraphicsScene, region: QRectF, target: Path, title: str = "") -> bool:
    size = QSize(int(region.width() * PNG_SCALE), int(region.height() * PNG_SCALE))
    image = QImage(size, QImage.Format_ARGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), region)
    painter.end()
    return image.save(str(target), "PNG")


def render_svg(scene: QGraphicsScene, region: QRectF, target: Path, title: str = "") -> bool:
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(region.size().toSize())
    generator.setViewBox(QRectF(0, 0, region.width(), region.height()))
    generator.setTitle(title or "Backprop Studio")
    painter = QPainter(generator)
    if not painter.isActive():  # the generator could not open its file
        return False
    scene.render(painter, QRectF(0, 0, region.width(), region.height()), region)
    return painter.end()


def render_pdf(scene: QGraphicsScene, region: QRectF, target: Path, title: str = "") -> bool:
    """Qt's own PDF writer; a page the size of the picture, vector where Qt can."""
    writer = QPdfWriter(str(target))
    writer.setTitle(title or "Backprop Studio")
    writer.setCreator("Backprop Studio")
    writer.setResolution(96)  # one device pixel per scene pixel: pyqtgraph items draw unscaled
    page = QPageSize(region.size() * 72 / 96, QPageSize.Point)  # screen pixels to points
    writer.setPageLayout(QPageLayout(page, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    if not painter.isActive():  # the writer could not open its file
        return False
    painter.setRenderHint(QPainter.Antialiasing)
    target_rect = QRectF(0, 0, writer.width(), writer.height())
    scene.render(painter, target_rect, region)
    return painter.end()
