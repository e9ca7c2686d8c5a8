"""The window: PySide6 and pyqtgraph views that render engine Snapshots."""

from gui.theme import apply_plot_theme

apply_plot_theme()
