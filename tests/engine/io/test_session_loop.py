"""Sessions of runs with the loop around the model: a dataset, mini-batches, validation, a
schedule and clipping. Saved at any position (inside an epoch's end too), a session opens to
the same run bit for bit; its learning rates and evaluations are checked; a dataset file that
moved or changed is named in one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from learner_loops import engine_start, learner_loop

from engine.core.errors import EngineError
from engine.data.datasets import load_dataset
from engine.io.session_format import tick_position
from engine.io.session_open import load_session
from engine.io.session_save import save_session, session_document
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from engine.training.timeline import Timeline

SESSIONS = Path(__file__).parent / "sessions"

LOOP = Config(
    preset="mazur",
    layers=(2, 3, 2),
    activations=("tanh", "identity"),
    loss="cross_entropy",
    lr=0.3,
    seed=4,
    dataset="moons",
    inputs=(),
    targets=(),
    batch_size=60,
    val_share=0.25,
    epochs=2,
    clip_norm=0.2,
    scheduler="StepLR:step_size=3,gamma=0.5",
    train_biases=True,
)


def exact(stepper: Stepper) -> tuple:
    """Everything a reopened run must reproduce, as bytes where it is numbers."""
    trajectory = stepper.trajectory
    state = stepper.optimizer.state_dict()
    buffers = {
        k: {n: np.asarray(v).tobytes() for n, v in entry.items()}
        for k, entry in state["state"].items()
    }
    grads = stepper.model.grads()
    return (
        stepper.tick,
        stepper.iteration,
        stepper.micro,
        stepper.snapshot,
        stepper.model.values().tobytes(),
        None if grads is None else grads.tobytes(),
        buffers,
        [{k: v for k, v in g.items() if k != "params"} for g in state["param_groups"]],
        trajectory.losses.tobytes(),
        trajectory.lrs.tobytes(),
        trajectory.evaluations,
        stepper.snapshot.batch,
    )


def reopened(stepper: Stepper, folder: Path) -> Stepper:
    path = folder / "run.json"
    save_session(stepper, path)
    return load_session(path)


# -- positions ---------------------------------------------------------------------------------
def walked_positions(timeline: Timeline, edit_iterations: list[int], ticks: int) -> dict:
    """(iteration, micro-step) of every tick, found by walking the plan one micro-step at a
    time (independent of the closed form): an edit takes one tick of its own."""
    positions, iteration, micro, tick, edits = {}, 0, 0, 0, []
    pending = sorted(edit_iterations)
    while tick <= ticks:
        if micro == 0 and pending and pending[0] == iteration:
            pending.pop(0)
            positions[tick] = (iteration, 0)
            edits.append(tick)
            tick += 1
            continue
        positions[tick] = (iteration, micro)
        micro += 1
        if micro == timeline.length(iteration):
            iteration, micro = iteration + 1, 0
        tick += 1
    return positions, edits


@pytest.mark.parametrize("per_epoch", [1, 3, 4])
@pytest.mark.parametrize("edit_iterations", [[], [2], [3, 4], [4, 8], [0, 5, 7]])
def test_tick_position_with_epoch_ends_between_edits(per_epoch, edit_iterations):
    base = [("zero_grad", None), ("forward", "h1"), ("loss", None), ("step", "w1")]
    timeline = Timeline(base, [("eval_mode", None), ("evaluate", None)], per_epoch)
    positions, edits = walked_positions(timeline, edit_iterations, 70)
    for tick, expected in positions.items():
        before = [t for t in edits if t < tick]
        assert tick_position(tick, before, timeline) == expected, tick


def test_an_edit_inside_an_iteration_has_no_position():
    timeline = Timeline([("zero_grad", None), ("step", None)], [("evaluate", None)], 2)
    # Iteration 0 takes ticks 0-1, iteration 1 (an epoch's last) 2-4: tick 3 is inside it.
    assert tick_position(8, [3], timeline) is None
    # The edit at 5 moves to 6; iteration 2 takes ticks 6-7, so 8 starts iteration 3.
    assert tick_position(8, [5], timeline) == (3, 0)
    assert tick_position(8, [4], timeline) is None  # 4 is iteration 1's evaluate


def test_a_session_saved_at_every_loop_phase_reopens_bit_for_bit(tmp_path):
    stepper = Stepper(LOOP)
    per_epoch = stepper.timeline.per_epoch
    seen, edited = set(), False
    while stepper.iteration < per_epoch + 2:
        if stepper.micro == 0 and stepper.iteration == per_epoch and not edited:
            stepper.edit_parameter("w2", 0.125)  # between the epochs
            edited = True
        snapshot = stepper.step_phase()
        key = (snapshot.phase, stepper.timeline.ends_epoch(snapshot.iteration), edited)
        if key in seen and snapshot.phase not in ("schedule", "evaluate"):
            continue
        seen.add(key)
        assert exact(reopened(stepper, tmp_path)) == exact(stepper), key
    phases = {phase for phase, _, _ in seen}
    assert {"batch", "clip", "schedule", "eval_mode", "evaluate"} <= phases


def test_a_session_at_an_epoch_end_with_a_schedule_per_epoch(tmp_path):
    stepper = Stepper(LOOP.replace(scheduler_step="epoch", momentum=0.5))
    stepper.run(stepper.timeline.per_epoch - 1)
    phases = []
    while stepper.snapshot.phase != "schedule":
        phases.append(stepper.step_phase().phase)
        if phases[-1] in ("clip", "eval_mode", "evaluate", "schedule"):
            assert exact(reopened(stepper, tmp_path)) == exact(stepper), phases[-1]
    assert phases[-3:] == ["eval_mode", "evaluate", "schedule"]  # the epoch's end
    assert stepper.micro == 0 and stepper.iteration == stepper.timeline.per_epoch


def test_a_reopened_run_goes_on_as_a_learner_loop(tmp_path):
    stepper = Stepper(LOOP.replace(scheduler=""))
    start = engine_start(stepper)
    stepper.run(5)
    stepper.change_settings(stepper.config.replace(lr=0.05))
    stepper.run(3)
    loaded = reopened(stepper, tmp_path)
    loaded.run(loaded.timeline.per_epoch * 2 - loaded.iteration)
    learner = learner_loop(LOOP, start, loaded.iteration, new_lrs={5: 0.05})
    assert loaded.trajectory.losses.tolist() == learner.losses
    assert loaded.trajectory.lrs.tolist() == learner.lrs
    assert np.array_equal(loaded.trajectory.current, learner.params)
    evaluations = [
        (e.train_loss, e.val_loss, e.val_accuracy) for e in loaded.trajectory.evaluations
    ]
    assert evaluations == learner.evaluations


# -- learning rates and evaluations in the file --------------------------------------------------
def saved_run(tmp_path: Path) -> tuple[Stepper, Path]:
    stepper = Stepper(LOOP)
    stepper.run(stepper.timeline.per_epoch + 1)
    path = tmp_path / "run.json"
    save_session(stepper, path)
    return stepper, path


def test_the_file_holds_the_lrs_and_evaluations(tmp_path):
    stepper, path = saved_run(tmp_path)
    trajectory = json.loads(path.read_text())["trajectory"]
    per_epoch = stepper.timeline.per_epoch
    assert trajectory["lrs"] == [0.3 * 0.5 ** (k // 3) for k in range(per_epoch + 1)]
    (evaluation,) = trajectory["evaluations"]
    assert evaluation["epoch"] == 1
    assert evaluation["train_loss"] == float(np.mean(trajectory["losses"][:per_epoch]))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t["lrs"].__setitem__(-1, t["lrs"][-1] * 2),
        lambda t: t["evaluations"][0].__setitem__("val_loss", 0.5),
        lambda t: t["evaluations"][0].__setitem__("val_accuracy", 1.0),
        lambda t: t["evaluations"].clear(),
    ],
    ids=["lr", "val-loss", "accuracy", "missing-evaluation"],
)
def test_a_changed_lr_or_evaluation_is_refused(tmp_path, tamper):
    _, path = saved_run(tmp_path)
    document = json.loads(path.read_text())
    tamper(document["trajectory"])
    path.write_text(json.dumps(document))
    with pytest.raises(EngineError, match="does not replay to the saved state"):
        load_session(path)


def test_malformed_lrs_or_evaluations_are_refused_in_one_line(tmp_path):
    _, path = saved_run(tmp_path)
    document = json.loads(path.read_text())
    document["trajectory"]["lrs"] = document["trajectory"]["lrs"][:-1]
    path.write_text(json.dumps(document))
    with pytest.raises(EngineError, match="lrs do not match the losses"):
        load_session(path)
    document["trajectory"]["lrs"] = None
    document["trajectory"]["evaluations"] = [{"epoch": "one"}]
    path.write_text(json.dumps(document))
    with pytest.raises(EngineError, match="malformed"):
        load_session(path)


def test_a_plain_run_is_written_as_before(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(3)
    document = session_document(stepper)
    assert set(document["trajectory"]) == {"labels", "losses", "grad_norms", "params"}
    assert "data_files" not in document


def test_a_loop_session_from_the_earlier_format_opens():
    """Written before the file held lrs and evaluations: it still opens and replays."""
    path = SESSIONS / "moons_loop_before_lrs.json"
    assert "lrs" not in json.loads(path.read_text())["trajectory"]
    loaded = load_session(path)
    stepper = Stepper(loaded.initial_config)
    stepper.run(stepper.timeline.per_epoch)
    stepper.edit_parameter("w2", 0.125)
    stepper.run(2)
    for _ in range(9):
        stepper.step_phase()
    assert exact(loaded) == exact(stepper)


# -- a dataset read from a file ------------------------------------------------------------------
def points_csv(path: Path) -> Path:
    moons = load_dataset("moons", 1)
    labels = ["ab"[int(k)] for k in moons.labels]
    rows = [f"{x!r},{y!r},{k}" for (x, y), k in zip(moons.x.tolist(), labels, strict=True)]
    path.write_text("x,y,label\n" + "\n".join(rows) + "\n")
    return path


def csv_run(tmp_path: Path) -> tuple[Stepper, Path, Path]:
    data = points_csv(tmp_path / "points.csv")
    stepper = Stepper(LOOP.replace(dataset=str(data)))
    stepper.run(stepper.timeline.per_epoch + 2)
    path = tmp_path / "run.json"
    save_session(stepper, path)
    return stepper, path, data


def test_a_csv_run_stores_the_path_and_its_sha256(tmp_path):
    import hashlib

    stepper, path, data = csv_run(tmp_path)
    document = json.loads(path.read_text())
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    assert document["config"]["dataset"] == str(data)
    assert document["data_files"] == [{"path": str(data), "sha256": digest}]
    assert exact(load_session(path)) == exact(stepper)


def test_a_missing_dataset_file_is_named(tmp_path):
    _, path, data = csv_run(tmp_path)
    data.unlink()
    with pytest.raises(EngineError, match="dataset file .*points.csv is missing"):
        load_session(path)


def test_a_changed_dataset_file_is_named(tmp_path):
    _, path, data = csv_run(tmp_path)
    lines = data.read_text().splitlines()
    lines[5] = "0.5,0.25,a"
    data.write_text("\n".join(lines) + "\n")
    with pytest.raises(EngineError, match="points.csv has changed since the session was saved"):
        load_session(path)


def test_the_file_put_back_opens_again(tmp_path):
    stepper, path, data = csv_run(tmp_path)
    shutil.move(data, tmp_path / "aside.csv")
    with pytest.raises(EngineError, match="missing"):
        load_session(path)
    shutil.move(tmp_path / "aside.csv", data)
    assert exact(load_session(path)) == exact(stepper)


def test_a_data_files_entry_for_another_file_is_refused(tmp_path):
    _, path, _ = csv_run(tmp_path)
    document = json.loads(path.read_text())
    document["data_files"][0]["path"] = "/etc/passwd"
    path.write_text(json.dumps(document))
    with pytest.raises(EngineError, match="not a file of the session's dataset"):
        load_session(path)


def test_a_dataset_run_session_costs_its_samples(tmp_path, monkeypatch):
    """The replay's cost counts the dataset's rows, not the config's (empty) inputs."""
    import engine.io.session_limits as limits

    stepper = Stepper(LOOP.replace(batch_size=0, val_share=0.0, clip_norm=0.0, scheduler=""))
    stepper.run(3)
    samples = len(stepper.x)
    per_iteration = samples * len(stepper.model.params) + limits.ITERATION_OVERHEAD
    monkeypatch.setattr(limits, "MAX_REPLAY_COST", 4 * per_iteration - 1)
    with pytest.raises(EngineError, match=f"3 iterations of {samples:,} input rows"):
        save_session(stepper, tmp_path / "run.json")
    assert torch.is_tensor(stepper.x)


def idx_file(path: Path, values: np.ndarray) -> None:
    """An IDX file written by hand: 00 00, type 08 (uint8), dims, big-endian sizes, bytes."""
    import struct

    header = bytes((0, 0, 8, values.ndim)) + struct.pack(f">{values.ndim}I", *values.shape)
    path.write_bytes(header + values.astype(np.uint8).tobytes())


def test_an_idx_run_fingerprints_its_images_and_its_labels(tmp_path):
    import hashlib

    rng = np.random.default_rng(2)
    images = tmp_path / "train-images-idx3-ubyte"
    labels = tmp_path / "train-labels-idx1-ubyte"
    idx_file(images, rng.integers(0, 256, (40, 2, 2)))
    idx_file(labels, np.arange(40) % 3)
    config = LOOP.replace(
        dataset=str(images), layers=(4, 3, 3), batch_size=8, val_share=0.25, scheduler=""
    )
    stepper = Stepper(config)
    stepper.run(5)
    path = tmp_path / "run.json"
    save_session(stepper, path)
    entries = json.loads(path.read_text())["data_files"]
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (images, labels)]
    assert entries == [
        {"path": str(images), "sha256": digests[0]},
        {"path": str(labels), "sha256": digests[1]},
    ]
    assert exact(load_session(path)) == exact(stepper)
    idx_file(labels, (np.arange(40) + 1) % 3)  # the same size, other labels
    with pytest.raises(EngineError, match="train-labels-idx1-ubyte has changed"):
        load_session(path)
