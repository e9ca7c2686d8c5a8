"""Shared look of the lab plots: series colours, titled and labelled plots, powers-of-ten ticks."""

from __future__ import annotations

import math

import pyqtgraph as pg

SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
CLASS_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def labelled_plot(title: str, bottom: str, left: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setTitle(title)
    plot.setLabel("bottom", bottom)
    plot.setLabel("left", left)
    plot.showGrid(x=True, y=True, alpha=0.15)
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)
    return plot


def power_of_ten(exponent: int) -> str:
    return "1" if exponent == 0 else f"10{str(exponent).translate(SUPERSCRIPT)}"


def log_ticks(axis: pg.AxisItem, lo: float, hi: float) -> None:
    """Label an axis that carries log₁₀ values with 10ⁿ at whole n, at most ~8 labels."""
    first, last = math.floor(lo), math.ceil(hi)
    stride = max(1, math.ceil((last - first) / 8))
    major = [(k, power_of_ten(k)) for k in range(first, last + 1, stride)]
    axis.setTicks([major, []])
