"""The gradient-clipping limits a run may ask for, checked before it starts.

A run clips by norm (`clip_grad_norm_`) or by value (`clip_grad_value_`), never both: the loop a
learner writes calls one of them, and with both the order would decide the result without the
code panel saying so. 0 means off.
"""

from __future__ import annotations

import math

from engine.core.errors import EngineError
from engine.core.i18n import translate


def check_clip_limits(max_norm: float, max_value: float) -> None:
    """Refuse a negative, non-finite or non-numeric limit, and both limits at once."""
    for name, limit in (("clip-norm", max_norm), ("clip-value", max_value)):
        if isinstance(limit, bool) or not isinstance(limit, int | float):
            limit = math.nan
        if not math.isfinite(limit) or limit < 0:
            template = translate(
                "EngineError", "{name} takes a finite number of 0 (off) or more, got {value!r}"
            )
            raise EngineError(template.format(name=name, value=limit))
    if max_norm and max_value:
        raise EngineError(
            translate("EngineError", "clip by norm or by value, not both: set one of them to 0")
        )
