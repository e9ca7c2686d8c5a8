"""The toy generators moved from the classification lab give the same points as before the move:
figures the lab's make_dataset printed before it (numpy's seeded PCG64 streams are stable)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.data.toy_sets import MAKERS, make_points
from engine.labs.datasets import DATASET_NAMES, make_dataset

# name, n, noise, seed: first point, last point, sum of all coordinates, sum of their squares,
# from engine.labs.datasets.make_dataset before the generators moved.
BEFORE = [
    ("circle", 400, 0.05, 0, (0.25469602289531024, -0.1824883122830756),
     (0.6704207636938057, 0.8069456237622328), -15.94800939519057, 167.0999475060525),
    ("circle", 37, 0.1, 7, (0.28187584191788967, 0.28198863473807356),
     (0.0806823781942309, -0.21410765847531416), -3.9490372301822187, 15.622353997615576),
    ("xor", 400, 0.05, 0, (0.6592965019035277, 0.3511261530938928),
     (-0.5309690610167465, 0.935747154544089), 10.802203724322105, 295.1586801404689),
    ("xor", 37, 0.1, 7, (0.6098537381031187, 1.0075657467637913),
     (0.8595209900169022, 0.6158987460280404), 4.082292067357494, 26.222386808808075),
    ("gaussians", 400, 0.05, 0, (-0.5053740632931579, -0.5014697613655982),
     (0.18739790091050898, 0.5100221482490404), -4.892978762577304, 252.07921542104802),
    ("gaussians", 37, 0.1, 7, (-0.3739909639319474, -0.3563732255658069),
     (-0.4900855348666524, -0.5397304887381236), -5.952986819421901, 21.974443604428608),
    ("spiral", 400, 0.05, 0, (0.6408706494101423, -0.1002428446040664),
     (0.35444340675788866, 0.25910467883171057), 2.1652336163781793, 155.63853384941115),
    ("spiral", 37, 0.1, 7, (0.6257471630986596, -0.049004371251070294),
     (-0.33973446516043293, -0.25955801970551673), 1.6711169823106087, 13.124832224577748),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "n", "noise", "seed", "first", "last", "total", "squares"), BEFORE
)
def test_the_labs_sets_are_what_they_were_before_the_move(
    name, n, noise, seed, first, last, total, squares
):
    for points in (make_dataset(name, n, noise, seed), make_points(name, n, noise, seed)):
        assert points.xy.shape == (n, 2) and points.labels.tolist() == [k % 2 for k in range(n)]
        # cos and sin may differ in the last bit between numpy builds; nothing else may.
        assert points.xy[0].tolist() == pytest.approx(first, rel=1e-13, abs=1e-15)
        assert points.xy[-1].tolist() == pytest.approx(last, rel=1e-13, abs=1e-15)
        assert points.xy.sum() == pytest.approx(total, rel=1e-12)
        assert (points.xy**2).sum() == pytest.approx(squares, rel=1e-12)


def test_the_lab_still_offers_its_four_sets_and_nothing_more():
    assert DATASET_NAMES == ("circle", "xor", "gaussians", "spiral")
    assert set(MAKERS) == {*DATASET_NAMES, "moons"}
    with pytest.raises(ValueError, match="unknown dataset 'moons'"):
        make_dataset("moons")


@pytest.mark.parametrize(("n", "noise"), [(3, 0.1), (10, -0.1), (10, 0.6)])
def test_sizes_and_noise_out_of_range_are_refused(n, noise):
    with pytest.raises(ValueError):
        make_points("moons", n, noise)


def test_moons_are_reproducible_from_the_seed():
    assert np.array_equal(make_points("moons", seed=4).xy, make_points("moons", seed=4).xy)
