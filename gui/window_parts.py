"""What the window's helpers (File menu parts, lessons, Export all) may use of the window.

The helpers are installed by the window, so naming the window's class in them would be an
import circle; they name this protocol instead, which also lists exactly what they reach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QMenuBar, QTabWidget, QWidget

    from gui.controller import Controller
    from gui.pages import Page
    from gui.views.code_panel import CodePanel
    from gui.views.network_view import NetworkView


class WindowParts(Protocol):
    controller: Controller
    pages: dict[str, Page]
    tabs: QTabWidget
    code_panel: CodePanel
    network_view: NetworkView
    last_message: str

    def show_message(self, text: str) -> None: ...

    def prepare_landscape(self) -> None: ...

    def menuBar(self) -> QMenuBar: ...

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...

    def window(self) -> QWidget: ...
