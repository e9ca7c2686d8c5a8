"""Copy image: any figure, from the pointer or the focus, or from its own menu, to the clipboard."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QGuiApplication

from gui.copy_image import COPY_ACTION_NAME, copy_figure, figure_in_view
from gui.export import PLOT_FORMATS, SCENE_FORMATS
from gui.export_menu import figure_menu


def _clipboard_size():
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    return image.width(), image.height()


def _device_size(widget):
    ratio = widget.devicePixelRatioF()
    return round(widget.width() * ratio), round(widget.height() * ratio)


def _figures(window):
    plots = window.plots_panel
    return {
        "diagram": window.network_view,
        "loss plot": plots.loss_plot.plot_widget,
        "gradient norm plot": plots.grad_norm_plot.plot_widget,
        "parameter plot": plots.param_plot.plot_widget,
        "surface 2-D": window.landscape_panel.view,
        "race paths": window.race_view.surface,
        "race losses": window.race_view.loss_plot,
        "basin map": window.basin_view.plot,
    }


def test_every_figure_is_copied_at_its_size(window, qtbot):
    window.controller.run_blocking(5)
    for name, widget in _figures(window).items():
        QGuiApplication.clipboard().clear()
        widget.resize(640, 420)  # also those on hidden tabs: a size of their own
        image = copy_figure(widget)
        assert _clipboard_size() == _device_size(widget) == (image.width(), image.height()), name


def test_the_shortcut_copies_the_figure_under_the_pointer(window, qtbot):
    window.controller.run_blocking(5)
    diagram, plot = window.network_view, window.plots_panel.loss_plot.plot_widget
    plot.setFocus()  # the pointer wins over the focus
    qtbot.waitUntil(plot.hasFocus)
    centre = diagram.mapToGlobal(diagram.rect().center())
    assert diagram.screen().geometry().contains(centre)  # the offscreen screen is 800 × 600
    QCursor.setPos(centre)
    assert figure_in_view() is diagram
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert _clipboard_size() == _device_size(diagram) != _device_size(plot)
    assert "Copied the figure" in window.last_message


def test_without_a_pointer_on_a_figure_the_focused_one_is_copied(window, qtbot):
    QCursor.setPos(QPoint(-500, -500))  # nowhere near the window
    plot = window.plots_panel.param_plot.plot_widget
    plot.setFocus()
    qtbot.waitUntil(plot.hasFocus)
    assert figure_in_view() is plot
    QGuiApplication.clipboard().clear()
    window.menus.copy_image()
    assert _clipboard_size() == _device_size(plot)


def test_nothing_to_copy_says_how(window, qtbot):
    QCursor.setPos(QPoint(-500, -500))
    window.transport.setFocus()
    window.menus.copy_image()
    assert "Point at a figure" in window.last_message


def test_the_right_click_menu_of_each_figure_copies_it(window, qtbot):
    for name, widget in _figures(window).items():
        formats = PLOT_FORMATS if isinstance(widget, pg.PlotWidget) else SCENE_FORMATS
        menu = figure_menu(widget, name, formats)  # what a right-click on it opens
        (copy,) = [a for a in menu.actions() if a.objectName() == COPY_ACTION_NAME]
        QGuiApplication.clipboard().clear()
        copy.trigger()
        assert _clipboard_size() == _device_size(widget), name


def test_the_labs_plots_offer_copy_image_in_their_own_menu(window, qtbot):
    labs = window.labs
    for index in range(labs.count()):
        labs.setCurrentIndex(index)  # each lab is built when its tab is first opened
    plots = labs.findChildren(pg.PlotWidget)
    assert len(plots) >= 3
    for plot in plots:
        menu = plot.getPlotItem().getViewBox().menu
        (copy,) = [a for a in menu.actions() if a.objectName() == COPY_ACTION_NAME]
        QGuiApplication.clipboard().clear()
        size = _device_size(plot)  # as laid out in its lab
        copy.trigger()
        assert _clipboard_size() == size


def test_edit_menu_holds_copy_image_with_its_shortcut(window):
    from PySide6.QtGui import QKeySequence

    from gui.copy_image import COPY_SHORTCUT

    shortcuts = [a.shortcut() for a in window.menus.edit_menu.actions()]
    assert QKeySequence(COPY_SHORTCUT) in shortcuts
