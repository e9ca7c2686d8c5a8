"""What the window remembers between runs: its geometry, docks, tab, theme and transport.

Kept in the window's QSettings; a window without settings remembers nothing. A value that a
hand-edited file made nonsense is ignored rather than obeyed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.theme import THEME_KEY, chosen_theme

if TYPE_CHECKING:
    from gui.window_parts import WindowParts


def restore_layout(window: WindowParts) -> bool:
    """Bring back what save_layout kept, once the window is built; False if nothing was kept
    (a first launch)."""
    settings = window.settings
    if settings is None:
        return False
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    speed = settings.value("transport/speed")
    if speed is not None:
        window.transport.speed_slider.setValue(int(speed))
    window.theme_menu.restore()
    tab = str(settings.value("window/tab", ""))
    if tab.isdigit() and int(tab) < window.tabs.count():  # a hand-edited file is no crash
        window.tabs.setCurrentIndex(int(tab))
    count = settings.value("transport/run_count")
    if count is not None:
        window.transport.run_count.setValue(int(count))
    return state is not None


def save_layout(window: WindowParts) -> None:
    """Keep the layout as the window closes."""
    settings = window.settings
    if settings is None:
        return
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("transport/speed", window.transport.speed_slider.value())
    settings.setValue("transport/run_count", window.transport.run_count.value())
    settings.setValue("window/tab", window.tabs.currentIndex())
    settings.setValue(THEME_KEY, chosen_theme())
    settings.sync()
