"""Export a run as a standalone PyTorch script a learner can paste into a notebook.

The script builds the same model with plain nn modules, sets the same starting values
explicitly (repr, so they are exact), applies the values the learner set by hand at the
points of the run where they were set, and runs the plain zero_grad / forward / loss /
backward / step loop. It prints each step's loss and, at the end, every parameter with repr:
on the CPU it prints the app's numbers digit for digit. `weights_json` gives the current
weights by label.

Generated code embeds data, never splices it: names are checked against the app's own sets
and numbers are checked literals (engine.io.script_values) before anything is produced.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from engine.core.errors import EngineError
from engine.io.script_family import SCRIPT_FAMILIES, ScriptFamily
from engine.io.script_loop import loop_script
from engine.io.script_parts import EDITS_HELPER, OPTIMIZER_CLASSES
from engine.io.script_settings import after_loop, checked_changes, in_loop, settings_note
from engine.io.script_values import ScriptError, check_names, label, number, whole
from engine.io.session_format import json_number
from engine.models.build import build_model
from engine.models.config import Config
from engine.models.data_labels import INPUTS, DataCell, data_cell
from engine.models.loop_settings import loop_is_plain
from engine.models.mlp import MLP
from engine.models.trainable_model import TrainableModel
from engine.training.edit_log import HandEdit, SettingsChange, hand_edits, settings_changes
from engine.training.stepper import Stepper


def torch_script(
    config: Config,
    steps: int,
    edits: Sequence[HandEdit] = (),
    changes: Sequence[SettingsChange] = (),
) -> str:
    """The run as a plain PyTorch script that prints `step i loss <repr>` for each iteration,
    then `param <label> <repr>` for every parameter at the end. `config` is the run's settings
    as built; `changes` are its live optimizer changes, written into the loop."""
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise EngineError(f"the number of steps must be a whole number ≥ 0, got {steps!r}")
    family = SCRIPT_FAMILIES[config.family]
    check_names(config, OPTIMIZER_CLASSES)
    family.check_names(config)
    model = build_model(config)
    if not loop_is_plain(config):  # a dataset, batches, a schedule, clipping or validation
        changes = checked_changes(changes, steps)
        return loop_script(config, model, steps, _checked_loop_edits(edits, steps), changes)
    edits = _checked_edits(edits, model, steps, len(config.inputs))
    changes = checked_changes(changes, steps)
    header = _header(config, family, steps, len(edits), settings_note(changes))
    samples = len(config.inputs)
    parts = [header, *family.body(config, model), *_edits(family, model, edits, samples)]
    loop = _loop(config, family, steps, edits, in_loop(config, changes, steps))
    final = [*after_loop(config, changes, steps), *_final(family, model)]
    return "\n".join([*parts, *loop, *final]) + "\n"


def script_of_run(stepper: Stepper, steps: int | None = None) -> str:
    """The script of the stepper's run: its whole iterations (or `steps`), its hand edits."""
    count = stepper.iteration if steps is None else steps
    edits, changes = hand_edits(stepper), settings_changes(stepper)
    return torch_script(stepper.initial_config, count, edits, changes)


def weights_json(stepper: Stepper) -> str:
    """The current weights by label, e.g. {"w1": 0.15, ...}; non-finite ones as "nan"/"inf"."""
    weights = {label: json_number(value) for label, value in stepper.params().items()}
    return json.dumps(weights, indent=2, allow_nan=False) + "\n"


def _checked_edits(
    edits: Sequence[HandEdit], model: TrainableModel, steps: int, samples: int
) -> list[HandEdit]:
    for edit in edits:
        if edit.label not in model.index and _data_cell(edit.label, model, samples) is None:
            raise ScriptError(f"cannot export a PyTorch script: no parameter {edit.label!r}")
        if not 0 <= edit.iteration <= steps:
            raise ScriptError(
                f"cannot export a PyTorch script: an edit before iteration {edit.iteration} "
                f"lies outside the {steps} iteration(s) exported"
            )
    return list(edits)


def _checked_loop_edits(edits: Sequence[HandEdit], steps: int) -> list[HandEdit]:
    for edit in edits:
        if not 0 <= edit.iteration <= steps:
            raise ScriptError(
                f"cannot export a PyTorch script: an edit before iteration {edit.iteration} "
                f"lies outside the {steps} iteration(s) exported"
            )
    return list(edits)


# -- the parts of the script -------------------------------------------------------------------
def _header(config: Config, family: ScriptFamily, steps: int, edits: int, notes: list[str]) -> str:
    lines = [
        f'"""Backprop Studio: the {config.preset} run, {whole(steps)} step(s), as plain PyTorch.',
        "",
        f"Settings: {_summary(config, family)}.",
        *_edits_note(edits),
        *notes,
        "Run it with `python` or paste it into a notebook: it prints the loss of every step",
        "and then every parameter, the numbers the app shows (repr prints every digit).",
        *_device_note(config),
        '"""',
        "",
    ]
    imports = family.imports(config)
    dtype_line = f"dtype = torch.{config.dtype}  # the app's precision: every tensor below uses it"
    return "\n".join([*lines, *imports, "", dtype_line])


def _edits_note(edits: int) -> list[str]:
    if not edits:
        return []
    return [f"It applies the {whole(edits)} value(s) set by hand in the app where they were set."]


def _device_note(config: Config) -> list[str]:
    if config.device == "cpu":
        return []
    return [
        f"The app's device setting is {config.device}; this script runs on the CPU, where",
        "the last digits can differ from a GPU's.",
    ]


def _summary(config: Config, family: ScriptFamily) -> str:
    optimizer = f"{OPTIMIZER_CLASSES[config.optimizer]} lr {number(config.lr)}"
    if config.lookahead_k:
        optimizer += f" with Lookahead k {whole(config.lookahead_k)}"
    return family.summary(config, optimizer)


def _edits(
    family: ScriptFamily, model: TrainableModel, edits: list[HandEdit], samples: int
) -> list[str]:
    if not edits:
        return []
    lines = [
        "# The values set by hand in the app, in the order they were set: before which",
        "# iteration, the parameter's tensor and its position there, and the value.",
        "edits = [",
    ]
    for edit in edits:
        tensor, position, name = _edit_place(family, model, edit.label, samples)
        row = f"({whole(edit.iteration)}, {tensor}, {position}, {number(edit.value)})"
        lines.append(f"    {row},  # {name}")
    return [*lines, "]", "", "", EDITS_HELPER.strip("\n"), "", ""]


def _edit_place(
    family: ScriptFamily, model: TrainableModel, text: str, samples: int
) -> tuple[str, str, str]:
    """(tensor, position, comment) of what an edit set: a parameter, or a value of the data
    (an input in x, a target in target; the comment names the neuron and the sample)."""
    if text in model.index:
        tensor, position = family.place(model, model.params[model.index[text]])
        return tensor, position, label(text)
    cell = _data_cell(text, model, samples)
    assert cell is not None  # _checked_edits refused any other label
    layer = model.neurons[0] if cell.kind == INPUTS else model.neurons[-1]
    neuron = label(layer[cell.column])
    tensor, what = ("x", "input") if cell.kind == INPUTS else ("target", "target of")
    position = f"({whole(cell.sample)}, {whole(cell.column)})"
    return tensor, position, f"{what} {neuron}, sample {whole(cell.sample + 1)}"


def _data_cell(text: str, model: TrainableModel, samples: int) -> DataCell | None:
    """The input or target an edit's label names; a test function has no data."""
    if not isinstance(model, MLP):
        return None
    return data_cell(text, model.neurons, samples)


def _loop(
    config: Config,
    family: ScriptFamily,
    steps: int,
    edits: list[HandEdit],
    settings: list[str],
) -> list[str]:
    lines = ["# The training loop: the calls the app steps through one micro-step at a time."]
    if config.published_variant:
        lines += [
            "# The app's published-variant switch (Mazur's closing figures, whose hidden-layer",
            "# gradients use the already-updated output weights) is not a plain loop: this",
            "# script uses correct backprop, so from step 1 its losses differ from the variant's.",
        ]
    lines.append(f"for step in range({whole(steps)}):")
    if edits:
        lines.append("    apply_edits(step)  # the values set by hand before this iteration")
    lines += settings
    if config.skip_zero_grad:
        lines += [
            "    # optimizer.zero_grad() is skipped, as in the app's switch: each backward()",
            "    # adds its gradients to those already in .grad, so they accumulate.",
        ]
    else:
        lines.append("    optimizer.zero_grad()  # clear .grad: backward() adds to what is there")
    lines += family.forward_and_loss(config)
    lines += [
        "    loss.backward()  # autograd fills each parameter's .grad with ∂loss/∂parameter",
        "    optimizer.step()  # update every parameter from its gradient",
        '    print(f"step {step} loss {loss.item()!r}")  # the loss before this step\'s update',
    ]
    if any(edit.iteration == steps for edit in edits):
        lines.append(f"apply_edits({whole(steps)})  # the values set by hand after the last step")
    return lines


def _final(family: ScriptFamily, model: TrainableModel) -> list[str]:
    lines = [
        "",
        "# Every parameter at the end, by the app's labels (repr prints every digit).",
        "for label, tensor, position in [",
    ]
    for info in model.params:
        tensor, position = family.place(model, info)
        lines.append(f'    ("{label(info.label)}", {tensor}, {position}),')
    return [*lines, "]:", '    print(f"param {label} {tensor[position].item()!r}")']
