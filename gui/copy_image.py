"""Copy image (Ctrl+Shift+C): any figure to the clipboard, for pasting straight into slides.

A figure is any graphics view (plots, the diagram, the 2-D surface, the race, the basin map,
the labs' plots) or a view that draws its own image (the 3-D surface). The one under the
pointer is copied, else the one with the keyboard focus.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QGraphicsView, QMenu, QWidget

from gui.export import ExportError, write_export
from gui.figure_names import STEM_PROPERTY, figure_file_name, slug
from gui.plain_text import show_warning

COPY_SHORTCUT = "Ctrl+Shift+C"
LAST_FOLDER_KEY = "export/last_folder"  # shared with the right-click exports
COPY_ACTION_NAME = "copyImage"  # the objectName of every "Copy image" entry


def tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def is_figure(widget: QWidget | None) -> bool:
    return isinstance(widget, QGraphicsView) or callable(getattr(widget, "figure_image", None))


def figure_of(widget: QWidget | None) -> QWidget | None:
    """The figure `widget` belongs to (a plot's viewport belongs to its plot), or None."""
    while widget is not None and not is_figure(widget):
        widget = widget.parentWidget()
    return widget if widget is not None and widget.isVisible() else None


def figure_in_view() -> QWidget | None:
    """The figure under the pointer, else the one that has the keyboard focus."""
    under = QApplication.widgetAt(QCursor.pos())
    return figure_of(under) or figure_of(QApplication.focusWidget())


def figure_image(widget: QWidget) -> QImage:
    """The figure as shown, at its size on screen (in device pixels)."""
    own = getattr(widget, "figure_image", None)
    return own() if callable(own) else widget.grab().toImage()


def copy_figure(widget: QWidget) -> QImage:
    """Put the figure on the clipboard as an image; returns the image copied."""
    image = figure_image(widget)
    QGuiApplication.clipboard().setImage(image)
    return image


def copy_action(widget: QWidget, parent: QWidget) -> QAction:
    """A "Copy image" entry for a figure's menu."""
    action = QAction(tr("Copy image"), parent)
    action.setObjectName(COPY_ACTION_NAME)
    action.setToolTip(
        tr("Put this figure on the clipboard as an image ({0})").format(COPY_SHORTCUT)
    )
    action.triggered.connect(partial(copy_figure, widget))
    return action


def add_copy_to_plot_menu(plot: pg.PlotWidget) -> None:
    """A lab's plot keeps pyqtgraph's own menu (zoom, axes); Copy image is added to it."""
    menu = plot.getPlotItem().getViewBox().menu
    if menu is not None and not any(a.objectName() == COPY_ACTION_NAME for a in menu.actions()):
        menu.addAction(copy_action(plot, menu))


def install_image_menu(widget: QWidget, title: str, stem: str) -> None:
    """A menu of Copy image and Export as PNG for a figure with no menu of its own (3-D)."""
    widget.setProperty(STEM_PROPERTY, stem)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(partial(_image_menu, widget, title))


def _image_menu(widget: QWidget, title: str, position: QPoint) -> None:
    image_menu(widget, title).exec(widget.mapToGlobal(position))


def image_menu(widget: QWidget, title: str) -> QMenu:
    menu = QMenu(widget)
    menu.addAction(copy_action(widget, menu))
    export = menu.addAction(tr("Export as {0}…").format("PNG"))
    export.triggered.connect(partial(export_image_with_dialog, widget, title))
    return menu


def export_image_with_dialog(widget: QWidget, title: str) -> Path | None:
    """The figure's image as a PNG file, through the safe-write routine."""
    settings = QSettings()
    folder = Path(str(settings.value(LAST_FOLDER_KEY, str(Path.home()))))
    stem = str(widget.property(STEM_PROPERTY) or slug(title))
    name, _ = QFileDialog.getSaveFileName(
        widget, tr("Export {0}").format(title), str(folder / figure_file_name(stem, "png")),
        "PNG (*.png)",
    )  # fmt: skip
    if not name:
        return None
    path = Path(name) if Path(name).suffix else Path(f"{name}.png")
    image = figure_image(widget)
    try:
        write_export(path, lambda target: image.save(str(target), "PNG"))
    except ExportError as error:
        show_warning(widget, tr("Export failed"), str(error))
        return None
    settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    return path
