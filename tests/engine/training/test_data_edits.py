"""Inputs and targets set by hand: a position of their own, undone exactly, saved and replayed."""

from __future__ import annotations

import numpy as np
import pytest
from learner_loops import engine_start, learner_loop
from run_state import mazur_loss, state

from engine.core.errors import EngineError
from engine.io.session_open import load_session
from engine.io.session_save import save_session
from engine.models.config import Config
from engine.models.presets import MAZUR, XOR
from engine.training.edit_log import hand_edits
from engine.training.stepper import Stepper


def test_a_target_edit_changes_E_as_plain_pytorch_says():
    stepper = Stepper(MAZUR)
    stepper.run(1)
    stepper.edit_parameter("target_o1", 0.5)
    assert stepper.snapshot.phase == "edit" and stepper.snapshot.focus == "target_o1"
    assert stepper.data_rows() == (((0.05, 0.10),), ((0.5, 0.99),))
    params = stepper.params()
    stepper.step_iteration()
    assert stepper.trajectory.losses[1] == mazur_loss(params, [[0.05, 0.10]], [[0.5, 0.99]])


def test_an_input_edit_changes_the_input_neuron_and_E():
    stepper = Stepper(MAZUR)
    stepper.edit_parameter("i2", -0.4)
    assert stepper.snapshot.neurons["i2"].out == -0.4
    params = stepper.params()
    while stepper.snapshot.loss is None:
        stepper.step_phase()
    assert stepper.snapshot.loss == mazur_loss(params, [[0.05, -0.4]], [[0.01, 0.99]])


def test_back_undoes_a_data_edit_bit_for_bit():
    stepper = Stepper(MAZUR.replace(optimizer="adam", lr=0.1))
    stepper.run(2)
    before = state(stepper)
    stepper.edit_parameter("i1", 3.0)
    stepper.step_iteration()
    stepper.back()  # into the edited iteration: the edited data stays
    assert stepper.data_rows()[0] == ((3.0, 0.10),)
    while stepper.snapshot.phase != "edit":
        stepper.back()
    stepper.back()
    assert state(stepper) == before
    # Going forward again computes with the original data.
    stepper.step_iteration()
    plain = Stepper(MAZUR.replace(optimizer="adam", lr=0.1))
    plain.run(3)
    assert stepper.trajectory.losses[2] == plain.trajectory.losses[2]


def test_goto_across_a_data_edit_finds_the_data_of_each_position():
    stepper = Stepper(MAZUR)
    stepper.run(3)
    stepper.edit_parameter("target_o2", 0.1)
    stepper.run(2)
    end = state(stepper)
    stepper.goto(5)
    assert stepper.data_rows()[1] == ((0.01, 0.99),)
    stepper.goto(stepper.max_tick)
    assert state(stepper) == end


def test_reset_restores_the_configured_data():
    stepper = Stepper(MAZUR)
    stepper.edit_parameter("target_o1", 0.7)
    stepper.reset()
    assert stepper.data_rows() == (MAZUR.inputs, MAZUR.targets)


def test_later_samples_are_named_with_their_number():
    stepper = Stepper(XOR)
    stepper.edit_parameter("target_o1@3", 0.25)
    assert stepper.data_rows()[1][2] == (0.25,)
    assert [(e.label, e.value) for e in hand_edits(stepper)] == [("target_o1@3", 0.25)]
    for label in ("i3", "target_h1", "i1@5", "i1@1", "target_o1@0", "x"):
        with pytest.raises(EngineError, match="unknown"):
            stepper.edit_parameter(label, 1.0)


def test_a_session_with_data_edits_reopens_and_verifies(tmp_path):
    stepper = Stepper(XOR)
    stepper.run(2)
    stepper.edit_parameter("i2@2", 0.5)
    stepper.edit_parameter("w1", 0.25)
    stepper.run(3)
    stepper.edit_parameter("target_o1", 0.75)
    stepper.step_phase()
    save_session(stepper, tmp_path / "s.json")
    loaded = load_session(tmp_path / "s.json")
    assert loaded.data_rows() == stepper.data_rows()
    assert loaded.trajectory.losses.tobytes() == stepper.trajectory.losses.tobytes()
    assert [(e.label, e.value) for e in hand_edits(loaded)] == [
        ("i2@2", 0.5),
        ("w1", 0.25),
        ("target_o1", 0.75),
    ]


def test_a_session_naming_a_value_the_data_lacks_is_refused(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.edit_parameter("target_o2", 0.5)
    save_session(stepper, tmp_path / "s.json")
    text = (tmp_path / "s.json").read_text(encoding="utf-8")
    for label in ("target_o3", "i1@2", "i1@01"):
        (tmp_path / "bad.json").write_text(text.replace('"target_o2"', f'"{label}"'))
        with pytest.raises(EngineError, match="unknown label"):
            load_session(tmp_path / "bad.json")


# -- runs with a dataset -----------------------------------------------------------------------
LOOP_RUN = Config(
    preset="moons-edits",
    layers=(2, 3, 2),
    activations=("tanh", "identity"),
    loss="cross_entropy",
    lr=0.3,
    seed=5,
    dataset="moons",
    inputs=(),
    targets=(),
    batch_size=16,
    val_share=0.25,
    train_biases=True,
)


@pytest.mark.parametrize("label", ["i1", "i2@3", "target_o1", "target_o2@5"])
def test_a_data_edit_of_a_dataset_run_is_refused_and_the_run_kept(label):
    stepper = Stepper(LOOP_RUN)
    stepper.run(3)
    before, tick = state(stepper), stepper.tick
    with pytest.raises(EngineError, match="value of the dataset's samples"):
        stepper.edit_parameter(label, 0.5)
    with pytest.raises(EngineError, match="value of the dataset's samples"):
        stepper.restart_iteration_with(label, 0.5)
    assert state(stepper) == before and stepper.tick == tick


def test_a_parameter_edit_between_epochs_of_a_dataset_run_matches_a_learner_loop():
    stepper = Stepper(LOOP_RUN)
    start = engine_start(stepper)
    per_epoch = stepper.timeline.per_epoch
    stepper.run(per_epoch)  # one whole epoch, its evaluation included
    stepper.edit_parameter("w4", -0.75)  # w4: i2 -> h2, row 1 column 1 of the first weight
    stepper.edit_parameter("b_o2", 0.25)
    stepper.run(per_epoch + 3)
    edits = {per_epoch: [(0, (1, 1), -0.75), (3, (1,), 0.25)]}
    learner = learner_loop(LOOP_RUN, start, 2 * per_epoch + 3, edits=edits)
    assert stepper.trajectory.losses.tolist() == learner.losses
    assert np.array_equal(stepper.trajectory.current, learner.params)
    evaluations = [
        (e.train_loss, e.val_loss, e.val_accuracy) for e in stepper.trajectory.evaluations
    ]
    assert evaluations == learner.evaluations and len(evaluations) == 2
