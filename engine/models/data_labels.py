"""Labels for the values of the data, so an input or a target is edited like a weight.

The first sample's values are named after their neurons, as the diagram shows them: `i1` is
the first input, `target_o1` the target of output o1. Later samples add their 1-based number:
`i1@2`, `target_o1@2`. A label names a value; the edit log and sessions store it as text.
"""

from __future__ import annotations

from dataclasses import dataclass

INPUTS, TARGETS = "inputs", "targets"
TARGET_PREFIX = "target_"
SAMPLE_MARK = "@"


@dataclass(frozen=True)
class DataCell:
    """One value of the data: inputs or targets, the sample's row and the neuron's column."""

    kind: str  # INPUTS or TARGETS
    sample: int  # 0-based
    column: int  # 0-based, the neuron's place in its layer


def data_label(kind: str, sample: int, neuron: str) -> str:
    """`i1`, `target_o1`, or with the sample's number after the first: `i1@2`."""
    name = neuron if kind == INPUTS else TARGET_PREFIX + neuron
    return name if sample == 0 else f"{name}{SAMPLE_MARK}{sample + 1}"


def data_cell(label: str, neurons: list[list[str]], samples: int) -> DataCell | None:
    """The cell `label` names in a network with these neurons and samples, or None."""
    if not neurons or len(neurons) < 2 or not isinstance(label, str):
        return None
    name, sample = _split_sample(label)
    if sample is None or not 0 <= sample < samples:
        return None
    if name.startswith(TARGET_PREFIX):
        kind, layer, name = TARGETS, neurons[-1], name[len(TARGET_PREFIX) :]
    else:
        kind, layer = INPUTS, neurons[0]
    if name not in layer:
        return None
    return DataCell(kind, sample, layer.index(name))


def _split_sample(label: str) -> tuple[str, int | None]:
    name, mark, number = label.partition(SAMPLE_MARK)
    if not mark:
        return name, 0
    if not number.isdigit() or number.startswith("0") or int(number) < 2:
        return name, None  # `@1` is written without the mark: one label per value
    return name, int(number) - 1


def data_labels(neurons: list[list[str]], samples: int) -> list[str]:
    """Every data label, sample by sample: its inputs, then its targets."""
    if len(neurons) < 2:
        return []
    return [
        data_label(kind, sample, neuron)
        for sample in range(samples)
        for kind, layer in ((INPUTS, neurons[0]), (TARGETS, neurons[-1]))
        for neuron in layer
    ]
