"""Test functions, batched basin maps and the optimizer race, on the real torch.optim."""

import math

import numpy as np
import pytest
import torch

from engine.landscape.descent import Race, basin_map, descend, standard_race
from engine.models.config import Config
from engine.models.test_functions import FUNCTIONS

SGD = Config(preset="test", optimizer="sgd", lr=0.01)


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_minima_are_stationary_points_where_the_literature_puts_them(name):
    fn = FUNCTIONS[name]
    for x0, y0 in fn.minima:
        x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
        y = torch.tensor(y0, dtype=torch.float64, requires_grad=True)
        value = fn(x, y)
        value.backward()
        assert abs(x.grad) < 1e-4 and abs(y.grad) < 1e-4
        if fn.has_minimum:
            assert float(value.detach()) == pytest.approx(0.0, abs=1e-9)  # all minima are at 0
            steps = 2 if fn.dims == 1 else 4  # the parabola does not depend on y
            dx = torch.tensor([0.01, -0.01, 0, 0], dtype=torch.float64)[:steps]
            dy = torch.tensor([0, 0, 0.01, -0.01], dtype=torch.float64)[:steps]
            nearby = fn(x.detach() + dx, y.detach() + dy)
            assert (nearby > value.detach()).all()


@pytest.mark.parametrize(
    "name", ["parabola", "bowl", "ill_conditioned", "rosenbrock", "beale", "himmelblau"]
)
def test_an_optimizer_reaches_the_minimum_from_the_start(name):
    fn = FUNCTIONS[name]
    config = Config(preset="test", optimizer="adam", lr=0.02)
    end = descend(fn, np.array([fn.start]), config, 5000)[0]
    distance = min(math.dist(end, m) for m in fn.minima)
    assert distance < 1e-2, (name, end)


def test_gradient_descent_stops_in_a_local_minimum_of_rastrigin():
    fn = FUNCTIONS["rastrigin"]
    end = descend(fn, np.array([fn.start]), SGD.replace(lr=0.002), 3000)[0]
    assert np.allclose(end, [1.99, 1.99], atol=0.01)  # not (0, 0)


def test_saddle_repels_gradient_descent():
    fn = FUNCTIONS["saddle"]
    end = descend(fn, np.array([[1.0, 1e-3]]), SGD.replace(lr=0.1), 60)[0]
    assert abs(end[0]) < 1e-3 and abs(end[1]) > 1  # x converges, y runs away


def test_batched_starts_equal_separate_runs():
    fn = FUNCTIONS["himmelblau"]
    starts = np.array([[0.0, 0.0], [-1.0, 4.0], [-4.0, -4.0], [4.0, -3.0]])
    config = Config(preset="test", optimizer="adam", lr=0.05)
    together = descend(fn, starts, config, 100)
    for i, start in enumerate(starts):
        assert np.array_equal(together[i], descend(fn, start[None], config, 100)[0])


def test_himmelblau_basin_map_finds_its_four_minima():
    result = basin_map(FUNCTIONS["himmelblau"], SGD, steps=200, res=32)
    found, counts = np.unique(result.basin, return_counts=True)
    assert set(found) == {0, 1, 2, 3} and counts.min() > 100
    assert np.nanmax(result.loss) < 1e-6
    corner = result.basin[0, 0]  # start (−5, −5) ends in the (−3.78, −3.28) basin
    assert result.minima[corner] == (-3.779310, -3.283186)


def test_race_steps_every_optimizer_together():
    fn = FUNCTIONS["rosenbrock"]
    race = Race(fn, standard_race(fn.lr), fn.start)
    race.step(500)
    assert len(race.racers) == 7
    assert all(len(r.path) == 501 and r.path[0] == fn.start for r in race.racers)
    final = {r.name: r.losses[-1] for r in race.racers}
    assert final["Adam"] < final["SGD"]  # the adaptive step follows the curved valley faster
