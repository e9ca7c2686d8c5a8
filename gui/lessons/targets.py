"""The names lessons use for the window's tabs and labs, mapped to the widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def tab_pages(window: MainWindow) -> dict[str, QWidget]:
    tabs = window.tabs
    return {
        "training": tabs.widget(0),
        "surface": window.landscape_panel,
        "race": window.race_view,
        "basins": window.basin_view,
        "labs": window.labs,
    }


def lab_pages(window: MainWindow) -> dict[str, QWidget]:
    labs = window.labs
    return {
        "activation": labs.activation,
        "vanishing": labs.vanishing,
        "softmax": labs.softmax,
        "autograd": labs.autograd,
        "gradient_check": labs.gradient_check,
        "classification": labs.playground,
    }


def name_of(widget: QWidget | None, pages: dict[str, QWidget]) -> str:
    return next((name for name, page in pages.items() if page is widget), "")
