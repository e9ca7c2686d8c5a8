"""What may go into a generated script: checked numbers, and names from the known sets only.

Generated code embeds data, never splices it. Every number is written as a Python literal
that is checked to be nothing but a number; every name (preset, function, optimizer, loss,
activation, dtype, device, parameter and neuron label) is checked against the names the app
itself defines before any text is produced, so nothing read from a file or typed by a user
can end up inside the script's code, strings, docstrings or comments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from engine.core.errors import EngineError
from engine.models.activations import get_activation
from engine.models.config import DEVICE_NAMES, DTYPE_NAMES, Config
from engine.models.presets import PRESETS

# The presets the app offers, and "custom" for settings made by hand.
KNOWN_PRESETS = frozenset(PRESETS) | {"custom"}
FLOAT_LITERAL = re.compile(r"-?[0-9]+(\.[0-9]+)?(e[+-][0-9]+)?")
# The labels the models generate: w12, b_o1, h2_3, x, y (letters, digits and underscores).
LABEL = re.compile(r"[a-z][a-z0-9_]{0,15}")


class ScriptError(EngineError):
    """A run that cannot be written as a script; one line that says why."""


def number(value: float) -> str:
    """A finite float as a literal that reads back as the same float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScriptError(f"cannot export a PyTorch script: {_shown(value)} is not a number")
    value = float(value)
    if not math.isfinite(value):
        raise ScriptError(f"cannot export a PyTorch script: {value} is not a finite number")
    text = repr(value)
    if not FLOAT_LITERAL.fullmatch(text):  # repr of a finite float always matches
        raise ScriptError(f"cannot export a PyTorch script: {text!r} is not a plain number")
    return text


def whole(value: int) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScriptError(f"cannot export a PyTorch script: {_shown(value)} is not whole")
    return str(value)


def label(text: str) -> str:
    """A parameter or neuron label, as the models name them."""
    if not isinstance(text, str) or not LABEL.fullmatch(text):
        raise ScriptError(f"cannot export a PyTorch script: unknown label {_shown(text)}")
    return text


def labels(texts: Iterable[str]) -> str:
    return ", ".join(label(text) for text in texts)


def check_names(config: Config, optimizer_names: Iterable[str]) -> None:
    """Refuse any name of the settings every script has that the script's tables do not hold,
    before a line is written (each family checks its own: engine.io.script_family)."""
    check_name("preset", config.preset, KNOWN_PRESETS)
    check_name("optimizer", config.optimizer, optimizer_names)
    check_name("dtype", config.dtype, DTYPE_NAMES)
    check_name("device", config.device, DEVICE_NAMES)


def canonical_activation(spec: str) -> str:
    """The app's own name for an activation spec ("SIGMOID " is "sigmoid")."""
    try:
        return get_activation(spec).name
    except EngineError:
        raise ScriptError(
            f"cannot export a PyTorch script: unknown activation {_shown(spec)}"
        ) from None


def check_name(what: str, name: object, known: Iterable[str]) -> None:
    """Refuse `name` unless it is one of the `known` names."""
    if not isinstance(name, str) or name not in set(known):
        raise ScriptError(f"cannot export a PyTorch script: unknown {what} name {_shown(name)}")


def _shown(value: object) -> str:
    """repr on one line (escapes line breaks), cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
