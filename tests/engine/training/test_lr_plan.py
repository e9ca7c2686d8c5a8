"""The schedule's plan, per iteration, against torch.optim.lr_scheduler stepped by hand here,
and against the learning rates the run's steps then used."""

from __future__ import annotations

import numpy as np
from helpers.loop_runs import moons_config as moons
from helpers.loop_runs import warmup_cosine_lrs

from engine.models.presets import MAZUR
from engine.training.lr_plan import planned_iteration_lrs
from engine.training.stepper import Stepper


def test_per_batch_the_plan_is_the_plain_schedule_and_what_the_run_used() -> None:
    config = moons()
    stepper = Stepper(config)
    per_epoch = stepper.timeline.per_epoch
    plan = planned_iteration_lrs(config, per_epoch)
    assert plan.size == per_epoch * 5
    np.testing.assert_array_equal(plan, warmup_cosine_lrs(0.3, plan.size))
    assert plan[0] == 0.3 * 0.1 and plan[1:20].tolist() == sorted(plan[1:20].tolist())
    assert plan[20] == 0.3 and plan[40] < plan[21]  # the warm-up peak, then the cosine's fall
    stepper.run(37)
    np.testing.assert_array_equal(stepper.trajectory.lrs, plan[:37])


def test_per_epoch_each_epochs_batches_share_one_lr() -> None:
    config = moons(scheduler="StepLR:step_size=1,gamma=0.5", scheduler_step="epoch")
    stepper = Stepper(config)
    per_epoch = stepper.timeline.per_epoch
    plan = planned_iteration_lrs(config, per_epoch)
    expected = np.repeat([0.3 * 0.5**k for k in range(5)], per_epoch)
    np.testing.assert_array_equal(plan, expected)
    stepper.run(2 * per_epoch + 3)
    np.testing.assert_array_equal(stepper.trajectory.lrs, plan[: 2 * per_epoch + 3])


def test_a_constant_lr_has_no_plan() -> None:
    assert planned_iteration_lrs(MAZUR, 1).size == 0


def test_a_plan_too_long_or_refused_is_not_drawn() -> None:
    long_run = moons(epochs=20_000)  # 25 batches an epoch: 500,000 scheduler steps
    assert planned_iteration_lrs(long_run, 25).size == 0
    too_short = moons(scheduler="OneCycleLR:total_steps=3,cycle_momentum=false")
    assert planned_iteration_lrs(too_short, 25).size == 0
