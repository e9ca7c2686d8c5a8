"""Light and dark themes: applied live to widgets, diagram and plots; exports stay print-look."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from gui import theme
from gui.export import export_plot, export_scene
from gui.theme import DARK, DARK_DIAGRAM, LIGHT, PRINT_DIAGRAM, apply_theme

pytestmark = pytest.mark.usefixtures("restore_look")


def plot_widgets(window) -> list[pg.PlotWidget]:
    plots = window.findChildren(pg.PlotWidget)
    assert len(plots) >= 5  # loss, gradient norm, parameters, surface, race, basin, labs...
    return plots


def axis_ink(plot: pg.PlotWidget) -> str:
    return plot.getPlotItem().getAxis("left").pen().color().name()


def test_dark_theme_restyles_the_open_window_live(window):
    window.theme_menu.actions["dark"].trigger()
    app = QApplication.instance()
    assert theme.is_dark()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert theme._State.style.lower() == "fusion"
    assert "#232528" in app.styleSheet()  # style-dark.qss
    assert window.network_view.colours is DARK_DIAGRAM
    assert window.network_view.backgroundBrush().color() == DARK_DIAGRAM.paper
    assert window.network_view.label_text("w5").startswith("w5 = 0.4000")  # numbers kept
    for plot in plot_widgets(window):
        assert plot.backgroundBrush().color() == QColor(DARK.plot_background)
        assert axis_ink(plot) == QColor(DARK.plot_ink).name()
    assert "#9aa5b4" in window.explanation_panel.toHtml()  # the heading, lighter grey
    for _ in range(4):
        window.controller.step_phase()
    assert "#2a2e34" in window.explanation_panel.toHtml()  # the formula box, dark


def test_light_theme_brings_every_view_back(window):
    apply_theme("dark")
    window.theme_menu.actions["light"].trigger()
    assert not theme.is_dark()
    assert window.network_view.colours is PRINT_DIAGRAM
    for plot in plot_widgets(window):
        assert plot.backgroundBrush().color() == QColor("#ffffff")
        assert axis_ink(plot) == "#000000"
    assert window.theme_menu.actions["light"].isChecked()


def test_a_plot_made_after_the_switch_starts_dark(window):
    apply_theme("dark")
    plot = pg.PlotWidget()
    assert plot.backgroundBrush().color() == QColor(DARK.plot_background)
    assert axis_ink(plot) == QColor(DARK.plot_ink).name()


def test_a_lab_first_opened_after_the_switch_is_dark(window):
    window.theme_menu.actions["dark"].trigger()
    assert window.labs.built() == []  # no lab is built before its tab is opened
    lab = window.labs.vanishing
    plots = lab.findChildren(pg.PlotWidget)
    assert plots
    for plot in plots:
        assert plot.backgroundBrush().color() == QColor(DARK.plot_background)
        assert axis_ink(plot) == QColor(DARK.plot_ink).name()


def test_follow_system_uses_the_platforms_scheme(window, monkeypatch):
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    window.theme_menu.actions["system"].trigger()
    assert theme.chosen_theme() == "system" and theme.is_dark()
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    window.theme_menu._system_changed()  # the desktop switched back
    assert not theme.is_dark()


def test_the_menu_offers_three_choices_with_tooltips(window):
    actions = window.theme_menu.actions
    assert set(actions) == {"light", "dark", "system"}
    assert all(action.toolTip() for action in actions.values())
    actions["dark"].trigger()
    assert [name for name, a in actions.items() if a.isChecked()] == ["dark"]


def corner_and_darkest(path) -> tuple[QColor, int]:
    image = QImage(str(path))
    assert not image.isNull()
    step = max(1, image.width() // 200)
    darkest = min(
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )
    return image.pixelColor(0, 0), darkest


def test_dark_theme_does_not_leak_into_a_plot_export(window, tmp_path):
    window.controller.run_blocking(3)
    apply_theme("dark")
    plot = window.plots_panel.loss_plot.plot_widget
    export_plot(plot.getPlotItem(), tmp_path / "loss.png", title="Loss")
    corner, darkest = corner_and_darkest(tmp_path / "loss.png")
    assert corner.name() == "#ffffff"
    assert darkest < 60  # the axes and their numbers are dark ink
    export_plot(plot.getPlotItem(), tmp_path / "loss.svg")
    svg = (tmp_path / "loss.svg").read_text(encoding="utf-8").lower()
    assert DARK.plot_background not in svg and QColor(DARK.plot_ink).name() not in svg
    assert plot.backgroundBrush().color() == QColor(DARK.plot_background)  # screen stays dark
    assert axis_ink(plot) == QColor(DARK.plot_ink).name()


def test_dark_theme_does_not_leak_into_a_diagram_export(window, tmp_path):
    apply_theme("dark")
    export_scene(window.network_view.scene(), tmp_path / "network.png")
    corner, darkest = corner_and_darkest(tmp_path / "network.png")
    assert corner.name() == "#ffffff"
    assert darkest < 60
    export_scene(window.network_view.scene(), tmp_path / "network.svg")
    svg = (tmp_path / "network.svg").read_text(encoding="utf-8").lower()
    assert DARK_DIAGRAM.tag_fill.name() not in svg and DARK_DIAGRAM.ink.name() not in svg
    assert window.network_view.colours is DARK_DIAGRAM  # the screen stays dark
    assert window.network_view.label_text("w5").startswith("w5 = 0.4000")


def test_light_export_is_the_same_print_look(window, tmp_path):
    export_scene(window.network_view.scene(), tmp_path / "network.png")
    assert corner_and_darkest(tmp_path / "network.png")[0].name() == "#ffffff"
    assert LIGHT.plot_background == "#ffffff"


def test_a_descent_animation_recorded_in_dark_keeps_the_print_look(window, qtbot, tmp_path):
    from PIL import Image

    window.controller.run_blocking(3)
    apply_theme("dark")
    recorder = window.export_animation(tmp_path / "descent.gif")
    assert recorder is not None
    with qtbot.waitSignal(recorder.finished, timeout=30_000):
        pass
    with Image.open(tmp_path / "descent.gif") as gif:
        corner = gif.convert("RGB").getpixel((0, 0))
    assert min(corner) >= 250  # white, give or take the GIF palette
    view = window.landscape_panel.view
    assert view.backgroundBrush().color() == QColor(DARK.plot_background)  # back on screen
