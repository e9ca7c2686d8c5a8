"""Right-click → Export on any plot or diagram: a file dialog, then gui.export."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsView,
    QInputDialog,
    QMenu,
    QWidget,
)

from gui.copy_image import LAST_FOLDER_KEY, copy_action
from gui.export import (
    FIGURE_SIZE,
    PLOT_FORMATS,
    PNG_SCALE,
    SCENE_FORMATS,
    ExportError,
    export_plot,
    export_scene,
)
from gui.figure_names import STEM_PROPERTY, figure_file_name, slug
from gui.plain_text import show_warning


def tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


__all__ = [
    "LAST_FOLDER_KEY", "install_plot_export", "install_scene_export", "export_with_dialog", "slug"
]  # fmt: skip


def default_png_width(widget: pg.PlotWidget) -> int:
    """Twice the figure's layout width: sharp on a projector."""
    return PNG_SCALE * max(widget.width(), FIGURE_SIZE[0])


def install_plot_export(widget: pg.PlotWidget, title: str, stem: str | None = None) -> None:
    """Replace pyqtgraph's own menu with Export as PNG / SVG / PDF / CSV.

    `stem` names the file as Export all names it (gui.figure_names)."""
    widget.setProperty(STEM_PROPERTY, stem or slug(title))
    widget.getPlotItem().setMenuEnabled(False)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(partial(_menu, widget, title, PLOT_FORMATS))


def install_scene_export(view: QGraphicsView, title: str, stem: str | None = None) -> None:
    view.setProperty(STEM_PROPERTY, stem or slug(title))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(partial(_menu, view, title, SCENE_FORMATS))


def _menu(widget: QWidget, title: str, formats: tuple[str, ...], position: QPoint) -> None:
    figure_menu(widget, title, formats).exec(widget.mapToGlobal(position))


def figure_menu(widget: QWidget, title: str, formats: tuple[str, ...]) -> QMenu:
    """Export as each format, then Copy image."""
    menu = QMenu(widget)
    for suffix in formats:
        action = menu.addAction(tr("Export as {0}…").format(suffix.upper()))
        action.triggered.connect(partial(export_with_dialog, widget, title, suffix))
    menu.addSeparator()
    menu.addAction(copy_action(widget, menu))
    return menu


def proposed_file_name(widget: QWidget, title: str, suffix: str) -> str:
    """The name the dialog proposes: the figure's own stem, as Export all writes it."""
    return figure_file_name(str(widget.property(STEM_PROPERTY) or slug(title)), suffix)


def export_with_dialog(widget: QWidget, title: str, suffix: str) -> Path | None:
    settings = QSettings()
    folder = Path(str(settings.value(LAST_FOLDER_KEY, str(Path.home()))))
    name, _ = QFileDialog.getSaveFileName(
        widget,
        tr("Export {0}").format(title),
        str(folder / proposed_file_name(widget, title, suffix)),
        f"{suffix.upper()} (*.{suffix})",
    )
    if not name:
        return None
    path = Path(name) if Path(name).suffix else Path(f"{name}.{suffix}")
    width = None
    if suffix == "png" and isinstance(widget, pg.PlotWidget):
        width, ok = QInputDialog.getInt(
            widget, tr("PNG size"), tr("Width in pixels:"), default_png_width(widget), 200, 8000
        )
        if not ok:
            return None
    try:
        if isinstance(widget, pg.PlotWidget):
            export_plot(widget.getPlotItem(), path, width=width, title=title)
        else:
            export_scene(widget.scene(), path)
    except ExportError as error:
        show_warning(widget, tr("Export failed"), str(error))
        return None
    settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    return path
