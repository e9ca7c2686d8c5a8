"""The diagram's words and numbers: values as tags show them, tooltips, headings, typed input."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from engine.core.snapshot import NeuronValue
from engine.models.chain_rule import fmt


def tr(text: str) -> str:
    """Every diagram text is translated in the view's context, wherever its module."""
    return QCoreApplication.translate("NetworkView", text)


def short(value: float) -> str:
    """Four decimals for ordinary magnitudes, four significant digits for tiny or huge ones."""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    if 0.01 <= abs(value) < 1000:
        return f"{value:.4f}"
    return f"{value:.4g}"


def parse_number(text: str) -> float | None:
    """A finite float from what the learner typed (a decimal comma is accepted), else None."""
    cleaned = text.strip()
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def neuron_detail(name: str, value: NeuronValue | None, delta: float | None) -> str:
    """The tooltip until the engine's own description arrives: full precision, Mazur's names."""
    lines = [name]
    if value is not None:
        lines += [f"net_{name} = {fmt(value.net)}", f"out_{name} = {fmt(value.out)}"]
    if delta is not None:
        lines.append(f"δ_{name} = ∂E/∂net_{name} = {fmt(delta)}")
    return "\n".join(lines)


def param_detail(label: str, value: float, grad: float | None, frozen: bool) -> str:
    """A parameter's tooltip until the engine's description arrives: value and gradient."""
    lines = [f"{label} = {fmt(value)}"]
    if grad is not None:
        lines.append(f"∂E/∂{label} = {fmt(grad)}")
    elif not frozen:
        lines.append(tr("∂E/∂{0}: cleared").format(label))
    if frozen:
        lines.append(tr("not trained (frozen)"))
    return "\n".join(lines)


def layer_title(layer: int, layers: int) -> str:
    """The heading over one layer of a network with this many layers."""
    if layer == 0:
        return tr("input layer")
    if layer == layers - 1:
        return tr("output layer")
    if layers - 2 == 1:
        return tr("hidden layer")
    return tr("hidden layer {0}").format(layer)


def layer_heading(layer: int, layers: int, activation: str = "") -> str:
    """A layer's heading with the function it applies, e.g. "hidden layer 1 · sigmoid"."""
    title = layer_title(layer, layers)
    return f"{title} · {activation}" if activation else title
