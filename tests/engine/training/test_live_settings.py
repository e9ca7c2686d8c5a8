"""Optimizer hyperparameters changed mid-run keep the run, and back() crosses the change exactly."""

import numpy as np
import pytest
import torch
from formula_checks import check_formulas, leaves
from learner_loops import engine_start, learner_loop
from torch import nn

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.edit_log import settings_changes
from engine.training.live_settings import live_changes
from engine.training.stepper import Stepper

ADAM = MAZUR.replace(optimizer="adam", lr=0.05, train_biases=True)


def plain_loop(iterations: int, change_at: int, new_lr: float) -> list[torch.Tensor]:
    """The learner's own script: Adam, and at `change_at` the lr set on every param group."""
    model = nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 2), nn.Sigmoid()).double()
    values = dict(MAZUR.initial_params)
    with torch.no_grad():
        model[0].weight.copy_(
            torch.tensor(
                [[values["w1"], values["w2"]], [values["w3"], values["w4"]]], dtype=torch.float64
            )
        )
        model[2].weight.copy_(
            torch.tensor(
                [[values["w5"], values["w6"]], [values["w7"], values["w8"]]], dtype=torch.float64
            )
        )
        model[0].bias.fill_(0.35)
        model[2].bias.fill_(0.60)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    x = torch.tensor([[0.05, 0.10]], dtype=torch.float64)
    target = torch.tensor([[0.01, 0.99]], dtype=torch.float64)
    for iteration in range(iterations):
        if iteration == change_at:
            for g in optimizer.param_groups:
                g["lr"] = new_lr
        optimizer.zero_grad()
        loss = 0.5 * ((target - model(x)) ** 2).sum()
        loss.backward()
        optimizer.step()
    return [p.detach() for p in model.parameters()]


def engine_tensors(stepper: Stepper) -> list[torch.Tensor]:
    return [t.detach() for lin in stepper.model.linears for t in (lin.weight, lin.bias)]


def exact_state(stepper: Stepper) -> tuple:
    """Parameters, gradients and the optimizer's state dict, as bytes where they are tensors."""
    optimizer = stepper.optimizer.state_dict()
    state = {
        key: {name: np.asarray(value).tobytes() for name, value in entry.items()}
        for key, entry in optimizer["state"].items()
    }
    groups = [{k: v for k, v in g.items() if k != "params"} for g in optimizer["param_groups"]]
    grads = stepper.model.grads()
    return (
        stepper.model.values().tobytes(),
        None if grads is None else grads.tobytes(),
        state,
        groups,
    )


def test_lr_change_after_200_iterations_keeps_the_history():
    stepper = Stepper(ADAM)
    stepper.run(200)
    losses = stepper.trajectory.losses.copy()
    snapshot = stepper.change_settings(stepper.config.replace(lr=0.9))
    assert stepper.iteration == 200 and stepper.trajectory.length == 200
    np.testing.assert_array_equal(stepper.trajectory.losses, losses)
    assert snapshot.phase == "edit" and stepper.can_go_back
    assert stepper.config.lr == 0.9
    assert all(g["lr"] == 0.9 for g in stepper.optimizer.param_groups)
    assert [c.text for c in settings_changes(stepper)] == ["lr 0.05 → 0.9"]


def test_the_run_after_the_change_equals_a_plain_loop_that_sets_param_groups():
    stepper = Stepper(ADAM)
    stepper.run(200)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.run(30)
    for ours, theirs in zip(engine_tensors(stepper), plain_loop(230, 200, 0.9), strict=True):
        torch.testing.assert_close(ours, theirs, rtol=0, atol=1e-15)
    unchanged = plain_loop(230, 10**9, 0.9)
    assert not torch.allclose(engine_tensors(stepper)[0], unchanged[0])


def test_back_across_the_change_restores_everything_bit_for_bit():
    plain = Stepper(ADAM)
    plain.run(200)
    stepper = Stepper(ADAM)
    stepper.run(200)
    before = exact_state(stepper)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.back()
    assert exact_state(stepper) == before == exact_state(plain)
    assert stepper.config == ADAM and stepper.snapshot == plain.snapshot
    assert settings_changes(stepper) == ()


def test_goto_replays_across_the_change_exactly():
    straight = Stepper(ADAM)
    straight.run(200)
    straight.change_settings(straight.config.replace(lr=0.9))
    straight.run(40)
    expected = exact_state(straight)
    end = straight.tick
    straight.goto(3)  # far back: the change is undone, then replayed
    assert straight.config.lr == 0.05
    straight.goto(end)
    assert exact_state(straight) == expected and straight.config.lr == 0.9


def test_stepping_on_after_undoing_the_change_forgets_it():
    stepper = Stepper(ADAM)
    stepper.run(5)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.back()
    stepper.run(3)
    assert stepper.config.lr == 0.05 and settings_changes(stepper) == ()
    other = Stepper(ADAM)
    other.run(8)
    assert exact_state(stepper) == exact_state(other)


def test_a_change_before_the_optimizer_exists_is_used_when_it_is_built():
    stepper = Stepper(MAZUR)
    stepper.change_settings(MAZUR.replace(lr=0.9, momentum=0.5))
    stepper.run(3)
    reference = Stepper(MAZUR.replace(lr=0.9, momentum=0.5))
    reference.run(3)
    assert stepper.params() == reference.params()
    stepper.goto(1)  # the change is position 1
    assert stepper.config.lr == 0.9
    stepper.back()
    assert stepper.config == MAZUR and stepper.tick == 0


def test_reset_returns_to_the_settings_the_run_was_built_with():
    stepper = Stepper(ADAM)
    stepper.run(2)
    stepper.change_settings(stepper.config.replace(lr=0.9))
    stepper.reset()
    assert stepper.config == ADAM


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"layers": (2, 3, 2)}, "need a new model"),
        ({"optimizer": "adam"}, "need a new model"),
        ({}, "unchanged"),
        ({"nesterov": True}, "Nesterov"),  # torch refuses nesterov without momentum
    ],
)
def test_refusals_change_nothing(change, words):
    stepper = Stepper(MAZUR)
    stepper.run(2)
    before = exact_state(stepper), stepper.tick, stepper.config
    with pytest.raises(EngineError, match=words):
        stepper.change_settings(stepper.config.replace(**change))
    assert (exact_state(stepper), stepper.tick, stepper.config) == before


def test_mid_iteration_the_change_is_refused_before_anything_changes():
    stepper = Stepper(MAZUR)
    stepper.step_phase()
    with pytest.raises(EngineError, match="finish or rewind"):
        stepper.change_settings(MAZUR.replace(lr=0.9))
    assert stepper.config == MAZUR and stepper.micro == 1


def test_live_changes_names_only_optimizer_settings():
    assert live_changes(MAZUR, MAZUR.replace(lr=0.1, betas=(0.8, 0.9))) == (
        ("lr", 0.5, 0.1),
        ("betas", (0.9, 0.999), (0.8, 0.9)),
    )
    assert live_changes(MAZUR, MAZUR.replace(lr=0.1, dtype="float32")) is None


def test_the_update_formula_after_the_change_uses_the_new_lr_and_evaluates_to_the_step():
    """SGD: w5 ← w5 − lr·∂E/∂w5, with lr the new value, equal to what the real step did."""
    stepper = Stepper(MAZUR)
    stepper.run(3)
    stepper.change_settings(MAZUR.replace(lr=0.9))
    snapshot = stepper.step_phase()
    while not (snapshot.phase == "step" and snapshot.focus == "w5"):
        snapshot = stepper.step_phase()
    check_formulas(snapshot, "float64")
    update = snapshot.formulas[-1]
    lrs = [leaf.number for leaf in leaves(update.expression) if leaf.symbol in ("lr", "η")]
    assert lrs == [0.9]
    old, new = snapshot.previous_params["w5"], snapshot.params["w5"]
    grad = snapshot.grads["w5"]
    assert new == old - 0.9 * grad  # the plain SGD rule, computed here
    assert update.result == new


def test_a_change_after_n_iterations_first_moves_the_loss_of_iteration_n_plus_2():
    """Why the loss plot marks a change at n + 1.5 and the parameter plot at n + 0.5: the
    change acts at iteration n + 1's step, after that iteration's forward pass."""
    changed, plain = Stepper(MAZUR), Stepper(MAZUR)
    changed.run(2)
    changed.change_settings(changed.config.replace(lr=2.0))
    changed.run(3)
    plain.run(5)
    losses, same = changed.trajectory.losses, plain.trajectory.losses
    assert list(losses[:3]) == list(same[:3])  # iterations 1 to 3: untouched
    assert losses[3] != same[3]  # iteration 4 = n + 2: the first loss the new lr moved


# -- runs with the loop around the model -------------------------------------------------------
LOOP_RUN = Config(
    preset="moons-live",
    layers=(2, 3, 2),
    activations=("tanh", "identity"),
    loss="cross_entropy",
    lr=0.3,
    seed=2,
    dataset="moons",
    inputs=(),
    targets=(),
    batch_size=20,
    val_share=0.2,
    train_biases=True,
)


def test_a_live_lr_change_on_a_dataset_run_matches_a_learner_loop():
    stepper = Stepper(LOOP_RUN)
    start = engine_start(stepper)
    stepper.run(7)  # inside the first epoch
    stepper.change_settings(stepper.config.replace(lr=0.05))
    stepper.run(stepper.timeline.per_epoch)
    learner = learner_loop(LOOP_RUN, start, stepper.iteration, new_lrs={7: 0.05})
    assert stepper.trajectory.lrs.tolist() == learner.lrs
    assert stepper.trajectory.losses.tolist() == learner.losses
    assert np.array_equal(stepper.trajectory.current, learner.params)


@pytest.mark.parametrize("step", ["batch", "epoch"])
def test_a_live_lr_change_under_a_schedule_is_refused(step):
    stepper = Stepper(LOOP_RUN.replace(scheduler="StepLR:step_size=3", scheduler_step=step))
    stepper.run(4)
    before = exact_state(stepper), stepper.tick, stepper.config
    with pytest.raises(EngineError, match="schedule sets lr"):
        stepper.change_settings(stepper.config.replace(lr=0.05))
    assert (exact_state(stepper), stepper.tick, stepper.config) == before


def test_other_live_changes_under_a_schedule_still_work():
    """The schedule sets only lr: momentum is the learner's to change."""
    config = LOOP_RUN.replace(scheduler="StepLR:step_size=3", momentum=0.5)
    stepper = Stepper(config)
    stepper.run(4)
    stepper.change_settings(stepper.config.replace(momentum=0.9))
    assert all(g["momentum"] == 0.9 for g in stepper.optimizer.param_groups)


def test_a_momentum_change_under_one_cycle_is_refused_unless_it_does_not_cycle():
    cycling = LOOP_RUN.replace(momentum=0.9, scheduler="OneCycleLR:total_steps=200")
    stepper = Stepper(cycling)
    stepper.run(2)
    before = exact_state(stepper), stepper.tick
    with pytest.raises(EngineError, match="OneCycleLR sets the momentum"):
        stepper.change_settings(stepper.config.replace(momentum=0.5))
    assert (exact_state(stepper), stepper.tick) == before
    fixed = Stepper(cycling.replace(scheduler="OneCycleLR:total_steps=200,cycle_momentum=false"))
    fixed.run(2)
    fixed.change_settings(fixed.config.replace(momentum=0.5))
    assert all(g["momentum"] == 0.5 for g in fixed.optimizer.param_groups)
