"""What the window's helpers (menus, File menu parts, animations, layout memory, lessons,
Export all) may use of the window.

The helpers are installed by the window, so naming the window's class in them would be an
import circle; they name this protocol instead, which also lists exactly what they reach.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray, QSettings, Qt
    from PySide6.QtWidgets import QDockWidget, QMenuBar, QTabWidget, QWidget

    from gui.animation_export import FrameRecorder
    from gui.controller import Controller
    from gui.pages import Page
    from gui.theme_menu import ThemeMenu
    from gui.views.landscape_panel import LandscapePanel
    from gui.views.message_banner import MessageBanner
    from gui.views.network_view import NetworkView
    from gui.views.transport_bar import TransportBar


class WindowParts(Protocol):
    controller: Controller
    settings: QSettings | None  # the window's layout memory; None keeps nothing
    pages: dict[str, Page]
    tabs: QTabWidget
    transport: TransportBar
    plots_dock: QDockWidget
    settings_dock: QDockWidget
    landscape_panel: LandscapePanel
    network_view: NetworkView
    banner: MessageBanner
    theme_menu: ThemeMenu
    last_message: str

    def show_message(self, text: str) -> None: ...

    def show_page(self, name: str) -> None: ...

    def current_page(self) -> str: ...

    def prepare_landscape(self) -> None: ...

    def export_animation(self, target: Path) -> FrameRecorder | None: ...

    def export_iteration_animation(self, target: Path) -> FrameRecorder | None: ...

    def menuBar(self) -> QMenuBar: ...

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...

    def window(self) -> QWidget: ...

    def close(self) -> bool: ...

    def saveGeometry(self) -> QByteArray: ...

    def restoreGeometry(self, geometry: QByteArray) -> bool: ...

    def saveState(self, version: int = 0) -> QByteArray: ...

    def restoreState(self, state: QByteArray, version: int = 0) -> bool: ...
