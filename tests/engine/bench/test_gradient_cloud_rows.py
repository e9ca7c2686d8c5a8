"""The gradient-cloud benchmark row: both sides compute the same per-sample gradients."""

import numpy as np

from engine.bench.gradient_cloud_rows import (
    AXES,
    digits_like,
    gradient_cloud_row,
    learners_per_sample,
)
from engine.bench.timing import QUICK
from engine.landscape.gradient_cloud import gradient_cloud


def test_the_row_times_both_sides_and_they_agree():
    row = gradient_cloud_row(QUICK)
    assert row.a > 0 and row.b > 0 and row.ratio == row.b / row.a
    assert row.target == "A < 20 ms" and type(row.ok) is bool  # JSON takes no numpy bool
    assert row.identical or "ulp" in row.numbers
    assert row.ok == (row.a < 0.020)  # the numbers agree, so only the time decides


def test_the_learners_loop_gives_the_clouds_per_sample_gradients():
    config, values, x, y = digits_like()
    assert sum(1 for _ in values) == 650 and x.shape == (1437, 64)
    rows = np.array([3, 700, 1436])
    cloud = gradient_cloud(config, values, x, y, rows, AXES)
    loop = learners_per_sample(config, values, x, y, rows)
    np.testing.assert_allclose(cloud.per_sample, loop, rtol=0, atol=1e-12)
    assert np.abs(loop).max() > 1e-3
