"""The smaller parts of the loop script (engine.io.script_loop): its docstring and imports, the
DataLoader, the values set by hand, the loss and the epoch's end with its evaluation."""

from __future__ import annotations

from collections.abc import Sequence

from engine.io.script_data import UNPACK_HELPER
from engine.io.script_parts import EDITS_HELPER, OPTIMIZER_CLASSES
from engine.io.script_values import ScriptError, label, number, whole
from engine.models.config import Config
from engine.models.data_labels import INPUTS, data_cell
from engine.models.losses import get_loss
from engine.models.mlp import MLP
from engine.models.trainable_model import TrainableModel
from engine.training.edit_log import HandEdit


def header_lines(
    config: Config, steps: int, per_epoch: int, edits: bool, changes: bool
) -> list[str]:
    layers = "-".join(whole(n) for n in config.layers)
    optimizer = f"{OPTIMIZER_CLASSES[config.optimizer]} lr {number(config.lr)}"
    size = whole(config.batch_size) if config.batch_size else "the whole training set"
    lines = [
        f'"""Backprop Studio: a run of {whole(steps)} step(s) ({whole(per_epoch)} per epoch), as',
        "the plain PyTorch loop a learner writes.",
        "",
        f"Network {layers}, loss {config.loss}, {optimizer}, batches of {size}, seed "
        f"{whole(config.seed)}, {config.dtype}.",
        *(["It applies the values set by hand in the app where they were set."] * edits),
        *(["It changes the optimizer's settings where they were changed in the app."] * changes),
        "Run it with `python` (it needs only torch and numpy): it prints every step's loss and",
        "learning rate, every epoch's train loss, validation loss and accuracy, then every",
        "parameter, the numbers the app shows (repr prints every digit).",
        '"""',
        "",
        "import base64",
        "import zlib",
        "",
        "import numpy as np",
        "import torch",
    ]
    if "F." in get_loss(config.loss).torch_code:
        lines.append("import torch.nn.functional as F")
    lines += [
        "from torch import nn",
        "from torch.utils.data import DataLoader, TensorDataset",
        "",
        f"dtype = torch.{config.dtype}  # the app's precision: every tensor below uses it",
        f"seed = {whole(config.seed)}  # the run's seed: it decides the batches",
        "",
        "",
        UNPACK_HELPER.strip("\n"),
        "",
        "",
    ]
    return lines


def batch_lines(config: Config, train_count: int) -> list[str]:
    if not config.batch_size:
        return [
            "# No mini-batches: every step trains on the whole training set, in its order.",
            "loader = [(train_x, train_y)]",
        ]
    shuffle = "True" if config.shuffle else "False"
    return [
        f"# The batches: {whole(train_count)} training samples in batches of "
        f"{whole(config.batch_size)}, drawn by a",
        "# DataLoader whose generator is seeded with the run's seed, as the app draws them.",
        "loader = DataLoader(",
        f"    train_set, batch_size={whole(config.batch_size)}, shuffle={shuffle}, "
        "generator=torch.Generator().manual_seed(seed)",
        ")",
    ]


def loss_function(config: Config, on_classes: bool = False) -> list[str]:
    """`on_classes`: the targets are class indices, as F.cross_entropy and F.nll_loss take
    them; else target rows (for NLL: −Σ target·out, the same number for one-hot rows)."""
    loss = get_loss(config.loss)
    code = loss.torch_code.removeprefix("loss = ")
    if loss.name == "nll" and not on_classes:
        code = "-(target * out).sum() / len(out)"
    return [
        "",
        "def loss_fn(out, target):",
        f"    return {code}  # {loss.formula}",
        "",
        "",
        "def evaluate(model, x, y, labels=None):",
        '    """The validation loss, and the share of samples whose largest output is their',
        '    class (None for regression)."""',
        "    out = model(x)",
        "    loss = loss_fn(out, y).item()",
        "    if labels is None:",
        "        return loss, None",
        "    return loss, (out.argmax(dim=1) == labels).double().mean().item()",
        "",
        "",
    ]


def epoch_end_lines(
    config: Config, evaluates: bool, stops_inside: bool, classification: bool
) -> list[str]:
    lines = []
    if stops_inside:
        lines += [
            "    if len(losses) < len(loader):  # the run stopped inside this epoch",
            "        break",
        ]
    lines.append("    model.eval()")
    if evaluates:
        labels = "val_labels" if classification else "None"
        lines += [
            "    with torch.no_grad():",
            f"        val_loss, val_acc = evaluate(model, val_x, val_y, {labels})",
            "    train_loss = float(np.mean(losses))  # the mean of the epoch's batch losses",
            '    print(f"epoch {epoch + 1} train_loss {train_loss!r} val_loss {val_loss!r} "',
            '          f"val_accuracy {val_acc!r}")',
        ]
    if config.scheduler and config.scheduler_step == "epoch":
        lines.append("    scheduler.step()")
    return lines


def loop_edits(model: TrainableModel, edits: Sequence[HandEdit]) -> list[str]:
    """The values set by hand, each before the step it preceded (a run of the config's own
    rows without batches may set an input or target: the loader's one batch holds them)."""
    if not edits:
        return []
    lines = [
        "# The values set by hand in the app: before which step, where, and the value.",
        "edits = [",
    ]
    for edit in edits:
        tensor, position = _place(model, edit.label)
        lines.append(f"    ({whole(edit.iteration)}, {tensor}, {position}, {number(edit.value)}),")
    return [*lines, "]", "", "", EDITS_HELPER.strip("\n"), ""]


def final_lines(model: TrainableModel) -> list[str]:
    lines = [
        "",
        "# Every parameter at the end, by the app's labels (repr prints every digit).",
        "for label, tensor, position in [",
    ]
    for info in model.params:
        tensor, position = _place(model, info.label)
        lines.append(f'    ("{label(info.label)}", {tensor}, {position}),')
    return [*lines, "]:", '    print(f"param {label} {tensor[position].item()!r}")']


def _place(model: TrainableModel, text: str) -> tuple[str, str]:
    if text in model.index:
        info = model.params[model.index[label(text)]]
        linear = f"model[{whole(2 * (info.layer - 1))}]"
        if info.kind == "weight":
            return f"{linear}.weight", f"({whole(info.row)}, {whole(info.col)})"
        return f"{linear}.bias", f"({whole(info.row)},)"
    cell = data_cell(text, model.neurons, 10**9) if isinstance(model, MLP) else None
    if cell is None:
        raise ScriptError(f"cannot export a PyTorch script: no parameter {text!r}")
    tensor = "train_x" if cell.kind == INPUTS else "train_y"
    return tensor, f"({whole(cell.sample)}, {whole(cell.column)})"
