"""One look for every plot, on screen and exported: dark ink on white, like a textbook figure."""

from __future__ import annotations

import pyqtgraph as pg


def apply_plot_theme() -> None:
    """Must run before any plot widget exists: pyqtgraph reads these at construction."""
    pg.setConfigOptions(background="w", foreground="k", antialias=True)
