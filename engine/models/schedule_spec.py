"""A learning-rate schedule as a learner names it: `StepLR:step_size=2,gamma=0.5`.

The name is a torch.optim.lr_scheduler class (any case), or WarmupCosine: a LinearLR warm-up
chained to a CosineAnnealingLR through SequentialLR. The keywords are the real class's own, read
from its signature, so a spelling that parses here is one that `StepLR(optimizer, ...)` accepts;
each value takes the type of the keyword's default. The run fills in what the learner leaves out
(engine.training.schedules), so this layer only checks what can be checked without a run.
"""

from __future__ import annotations

import inspect
import math
import re
from dataclasses import dataclass

from torch.optim import lr_scheduler

from engine.core.errors import EngineError
from engine.core.i18n import translate

SCHEDULER_STEPS = ("batch", "epoch")  # scheduler.step() after every batch, or every epoch
TORCH_SCHEDULERS = ("StepLR", "ExponentialLR", "CosineAnnealingLR", "OneCycleLR", "LinearLR")
WARMUP_COSINE = "WarmupCosine"
SCHEDULER_NAMES = (*TORCH_SCHEDULERS, WARMUP_COSINE)
# Set by the run, never by the learner: the optimizer, the position, a removed print switch.
RUN_OWNED = ("optimizer", "last_epoch", "verbose")

Value = float | int | bool | str
Kind = type | tuple[str, ...]  # bool, int, float, or the choices of a text keyword
# WarmupCosine's keywords: the warm-up's length and first factor, the cosine's length and floor.
WARMUP_COSINE_KEYWORDS: dict[str, Kind] = {
    "warmup": int,
    "start_factor": float,
    "T_max": int,
    "eta_min": float,
}


@dataclass(frozen=True)
class SchedulerSpec:
    """A schedule by name with the keywords the learner gave, converted, in their order."""

    name: str  # canonical: one of SCHEDULER_NAMES
    options: tuple[tuple[str, Value], ...] = ()

    def text(self) -> str:
        """The spelling `parse_scheduler` reads back to this spec."""
        if not self.options:
            return self.name
        return f"{self.name}:{','.join(f'{k}={_spelt(v)}' for k, v in self.options)}"

    def option(self, keyword: str) -> Value | None:
        """The value the learner gave for `keyword`, or None."""
        return dict(self.options).get(keyword)


def parse_scheduler(text: str) -> SchedulerSpec | None:
    """'' -> None; 'NAME[:k=v,...]' -> the spec; anything else -> EngineError naming the choices."""
    text = text.strip()
    if not text:
        return None
    head, _, rest = text.partition(":")
    name = _canonical(head.strip())
    kinds = keyword_kinds(name)
    options: list[tuple[str, Value]] = []
    for item in (part.strip() for part in rest.split(",")) if rest.strip() else ():
        keyword, equals, value = (piece.strip() for piece in item.partition("="))
        if not equals or not keyword or not value:
            template = translate(
                "EngineError", "write the scheduler as NAME:key=value,..., got {text!r}"
            )
            raise EngineError(template.format(text=text))
        if keyword not in kinds:
            template = translate(
                "EngineError", "{scheduler} has no keyword {keyword!r}: choose from {choices}"
            )
            raise EngineError(
                template.format(scheduler=name, keyword=keyword, choices=", ".join(kinds))
            )
        if any(keyword == given for given, _ in options):
            template = translate("EngineError", "{scheduler}: {keyword} is given twice")
            raise EngineError(template.format(scheduler=name, keyword=keyword))
        options.append((keyword, _converted(name, keyword, value, kinds[keyword])))
    return SchedulerSpec(name, tuple(options))


def keyword_kinds(name: str) -> dict[str, Kind]:
    """The keywords a learner may give `name`, each with the kind of value it takes."""
    if name == WARMUP_COSINE:
        return dict(WARMUP_COSINE_KEYWORDS)
    kinds: dict[str, Kind] = {}
    for keyword, parameter in inspect.signature(getattr(lr_scheduler, name)).parameters.items():
        kind = _kind(parameter)
        if keyword not in RUN_OWNED and kind is not None:
            kinds[keyword] = kind
    return kinds


def check_fits_optimizer(spec: SchedulerSpec | None, optimizer: str, momentum: float) -> None:
    """OneCycleLR cycles the optimizer's momentum (SGD, RMSprop) or β1 (Adam, AdamW) unless
    cycle_momentum=false. Adagrad has neither (torch refuses it); SGD and RMSprop with a
    momentum of 0 would quietly be switched to momentum 0.85-0.95, a different optimizer from
    the one the learner chose, so both are refused with the way out."""
    if spec is None or spec.name != "OneCycleLR" or spec.option("cycle_momentum") is False:
        return
    if optimizer == "adagrad":
        template = translate(
            "EngineError",
            "OneCycleLR cycles the momentum, which {optimizer} does not have: "
            "add cycle_momentum=false",
        )
        raise EngineError(template.format(optimizer=optimizer))
    if optimizer in ("sgd", "rmsprop") and not momentum:
        template = translate(
            "EngineError",
            "OneCycleLR cycles the momentum: give {optimizer} a momentum above 0, "
            "or add cycle_momentum=false",
        )
        raise EngineError(template.format(optimizer=optimizer))


def _canonical(name: str) -> str:
    for known in SCHEDULER_NAMES:
        if name.lower() == known.lower():
            return known
    template = translate("EngineError", "unknown scheduler {name!r}: choose one of {choices}")
    raise EngineError(template.format(name=name, choices=", ".join(SCHEDULER_NAMES)))


def _kind(parameter: inspect.Parameter) -> Kind | None:
    """The type of the keyword's default, or for a keyword without one (step_size: 'int',
    max_lr: 'float | list[float]') the first plain type its annotation names."""
    default = parameter.default
    if isinstance(default, bool | int | float):
        return type(default)
    annotation = str(parameter.annotation)
    choices = re.findall(r"'([^']*)'", annotation) if annotation.startswith("Literal") else []
    if choices:
        return tuple(choices)
    for plain in (bool, int, float):
        if re.search(rf"\b{plain.__name__}\b", annotation):
            return plain
    return None  # a keyword no text can spell (a list of schedulers): not offered


def _converted(scheduler: str, keyword: str, text: str, kind: Kind) -> Value:
    fields = {"scheduler": scheduler, "keyword": keyword, "value": text}
    if isinstance(kind, tuple):
        if text not in kind:
            template = translate(
                "EngineError", "{scheduler}: {keyword} is one of {choices}, got {value!r}"
            )
            raise EngineError(template.format(choices=", ".join(kind), **fields))
        return text
    if kind is bool:
        if text.lower() not in ("true", "false"):
            template = translate(
                "EngineError", "{scheduler}: {keyword} is true or false, got {value!r}"
            )
            raise EngineError(template.format(**fields))
        return text.lower() == "true"
    if kind is int:
        return _count(text, fields)
    return _amount(text, fields)


def _count(text: str, fields: dict[str, str]) -> int:
    """Every whole-number keyword here counts steps or epochs: 0 would divide by zero."""
    try:
        value = int(text)
    except ValueError:
        template = translate(
            "EngineError", "{scheduler}: {keyword} takes a whole number, got {value!r}"
        )
        raise EngineError(template.format(**fields)) from None
    if value < 1:
        template = translate(
            "EngineError", "{scheduler}: {keyword} must be at least 1, got {value}"
        )
        raise EngineError(template.format(**fields))
    return value


def _amount(text: str, fields: dict[str, str]) -> float:
    """Factors, rates and floors: none of them means anything negative or infinite."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        template = translate(
            "EngineError",
            "{scheduler}: {keyword} takes a finite number of 0 or more, got {value!r}",
        )
        raise EngineError(template.format(**fields))
    return value


def _spelt(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)
