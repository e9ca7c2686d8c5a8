"""Light and dark looks for the window, the network diagram and every pyqtgraph plot.

The light look is also the print look: exports are always dark ink on white, like a textbook
figure, whatever the screen shows (see `print_look`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsScene, QStyleFactory, QWidget

from engine.io.assets import ASSETS

THEMES = ("light", "dark", "system")
THEME_KEY = "view/theme"
DEFAULT_THEME = "system"


@dataclass(frozen=True)
class DiagramColours:
    """The network diagram's paper, ink and highlight colours."""

    paper: QColor
    ink: QColor
    muted: QColor
    frozen: QColor
    positive: QColor
    negative: QColor
    backward: QColor  # gradients and deltas share one colour: both flow backward
    focus: QColor
    related: QColor  # the elements the focused one is computed from
    neuron_fill: QColor
    output_fill: QColor
    tag_fill: QColor
    tag_border: QColor


PRINT_DIAGRAM = DiagramColours(
    paper=QColor("#ffffff"),
    ink=QColor("#222222"),
    muted=QColor("#8a8a8a"),
    frozen=QColor("#8f8f8f"),
    positive=QColor("#2f6db5"),
    negative=QColor("#d9572b"),
    backward=QColor("#a4267a"),
    focus=QColor("#f2a541"),
    related=QColor(242, 165, 65, 90),
    neuron_fill=QColor("#eef3fa"),
    output_fill=QColor("#fbf3e6"),
    tag_fill=QColor("#ffffff"),
    tag_border=QColor("#c8c8c8"),
)

DARK_DIAGRAM = DiagramColours(
    paper=QColor("#1e2023"),
    ink=QColor("#e6e8eb"),
    muted=QColor("#9aa0a6"),
    frozen=QColor("#8d939a"),
    positive=QColor("#6fa8ee"),
    negative=QColor("#f08a5d"),
    backward=QColor("#e58bd0"),
    focus=QColor("#f2a541"),
    related=QColor(242, 165, 65, 110),
    neuron_fill=QColor("#2b3646"),
    output_fill=QColor("#463b2a"),
    tag_fill=QColor("#26292d"),
    tag_border=QColor("#4d5359"),
)


@dataclass(frozen=True)
class Look:
    """One resolved theme: "light" or "dark"."""

    name: str
    plot_background: str
    plot_ink: str
    stylesheet: str  # a file in assets/


LIGHT = Look("light", "#ffffff", "#000000", "style.qss")
DARK = Look("dark", "#1e2023", "#d8dce1", "style-dark.qss")
LOOKS = {look.name: look for look in (LIGHT, DARK)}


class _State:
    chosen = DEFAULT_THEME  # what the learner picked, "system" included
    look = LIGHT  # what is on screen
    native_style = ""  # the platform's own style, brought back by the light look
    style = ""  # the style set last (a style sheet hides the name behind its own style)


def apply_plot_theme(look: Look | None = None) -> None:
    """Must run before any plot widget exists: pyqtgraph reads these at construction."""
    look = look or _State.look
    pg.setConfigOptions(background=look.plot_background, foreground=look.plot_ink, antialias=True)


def system_prefers_dark() -> bool:
    """True when the platform says its colour scheme is dark (Unknown counts as light)."""
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(name: str) -> Look:
    if name == "system":
        return DARK if system_prefers_dark() else LIGHT
    return LOOKS.get(name, LIGHT)


def chosen_theme() -> str:
    return _State.chosen


def current_look() -> Look:
    return _State.look


def is_dark() -> bool:
    return _State.look is DARK


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e3e6ea",
        QPalette.ColorRole.Base: "#1e2023",
        QPalette.ColorRole.AlternateBase: "#282a2e",
        QPalette.ColorRole.ToolTipBase: "#3a3d42",
        QPalette.ColorRole.ToolTipText: "#eef0f2",
        QPalette.ColorRole.PlaceholderText: "#8f959c",
        QPalette.ColorRole.Text: "#e3e6ea",
        QPalette.ColorRole.Button: "#35383d",
        QPalette.ColorRole.ButtonText: "#e3e6ea",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4e54",
        QPalette.ColorRole.Midlight: "#3e4147",
        QPalette.ColorRole.Mid: "#2f3236",
        QPalette.ColorRole.Dark: "#1a1b1e",
        QPalette.ColorRole.Shadow: "#0d0d0f",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb0ff",
        QPalette.ColorRole.LinkVisited: "#c39bff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c8187"))
    return palette


def apply_theme(name: str) -> Look:
    """Switch the whole application to `name` ("light", "dark" or "system"), live."""
    app = QApplication.instance()
    _State.chosen = name if name in THEMES else DEFAULT_THEME
    look = resolve(_State.chosen)
    if not isinstance(app, QApplication):
        _State.look = look
        apply_plot_theme()
        return look
    if not _State.native_style:
        _State.native_style = app.style().name() or "Fusion"
        _State.style = _State.native_style
    _State.look = look
    style = "Fusion" if look is DARK else _State.native_style
    if style.lower() != _State.style.lower() and style.lower() in _style_keys():
        app.setStyle(style)
        _State.style = style
    app.setPalette(dark_palette() if look is DARK else app.style().standardPalette())
    sheet = ASSETS / look.stylesheet
    app.setStyleSheet(sheet.read_text(encoding="utf-8") if sheet.is_file() else "")
    apply_plot_theme()
    for top in app.topLevelWidgets():
        restyle(top, look)
    return look


def _style_keys() -> set[str]:
    available: list[str] = QStyleFactory.keys()  # a list of names, not a dict
    return {name.lower() for name in available}


def restyle(root: QWidget, look: Look) -> None:
    """Every pyqtgraph view, and every widget with a `set_dark` hook, under `root` (itself
    included) in `look`'s colours."""
    for widget in (root, *root.findChildren(QWidget)):
        if isinstance(widget, pg.GraphicsView):
            style_graphics_view(widget, look)
        elif callable(getattr(widget, "set_dark", None)):
            widget.set_dark(look is DARK)


def _is_theme_ink(colour: object) -> bool:
    """A text colour that came from a theme (or none at all), not one a view chose."""
    if colour is None:
        return True
    name = pg.mkColor(colour).name()
    return name in {pg.mkColor(look.plot_ink).name() for look in LOOKS.values()}


def style_graphics_view(view: pg.GraphicsView, look: Look) -> None:
    """Background, axes, grid, titles and legend text; the data's own colours are kept."""
    view.setBackground(look.plot_background)
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            item.setPen(look.plot_ink)
            item.setTextPen(look.plot_ink)
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(look.plot_ink)
            _legend_paper(item, look)
        elif isinstance(item, pg.LabelItem) and _is_theme_ink(item.opts.get("color")):
            item.setText(item.text, color=look.plot_ink)
    view.update()


def _legend_paper(legend: pg.LegendItem, look: Look) -> None:
    """In the dark look a legend gets a translucent dark box, so that its light text stays
    readable over a light image; the light look gives back the box the view chose."""
    if not hasattr(legend, "print_brush"):
        legend.print_brush = QBrush(legend.brush())  # what the view set, before any theme
    if look is DARK:
        paper = QColor(look.plot_background)
        paper.setAlpha(190)
        legend.setBrush(paper)
    else:
        legend.setBrush(legend.print_brush)


@contextmanager
def print_look(scene: QGraphicsScene | None) -> Iterator[None]:
    """Draw the views of `scene` in the light (print) look for an export, then restore them."""
    if scene is None or _State.look is LIGHT:
        yield
        return
    views = list(scene.views())
    apply_plot_theme(LIGHT)  # titles set for the export take the print ink
    for view in views:
        _show_look(view, LIGHT)
    try:
        yield
    finally:
        apply_plot_theme()
        for view in views:
            _show_look(view, _State.look)


def print_look_while_recording(view: pg.GraphicsView, recorder: QObject) -> None:
    """An animation grabbed from `view` keeps the print look from its first frame to its
    last; `recorder` emits finished(object) or failed(str) when it is done."""
    if _State.look is LIGHT:
        return
    style_graphics_view(view, LIGHT)

    def back(*_: object) -> None:
        style_graphics_view(view, _State.look)

    recorder.finished.connect(back)
    recorder.failed.connect(back)


def _show_look(view: QWidget, look: Look) -> None:
    if isinstance(view, pg.GraphicsView):
        style_graphics_view(view, look)
    elif callable(getattr(view, "set_dark", None)):
        view.set_dark(look is DARK)
