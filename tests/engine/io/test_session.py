"""Sessions: save then open gives the same session bit for bit; bad files are refused cleanly."""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import os
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.io.session_format import FORMAT_VERSION, session_text
from engine.io.session_open import load_session
from engine.io.session_save import save_session, session_document
from engine.models.config import Config
from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import Stepper


# -- helpers -----------------------------------------------------------------------------------
def same_tensors(a: Any, b: Any) -> bool:
    """Optimizer state dicts equal bit for bit, tensors included."""
    if isinstance(a, dict):
        return (
            isinstance(b, dict)
            and a.keys() == b.keys()
            and all(same_tensors(a[k], b[k]) for k in a)
        )
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(same_tensors, a, b))
    if isinstance(a, torch.Tensor):
        return (
            a.dtype == b.dtype and a.shape == b.shape and a.numpy().tobytes() == b.numpy().tobytes()
        )
    return a == b


def bits(array: np.ndarray | None) -> bytes | None:
    return None if array is None else array.tobytes()


def assert_same_session(original: Stepper, loaded: Stepper, norm_tolerance: float = 0.0) -> None:
    assert loaded.config == original.config
    assert (loaded.tick, loaded.iteration, loaded.micro) == (
        original.tick,
        original.iteration,
        original.micro,
    )
    assert loaded.diverged == original.diverged
    assert_same_snapshot(loaded.snapshot, original.snapshot)
    assert bits(loaded.model.values()) == bits(original.model.values())
    assert bits(loaded.model.grads()) == bits(original.model.grads())
    assert same_tensors(loaded.optimizer.state_dict(), original.optimizer.state_dict())
    a, b = loaded.trajectory, original.trajectory
    assert a.length == b.length
    assert bits(a.losses) == bits(b.losses) and bits(a.params) == bits(b.params)
    # The stepper sums the gradient norm differently when stepping and when fast-forwarding.
    np.testing.assert_allclose(a.grad_norms, b.grad_norms, rtol=norm_tolerance, atol=0)


def assert_same_snapshot(a: Snapshot, b: Snapshot) -> None:
    if a.loss is not None and math.isnan(a.loss):  # NaN != NaN, so compare it apart
        assert b.loss is not None and math.isnan(b.loss)
        a, b = dataclasses.replace(a, loss=None), dataclasses.replace(b, loss=None)
    assert a == b


def round_trip(stepper: Stepper, folder: Path) -> Stepper:
    path = folder / "session.json"
    save_session(stepper, path)
    assert sorted(p.name for p in folder.iterdir()) == ["session.json"]
    return load_session(path)


def steps(stepper: Stepper, n: int) -> Stepper:
    for _ in range(n):
        stepper.step_phase()
    return stepper


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- save then open ------------------------------------------------------------------------------
def test_mazur_stepped_mid_iteration(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(2)
    steps(stepper, 9)
    assert stepper.snapshot.phase == "backward"
    assert_same_session(stepper, round_trip(stepper, tmp_path))


def test_adam_after_250_iterations(tmp_path):
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.05, train_biases=True))
    stepper.run(250)
    steps(stepper, 25)  # into the step phase: Adam's m and v revealed one by one
    assert stepper.snapshot.phase == "step"
    loaded = round_trip(stepper, tmp_path)
    assert_same_session(stepper, loaded)
    assert loaded.snapshot.optimizer_state["w5"]["exp_avg_sq"] > 0


def test_after_edits(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(3)
    stepper.edit_parameter("w5", 0.9)
    stepper.edit_parameter("b_h1", 0.1)  # a frozen bias can still be set by hand
    stepper.run(2)
    stepper.edit_parameter("w1", -0.25)
    steps(stepper, 4)
    loaded = round_trip(stepper, tmp_path)
    assert_same_session(stepper, loaded)
    document = json.loads((tmp_path / "session.json").read_text())
    assert [(e["label"], e["value"]) for e in document["history"]["edits"]] == [
        ("w5", 0.9),
        ("b_h1", 0.1),
        ("w1", -0.25),
    ]


def test_after_live_settings_changes(tmp_path):
    """The file keeps the settings the run was built with and each live change in its place."""
    adam = MAZUR.replace(optimizer="adam", lr=0.05, train_biases=True)
    stepper = Stepper(adam)
    stepper.run(200)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.run(3)
    stepper.edit_parameter("w1", 0.5)
    stepper.change_settings(stepper.config.replace(betas=(0.8, 0.99), eps=1e-6))
    stepper.run(2)
    steps(stepper, 3)
    loaded = round_trip(stepper, tmp_path)
    assert_same_session(stepper, loaded)
    assert loaded.config.lr == 0.9 and loaded.initial_config == adam
    document = json.loads((tmp_path / "session.json").read_text())
    assert document["config"]["lr"] == 0.05
    assert document["history"]["settings"] == [
        {"tick": 200 * stepper.micro_steps_per_iteration, "changes": {"lr": 0.9}},
        {
            "tick": 203 * stepper.micro_steps_per_iteration + 2,
            "changes": {"betas": [0.8, 0.99], "eps": 1e-6},
        },
    ]
    loaded.back()  # the history replayed is the history: ← crosses the changes there too
    loaded.goto(200 * stepper.micro_steps_per_iteration)
    assert loaded.config == adam


def test_after_data_edits_and_live_settings_changes_together(tmp_path):
    """A target set by hand and a live change at the same boundary replay in their order."""
    stepper = Stepper(MAZUR)
    stepper.run(2)
    stepper.edit_parameter("target_o1", 0.5)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.edit_parameter("i2", 0.3)
    stepper.run(3)
    steps(stepper, 5)
    loaded = round_trip(stepper, tmp_path)
    assert_same_session(stepper, loaded)
    assert loaded.data_rows() == stepper.data_rows()
    loaded.goto(2 * stepper.micro_steps_per_iteration)  # before all three: as first built
    assert loaded.config == MAZUR and loaded.data_rows()[1][0][0] == MAZUR.targets[0][0]


def test_a_session_whose_settings_change_is_altered_no_longer_opens(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(2)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.run(2)
    path = tmp_path / "session.json"
    save_session(stepper, path)
    document = json.loads(path.read_text())
    for changes, words in (
        ({"lr": 0.8}, "does not replay"),
        ({"layers": [2, 3, 2]}, "not live settings"),
        ({}, "must name settings"),
    ):
        document["history"]["settings"][0]["changes"] = changes
        path.write_text(json.dumps(document))
        with pytest.raises(EngineError, match=words):
            load_session(path)


def test_position_right_after_an_edit(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(1)
    stepper.edit_parameter("w8", 1.5)
    assert_same_session(stepper, round_trip(stepper, tmp_path))


def test_test_function_preset(tmp_path):
    stepper = Stepper(get_preset("rosenbrock"))
    stepper.run(10)
    steps(stepper, 3)
    assert_same_session(stepper, round_trip(stepper, tmp_path))


@pytest.mark.parametrize(
    "config",
    [
        MAZUR.replace(dtype="float32", optimizer="rmsprop", lr=0.01, momentum=0.5),
        MAZUR.replace(lookahead_k=3, momentum=0.9, lr=0.2),
        MAZUR.replace(skip_zero_grad=True),
        MAZUR.replace(published_variant=True),
        get_preset("xor"),
        get_preset("parabola").replace(optimizer="adamw", lr=0.1, weight_decay=0.01),
    ],
    ids=["float32-rmsprop", "lookahead", "skip-zero-grad", "published", "xor", "parabola-adamw"],
)
def test_other_settings(tmp_path, config):
    stepper = Stepper(config)
    stepper.run(7)
    stepper.edit_parameter(stepper.model.params[0].label, 0.123456789)  # rounded in float32
    stepper.run(4)
    steps(stepper, 5)
    assert_same_session(stepper, round_trip(stepper, tmp_path))


def test_fresh_session(tmp_path):
    stepper = Stepper(MAZUR)
    assert_same_session(stepper, round_trip(stepper, tmp_path))


def test_stepped_by_hand(tmp_path):
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.1, train_biases=True))
    for _ in range(6):
        stepper.step_iteration()
    assert_same_session(stepper, round_trip(stepper, tmp_path), norm_tolerance=1e-12)


def test_position_after_going_back(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(5)
    stepper.goto(stepper.tick - 30)
    loaded = round_trip(stepper, tmp_path)
    assert_same_session(stepper, loaded)
    assert loaded.max_tick == loaded.tick  # the undone steps are not saved; stepping redoes them


def test_non_finite_numbers_round_trip(tmp_path):
    stepper = Stepper(get_preset("rosenbrock").replace(lr=0.5))
    while not stepper.snapshot.diverged:
        stepper.step_phase()
    assert not math.isfinite(stepper.snapshot.loss)
    loaded = round_trip(stepper, tmp_path)
    assert_same_session(stepper, loaded)
    text = (tmp_path / "session.json").read_text()
    assert '"inf"' in text or '"nan"' in text
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))


def test_saved_document_for_outside_readers(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(3)
    save_session(stepper, tmp_path / "s.json")
    document = json.loads((tmp_path / "s.json").read_text())
    assert document["format"] == FORMAT_VERSION and document["app"] == "Backprop Studio"
    assert Config.from_dict(document["config"]) == MAZUR
    trajectory = document["trajectory"]
    assert trajectory["losses"] == stepper.trajectory.losses.tolist()
    assert trajectory["params"] == stepper.trajectory.params.tolist()
    assert trajectory["labels"][:4] == ["w1", "w2", "w3", "w4"]
    assert document["snapshot"]["params"] == stepper.params()


def test_saving_over_an_existing_session_replaces_it(tmp_path):
    path = tmp_path / "s.json"
    save_session(Stepper(MAZUR), path)
    stepper = Stepper(MAZUR)
    stepper.run(4)
    save_session(stepper, path)
    assert load_session(path).tick == stepper.tick
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


# -- saving refused ------------------------------------------------------------------------------
def test_stepping_past_an_undone_edit_saves_the_path_without_it(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(1)
    stepper.edit_parameter("w1", 0.5)
    stepper.back()
    stepper.step_phase()  # steps on from before the edit: the edit is discarded
    save_session(stepper, tmp_path / "s.json")
    loaded = load_session(tmp_path / "s.json")
    assert loaded.snapshot == stepper.snapshot and loaded.params()["w1"] != 0.5


@pytest.mark.parametrize("where", ["missing/s.json", "a_file/s.json", "a_folder"])
def test_unwritable_destination(tmp_path, where):
    (tmp_path / "a_file").write_text("keep")
    (tmp_path / "a_folder").mkdir()
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    with pytest.raises(EngineError, match="cannot save the session") as error:
        save_session(Stepper(MAZUR), tmp_path / where)
    assert "\n" not in str(error.value)
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "a_file").read_text() == "keep"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(EngineError, match="cannot save the session"):
            save_session(Stepper(MAZUR), folder / "s.json")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failed_write_leaves_nothing_behind(tmp_path, monkeypatch, failing):
    path = tmp_path / "s.json"
    save_session(Stepper(MAZUR), path)
    before = listing(tmp_path)

    def fail(*args: Any) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, failing, fail)
    stepper = Stepper(MAZUR)
    stepper.run(2)
    with pytest.raises(
        EngineError, match="(?i)input/output error"
    ):  # the shared writer says it in lower case
        save_session(stepper, path)
    assert listing(tmp_path) == before


# -- opening refused -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def saved_text() -> str:
    stepper = Stepper(MAZUR)
    stepper.run(2)
    stepper.edit_parameter("w1", 0.2)
    stepper.run(1)
    steps(stepper, 12)  # into backward: some gradients revealed, some not yet
    return session_text(session_document(stepper))


def refused(folder: Path, content: str | bytes, match: str | None = None) -> str:
    """Opening `content` raises a one-line EngineError and changes nothing in the folder."""
    path = folder / "bad.json"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    before = listing(folder)
    bystander = Stepper(MAZUR)
    bystander.run(1)
    snapshot = bystander.snapshot
    with pytest.raises(EngineError, match=match) as error:
        load_session(path)
    assert listing(folder) == before
    assert bystander.snapshot is snapshot
    message = str(error.value)
    assert "\n" not in message and message
    return message


def edited(text: str, change: Callable[[dict], None]) -> str:
    document = json.loads(text)
    change(document)
    return json.dumps(document)


def test_the_fixture_itself_opens(tmp_path, saved_text):
    path = tmp_path / "good.json"
    path.write_text(saved_text)
    assert load_session(path).tick == json.loads(saved_text)["history"]["tick"]


def test_missing_file(tmp_path):
    with pytest.raises(EngineError, match="no such file"):
        load_session(tmp_path / "nowhere.json")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_session(tmp_path):
    with pytest.raises(EngineError, match="cannot open session"):
        load_session(tmp_path)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes(tmp_path, seed):
    noise = random.Random(seed).randbytes(200 + 300 * seed)
    refused(tmp_path, noise, "not a session file|truncated")


@pytest.mark.parametrize("content", ["hello", "[1, 2, 3]", "42", "null", '{"format": NaN}'])
def test_not_a_session(tmp_path, content):
    refused(tmp_path, content, "not a session file|unreadable format")


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.25, 0.5, 0.75, 0.99])
def test_truncated(tmp_path, saved_text, fraction):
    cut = int(len(saved_text.rstrip()) * fraction)
    refused(tmp_path, saved_text[:cut], "truncated")


def test_cut_just_before_the_last_brace(tmp_path, saved_text):
    refused(tmp_path, saved_text.rstrip()[:-1], "truncated")


def test_newer_format(tmp_path, saved_text):
    text = edited(saved_text, lambda d: d.update(format=2, future_field=[1, 2]))
    message = refused(tmp_path, text)
    assert message.endswith("was made by a newer version (format 2); this version reads format 1")


def set_path(document: dict, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value


def one_ulp_more(x: float) -> float:
    return math.nextafter(x, math.inf)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("snapshot", "params", "w1"), "ulp"),
        (("trajectory", "losses", 1), "ulp"),
        (("trajectory", "params", 2, 7), "ulp"),
        (("history", "edits", 0, "value"), 0.21),
        (("config", "lr"), 0.51),
        (("snapshot", "phase"), "forward"),
        (("snapshot", "focus"), "h2"),
        (("snapshot", "loss"), 0.5),
        (("snapshot", "grads", "w5"), None),
        (("snapshot", "optimizer_state"), {"w1": {"momentum_buffer": 0.0}}),
    ],
)
def test_a_changed_value_no_longer_replays(tmp_path, saved_text, path, value):
    document = json.loads(saved_text)
    if value == "ulp":
        current = document
        for key in path:
            current = current[key]
        value = one_ulp_more(current)
    set_path(document, path, value)
    refused(tmp_path, json.dumps(document), "does not replay to the saved state")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("format",), "1"),
        (("format",), True),
        (("app",), "Other App"),
        (("version",), 3),
        (("history",), []),
        (("history", "tick"), "12"),
        (("history", "tick"), -1),
        (("history", "tick"), 10**9),
        (("history", "edits"), {}),
        (("history", "edits", 0), [52, "w1", 0.2]),
        (("history", "edits", 0, "tick"), 53),  # not between iterations
        (("history", "edits", 0, "label"), "w99"),
        (("history", "edits", 0, "value"), "nan"),
        (("history", "edits", 0, "value"), 10**400),
        (("config", "lr"), "fast"),
        (("config", "layers"), [2, 0, 2]),
        (("config", "activations"), ["sigmoid", "bogus"]),
        (("config", "function"), "rosenbrock"),
        (("config", "seed"), 10**30),
        (("config", "lr"), 10**30),
        (("config", "weight_decay"), 10**30),
        (("config", "function"), {"a": 1}),
        (("config", "preset"), {}),
        (("trajectory", "losses"), {"a": 1}),
        (("trajectory", "losses", 0), "0.3"),
        (("trajectory", "labels"), ["a"]),
        (("trajectory", "params", 0), [0.1]),
        (("snapshot", "params"), [1, 2]),
        (("snapshot", "params", "w1"), "x"),
        (("snapshot", "params", "w1"), True),
        (("snapshot", "iteration"), 1.5),
        (("snapshot", "phase"), "dancing"),
        (("snapshot", "optimizer_state", "w1"), 3),
    ],
)
def test_wrong_types_and_values(tmp_path, saved_text, path, value):
    document = json.loads(saved_text)
    set_path(document, path, value)
    refused(tmp_path, json.dumps(document))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("snapshot"),
        lambda d: d.pop("format"),
        lambda d: d.update(extra=1),
        lambda d: d["config"].pop("lr"),
        lambda d: d["config"].update(colour="blue"),
        lambda d: d["history"].pop("edits"),
        lambda d: d["history"]["edits"][0].update(why="test"),
        lambda d: d["trajectory"].pop("grad_norms"),
        lambda d: d["snapshot"].pop("grads"),
        lambda d: d["snapshot"].update(neurons={}),
    ],
)
def test_unknown_and_missing_keys(tmp_path, saved_text, change):
    refused(tmp_path, edited(saved_text, change))


def test_messages_name_the_problem(tmp_path, saved_text):
    assert "lacks lr" in refused(tmp_path, edited(saved_text, lambda d: d["config"].pop("lr")))
    assert "unknown key(s) 'extra'" in refused(
        tmp_path, edited(saved_text, lambda d: d.update(extra=1))
    )
    bad_layers = edited(saved_text, lambda d: set_path(d, ("config", "layers"), [2, 0, 2]))
    assert "at least one neuron" in refused(tmp_path, bad_layers)


# -- fuzzing: only ever EngineError --------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)


def load_text(text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        try:
            assert isinstance(load_session(path), Stepper)
        except EngineError as error:
            assert "\n" not in str(error)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(json_values)
def test_fuzz_arbitrary_json(document):
    load_text(json.dumps(document))


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_arbitrary_bytes(raw):
    load_text(raw)


@pytest.fixture(scope="module")
def base_document(saved_text) -> dict:
    return json.loads(saved_text)


def mutate(data: st.DataObject, document: Any) -> Any:
    """Replace, drop or add one entry somewhere in the document."""
    if not isinstance(document, dict | list) or not document or data.draw(st.booleans()):
        return data.draw(json_values)
    keys = list(document) if isinstance(document, dict) else list(range(len(document)))
    key = data.draw(st.sampled_from(keys))
    action = data.draw(st.sampled_from(["descend", "descend", "drop", "add"]))
    if action == "drop":
        del document[key]
    elif action == "add" and isinstance(document, dict):
        document[data.draw(st.text(max_size=8))] = data.draw(json_values)
    else:
        document[key] = mutate(data, document[key])
    return document


@FUZZ
@given(st.data())
def test_fuzz_mutated_sessions(base_document, data):
    document = mutate(data, copy.deepcopy(base_document))
    load_text(json.dumps(document))


@FUZZ
@given(st.data())
def test_fuzz_mutated_config_values(base_document, data):
    document = copy.deepcopy(base_document)
    name = data.draw(st.sampled_from(sorted(document["config"])))
    document["config"][name] = data.draw(json_values)
    load_text(json.dumps(document))
