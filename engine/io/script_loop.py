"""The exported script of a run with the loop around the model: the loop a learner writes.

The samples are embedded (zlib-compressed float64 bytes in base64, a few dozen KB even for the
digits), so the script runs as it is with only torch and numpy, without this app or its data
files. A real `DataLoader(train_set, batch_size=B, shuffle=True, generator=torch.Generator().
manual_seed(seed))` draws the batches, so the script's numbers are the app's, bit for bit: it
prints each step's loss and lr, each epoch's train loss, validation loss and accuracy (repr),
and at the end every parameter by the app's label.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Sequence

import numpy as np

from engine.data.dataset import Dataset
from engine.io.script_data import packed_lines
from engine.io.script_loop_parts import (
    batch_lines,
    epoch_end_lines,
    final_lines,
    header_lines,
    loop_edits,
    loss_function,
)
from engine.io.script_network import network_body
from engine.io.script_settings import after_loop, in_loop
from engine.io.script_values import ScriptError, whole
from engine.models.config import Config
from engine.models.losses import CLASS_LOSSES
from engine.models.run_samples import RunSamples, run_samples
from engine.models.trainable_model import TrainableModel
from engine.training.edit_log import HandEdit, SettingsChange
from engine.training.loop_data import DEFAULT_EPOCHS

__all__ = ["loop_script", "unpacked"]


def loop_script(
    config: Config,
    model: TrainableModel,
    steps: int,
    edits: Sequence[HandEdit],
    changes: Sequence[SettingsChange],
) -> str:
    """The run as the loop a learner writes, `steps` optimizer steps long."""
    if not config.has_layers:
        raise ScriptError(
            "cannot export a PyTorch script: a test function has no samples to loop over"
        )
    samples = run_samples(config)
    per_epoch = _per_epoch(config, len(samples.train))
    parts = [
        *header_lines(config, steps, per_epoch, bool(edits), bool(changes)),
        *_data(config, samples),
        *network_body(config, model, data=[]),
        *_scheduler(config, per_epoch),
        *loop_edits(model, edits),
        *loss_function(config, _on_classes(config, samples)),
        *_loop(config, steps, per_epoch, samples, edits, changes),
        *after_loop(config, changes, steps),
        *final_lines(model),
    ]
    return "\n".join(parts) + "\n"


def _on_classes(config: Config, samples: RunSamples) -> bool:
    """The loss is handed class indices, as the app's loop hands them (engine.models.losses
    on_class_indices): then the script's losses are the app's to the last bit."""
    return samples.classification and config.loss in CLASS_LOSSES


def _per_epoch(config: Config, train_count: int) -> int:
    if not config.batch_size:
        return 1
    return -(-train_count // config.batch_size)  # the last batch may be smaller


def _data(config: Config, samples: RunSamples) -> list[str]:
    # Only a built-in set's name (letters) goes into the comment; a file's path never does.
    builtin = _is_builtin(config.dataset) and config.dataset.strip().isalpha()
    source = f"The {config.dataset.strip().lower()} dataset" if builtin else "The data"
    lines = [
        "# The samples, as the app split them (seed, validation share): zlib-compressed",
        "# float64 bytes in base64, embedded so the script needs no data file. unpack() gives",
        "# the numpy arrays back exactly.",
        f"# {source}: {whole(len(samples.train))} training and "
        f"{whole(len(samples.val))} validation samples.",
        *packed_lines("TRAIN_X", samples.train.x),
        "train_x = torch.tensor(TRAIN_X, dtype=dtype)",
        *_targets("TRAIN", samples.train, _on_classes(config, samples)),
    ]
    if len(samples.val):
        lines += [
            *packed_lines("VAL_X", samples.val.x),
            "val_x = torch.tensor(VAL_X, dtype=dtype)",
            *_targets("VAL", samples.val, _on_classes(config, samples)),
        ]
    if _on_classes(config, samples) and len(samples.val):
        lines.append("val_labels = val_y  # each validation sample's class")
    elif samples.classification and len(samples.val):
        lines += [
            *packed_lines("VAL_LABELS", samples.val.labels.astype(np.int64)),
            "val_labels = torch.tensor(VAL_LABELS)  # each validation sample's class",
        ]
    lines += ["train_set = TensorDataset(train_x, train_y)", ""]
    return lines


def _targets(name: str, samples: Dataset, on_classes: bool) -> list[str]:
    """The targets: each sample's class as F.cross_entropy and F.nll_loss take it, or the
    target rows as they are."""
    variable = f"{name.lower()}_y"
    if on_classes:
        assert samples.labels is not None
        return [
            *packed_lines(f"{name}_CLASSES", samples.labels.astype(np.int64)),
            f"{variable} = torch.tensor({name}_CLASSES)  # each sample's class",
        ]
    return [
        *packed_lines(f"{name}_Y", samples.y),
        f"{variable} = torch.tensor({name}_Y, dtype=dtype)",
    ]


def _is_builtin(spec: str) -> bool:
    from engine.data.datasets import DATASET_NAMES

    return spec.strip().casefold() in DATASET_NAMES


def _scheduler(config: Config, per_epoch: int) -> list[str]:
    if not config.scheduler:
        return []
    from engine.models.schedule_spec import parse_scheduler
    from engine.training.run_schedule import schedule_steps
    from engine.training.schedules import scheduler_code

    spec = parse_scheduler(config.scheduler)
    assert spec is not None
    total = schedule_steps(config, per_epoch, config.epochs or DEFAULT_EPOCHS)
    code = scheduler_code(spec, total, config.lr)
    if config.lookahead_k:  # the learning rate lives in Lookahead's inner optimizer
        code = code.replace("(optimizer,", "(optimizer.inner,")
    when = "batch" if config.scheduler_step == "batch" else "epoch"
    return [
        f"# The learning-rate schedule, stepped once per {when}: the app's own keywords, and",
        "# the ones it filled in from the run's length, written out.",
        *code.splitlines(),
        "",
    ]


def _loop(
    config: Config,
    steps: int,
    per_epoch: int,
    samples: RunSamples,
    edits: Sequence[HandEdit],
    changes: Sequence[SettingsChange],
) -> list[str]:
    epochs = -(-steps // per_epoch)
    stops_inside = steps % per_epoch != 0
    groups = "optimizer.inner.param_groups" if config.lookahead_k else "optimizer.param_groups"
    settings = ["    " + line for line in in_loop(config, changes, steps)]
    lines = [
        *batch_lines(config, len(samples.train)),
        f"epochs = {whole(epochs)}",
        f"steps = {whole(steps)}  # the optimizer steps the app ran",
        "step = 0",
        "for epoch in range(epochs):",
        "    model.train()",
        "    losses = []",
        "    for xb, yb in loader:",
    ]
    if stops_inside:
        lines.append("        if step == steps:  # the app stopped inside this epoch")
        lines.append("            break")
    if any(edit.iteration < steps for edit in edits):
        lines.append("        apply_edits(step)  # the values set by hand before this step")
    lines += settings
    lines += _step_lines(config, groups)
    lines += epoch_end_lines(config, len(samples.val) > 0, stops_inside, samples.classification)
    if any(edit.iteration == steps for edit in edits):
        lines.append("apply_edits(steps)  # the values set by hand after the last step")
    return lines


def _step_lines(config: Config, groups: str) -> list[str]:
    from engine.training.clipping import clip_code

    clip = clip_code(config.clip_norm, config.clip_value)
    lines = [
        "        optimizer.zero_grad()",
        "        out = model(xb)",
        "        loss = loss_fn(out, yb)",
        "        loss.backward()",
    ]
    if clip:
        lines.append(f"        {clip}")
    lines += [
        f'        lr = {groups}[0]["lr"]  # the learning rate this step uses',
        "        optimizer.step()",
    ]
    if config.scheduler and config.scheduler_step == "batch":
        lines.append("        scheduler.step()")
    return [
        *lines,
        '        print(f"step {step} loss {loss.item()!r} lr {lr!r}")',
        "        losses.append(loss.item())",
        "        step += 1",
    ]


def unpacked(text: str, shape: tuple[int, ...], kind: str = "float64") -> np.ndarray:
    """What the script's unpack() does, for tests: the array a packed literal holds."""
    return np.frombuffer(zlib.decompress(base64.b64decode(text)), dtype=kind).reshape(shape)
