"""The names lessons use for the window's tabs and labs, read from the window's pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gui.window_parts import WindowParts


def tab_pages(window: WindowParts) -> dict[str, QWidget]:
    return {name: page.widget for name, page in window.pages.items()}


def name_of(widget: QWidget | None, pages: dict[str, QWidget]) -> str:
    return next((name for name, page in pages.items() if page is widget), "")
