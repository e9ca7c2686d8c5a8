"""The samples a run learns from and is evaluated on: a named dataset or a file, or the rows
written in the config, split into a training and a validation set."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.data.datasets import Dataset, load_dataset, split
from engine.models.losses import CLASS_LOSSES

# A Config, or anything with its fields: Config validates itself with these checks, so they
# cannot import it.
Config = Any


@dataclass(frozen=True)
class RunSamples:
    """The training and validation sets of a run (the validation set may be empty)."""

    train: Dataset
    val: Dataset

    @property
    def classification(self) -> bool:
        return self.train.labels is not None


def run_samples(config: Config) -> RunSamples:
    """The run's two sets, checked against its layers."""
    whole = _whole_set(config)
    inputs, outputs = whole.x.shape[1], whole.y.shape[1]
    if (inputs, outputs) != (config.layers[0], config.layers[-1]):
        text = translate(
            "EngineError",
            "the data has {inputs} input(s) and {outputs} target(s) per sample: the network "
            "needs {first} inputs and {last} outputs",
        )
        raise EngineError(
            text.format(
                inputs=inputs, outputs=outputs, first=config.layers[0], last=config.layers[-1]
            )
        )
    train, val = split(whole, config.val_share, config.seed)
    return RunSamples(train, val)


def whole_set_shape(spec: str, seed: int) -> tuple[int, int]:
    """(inputs, targets) per sample of a dataset named by `spec`."""
    whole = _loaded(spec, seed, *_file_stamp(spec))
    return whole.x.shape[1], whole.y.shape[1]


def sample_counts(config: Config) -> tuple[int, int]:
    """(training samples, validation samples)."""
    samples = run_samples(config)
    return len(samples.train), len(samples.val)


def _whole_set(config: Config) -> Dataset:
    if config.dataset:
        return _loaded(config.dataset, config.seed, *_file_stamp(config.dataset))
    x = np.array(config.inputs, dtype=np.float64)
    y = np.array(config.targets, dtype=np.float64)
    labels = y.argmax(axis=1) if config.loss in CLASS_LOSSES else None
    classes = tuple(str(k) for k in range(y.shape[1])) if labels is not None else ()
    return Dataset(config.preset or "data", x, y, labels, classes)


def _file_stamp(spec: str) -> tuple[int, int]:
    """A file's size and time, so an edited file is read again (0, 0 for a built-in name)."""
    try:
        stat = os.stat(spec)
    except (OSError, ValueError):
        return 0, 0
    return stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=8)
def _loaded(spec: str, seed: int, size: int, mtime: int) -> Dataset:
    return load_dataset(spec, seed)
