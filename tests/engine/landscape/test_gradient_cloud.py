"""Per-sample gradients, batch gradients and their variance against plain PyTorch and numpy."""

import itertools

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from engine.core.errors import EngineError
from engine.landscape.gradient_cloud import (
    batch_draws,
    batch_noise,
    batch_variance,
    estimated_variance,
    exact_batch_variance,
    gradient_cloud,
)
from engine.landscape.per_sample import (
    MEAN,
    SUM,
    all_sample_gradients,
    reduction,
    sample_gradients,
)
from engine.models.build import build_model
from engine.models.config import Config
from engine.models.losses import LOSS_NAMES, get_loss
from engine.models.presets import MAZUR, PRESETS

# The losses as a learner writes them, with class labels where PyTorch wants them.
PLAIN_LOSSES = {
    "half_sse": lambda out, t: 0.5 * ((t - out) ** 2).sum(),
    "mse": lambda out, t: F.mse_loss(out, t),
    "cross_entropy": lambda out, t: F.cross_entropy(out, t.argmax(dim=1)),
    "nll": lambda out, t: F.nll_loss(out, t.argmax(dim=1)),
}
OUTPUT_FOR = {"half_sse": "sigmoid", "mse": "sigmoid", "cross_entropy": "identity",
              "nll": "log_softmax"}  # fmt: skip


def moons(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles with noise, and a third class at the centre, one-hot."""
    rng = np.random.default_rng(seed)
    angle = rng.uniform(0, np.pi, n)
    label = rng.integers(0, 3, n)
    x = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    x[label == 1] = 1 - x[label == 1] + [0, 0.5]
    x[label == 2] *= 0.2
    x += rng.normal(0, 0.1, x.shape)
    return x, np.eye(3)[label]


def xor_four() -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return x, np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]])


def config_for(layers: tuple[int, ...], loss: str, x: np.ndarray, y: np.ndarray, **more) -> Config:
    hidden = ("tanh",) * (len(layers) - 2)
    return Config(preset="test", layers=layers, activations=hidden + (OUTPUT_FOR[loss],),
                  loss=loss, inputs=tuple(map(tuple, x)), targets=tuple(map(tuple, y)), seed=3,
                  **more)  # fmt: skip


def mazur_four(loss: str) -> tuple[Config, dict[str, float], np.ndarray, np.ndarray]:
    x, y = xor_four()
    config = MAZUR.replace(loss=loss, activations=("sigmoid", OUTPUT_FOR[loss]),
                           inputs=tuple(map(tuple, x)), targets=tuple(map(tuple, y)))  # fmt: skip
    return config, dict(MAZUR.initial_params), x, y


def moons_net(loss: str) -> tuple[Config, dict[str, float], np.ndarray, np.ndarray]:
    x, y = moons(40)
    config = config_for((2, 4, 3), loss, x, y, train_biases=True)
    model = build_model(config)
    values = {info.label: float(v) for info, v in zip(model.params, model.values(), strict=True)}
    return config, values, x, y


CASES = [pytest.param(make, loss, id=f"{make.__name__}-{loss}")
         for make in (mazur_four, moons_net) for loss in LOSS_NAMES]  # fmt: skip


def loop_gradient(config, values, x, y, rows) -> np.ndarray:
    """loss.backward() on the batch of `rows`, every parameter (frozen ones too) in order."""
    model = build_model(config)
    model.set_values(values)
    for p in model.parameters():
        p.requires_grad_(True)
    rows = list(rows)
    xb = torch.tensor(x[rows], dtype=torch.float64)
    yb = torch.tensor(y[rows], dtype=torch.float64)
    PLAIN_LOSSES[config.loss](model(xb), yb).backward()
    return torch.cat([p.grad.reshape(-1) for p in model.parameters()]).numpy()


@pytest.mark.parametrize(("make", "loss"), CASES)
def test_per_sample_gradients_equal_one_backward_per_sample(make, loss):
    config, values, x, y = make(loss)
    gradients = all_sample_gradients(config, values, x, y)
    loop = np.stack([loop_gradient(config, values, x, y, [n]) for n in range(len(x))])
    assert gradients.per_sample.shape == loop.shape
    np.testing.assert_allclose(gradients.per_sample, loop, rtol=0, atol=1e-12)
    assert np.abs(loop).max() > 1e-3  # the samples do pull somewhere


@pytest.mark.parametrize(("make", "loss"), CASES)
def test_the_cloud_batch_and_full_arrows_equal_backward_on_batch_and_set(make, loss):
    config, values, x, y = make(loss)
    batch = np.array([3, 0, 2]) if len(x) == 4 else np.array([5, 17, 2, 30, 11, 8, 9])
    axes = ("w5", "w6") if len(x) == 4 else ("w9", "w14")
    cloud = gradient_cloud(config, values, x, y, batch, axes)
    columns = [build_model(config).index[a] for a in axes]
    batch_loop = loop_gradient(config, values, x, y, batch)[columns]
    full_loop = loop_gradient(config, values, x, y, range(len(x)))[columns]
    np.testing.assert_allclose(cloud.batch, batch_loop, rtol=0, atol=1e-12)
    np.testing.assert_allclose(cloud.full, full_loop, rtol=0, atol=1e-12)
    singles = np.stack([loop_gradient(config, values, x, y, [n])[columns] for n in batch])
    np.testing.assert_allclose(cloud.per_sample, singles, rtol=0, atol=1e-12)
    assert cloud.axes == axes
    assert not (cloud.per_sample.flags.writeable or cloud.batch.flags.writeable)
    assert cloud.at == tuple(values[a] for a in axes)
    # the batch arrow is the samples' sum for half_sse and their mean for every other loss
    combined = singles.sum(axis=0) if loss == "half_sse" else singles.mean(axis=0)
    np.testing.assert_allclose(cloud.batch, combined, rtol=0, atol=1e-12)


def test_an_untrained_bias_still_has_its_gradient_along_an_axis():
    config, values, x, y = mazur_four("half_sse")
    assert not config.train_biases
    cloud = gradient_cloud(config, values, x, y, np.array([0, 1]), ("b_o1", "w5"))
    np.testing.assert_allclose(cloud.batch, loop_gradient(config, values, x, y, [0, 1])[[10, 6]],
                               rtol=0, atol=1e-12)  # fmt: skip


def test_reduction_is_measured_sum_only_for_half_sse():
    assert {name: reduction(get_loss(name)) for name in LOSS_NAMES} == {
        "half_sse": SUM, "mse": MEAN, "cross_entropy": MEAN, "nll": MEAN}  # fmt: skip


# -- variance ------------------------------------------------------------------------------------
def test_the_estimate_is_numpys_covariance_trace_of_the_drawn_batches():
    x, y = moons(10, seed=2)
    config = config_for((2, 4, 3), "cross_entropy", x, y, train_biases=True)
    values = dict(zip((i.label for i in build_model(config).params),
                      build_model(config).values(), strict=True))  # fmt: skip
    gradients = all_sample_gradients(config, values, x, y)
    draws = batch_draws(gradients, 5, seed=7, draws=30)
    assert draws.shape == (30, gradients.trained.sum())
    expected = np.trace(np.cov(draws.T))
    assert estimated_variance(gradients, np.array([5]), 7, 30)[0] == pytest.approx(expected, 1e-12)
    # every draw is the mean gradient of 5 different samples
    trained = gradients.per_sample[:, gradients.trained]
    for row in draws:
        matches = [c for c in itertools.combinations(range(len(x)), 5)
                   if np.allclose(trained[list(c)].mean(axis=0), row, atol=1e-13)]  # fmt: skip
        assert len(matches) == 1


def test_the_exact_variance_is_the_average_over_every_batch_of_that_size():
    """Enumerate every batch of B of 7 samples: their mean gradients' spread is the formula."""
    x, y = moons(7, seed=4)
    config = config_for((2, 3, 3), "mse", x, y)
    values = dict(zip((i.label for i in build_model(config).params),
                      build_model(config).values(), strict=True))  # fmt: skip
    trained = all_sample_gradients(config, values, x, y)
    g = trained.per_sample[:, trained.trained]
    for size, exact in exact_batch_variance(config, values, x, y, range(1, 8)):
        means = np.array([g[list(c)].mean(axis=0) for c in itertools.combinations(range(7), size)])
        assert exact == pytest.approx(np.var(means, axis=0).sum(), rel=1e-10, abs=1e-15)
        formula = np.trace(np.cov(g.T, bias=True)) / size * (7 - size) / 6
        assert exact == pytest.approx(formula, rel=1e-12, abs=1e-15)


def test_variance_counts_only_trained_parameters():
    config, values, x, y = mazur_four("mse")
    gradients = all_sample_gradients(config, values, x, y)
    weights = [i for i, label in enumerate(gradients.labels) if label.startswith("w")]
    assert list(np.flatnonzero(gradients.trained)) == weights
    (_, exact), = exact_batch_variance(config, values, x, y, [1])  # fmt: skip
    assert exact == pytest.approx(np.trace(np.cov(gradients.per_sample[:, weights].T, bias=True)))
    assert np.var(gradients.per_sample[:, 8:], axis=0).sum() > 0  # the biases would add to it


def test_the_estimate_approaches_the_exact_value_and_falls_as_one_over_b():
    config, values, x, y = moons_net("nll")
    sizes = [1, 2, 4, 8, 16]
    noise = batch_noise(config, values, x, y, sizes, seed=1, draws=4000)
    exact = noise.exact[noise.sizes - 1]
    np.testing.assert_allclose(noise.estimate, exact, rtol=0.08)
    n = noise.samples
    np.testing.assert_allclose(exact[0] / exact, np.array(sizes) * (n - 1) / (n - np.array(sizes)))
    assert batch_variance(config, values, x, y, sizes, seed=1, draws=4000) == [
        (b, float(v)) for b, v in zip(sizes, noise.estimate, strict=True)]  # fmt: skip
    assert noise.exact[-1] == 0.0  # the whole set every time: no noise at all


def test_a_sum_reduced_loss_scales_the_batch_gradient_variance_by_b_squared():
    x, y = moons(12)
    config = config_for((2, 3, 3), "half_sse", x, y)
    values = dict(zip((i.label for i in build_model(config).params),
                      build_model(config).values(), strict=True))  # fmt: skip
    g = all_sample_gradients(config, values, x, y)
    sums = np.array([g.per_sample[list(c)][:, g.trained].sum(axis=0)
                     for c in itertools.combinations(range(12), 3)])  # fmt: skip
    ((_, exact),) = exact_batch_variance(config, values, x, y, [3])
    assert exact == pytest.approx(np.var(sums, axis=0).sum(), rel=1e-10)


# -- refusals ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"batch": np.array([0, 4])}, "between 0 and 3"),
        ({"batch": np.array([], dtype=int)}, "non-empty"),
        ({"batch": np.array([0.5])}, "non-empty"),
        ({"axes": ("w5", "w99")}, "unknown parameter"),
        ({"axes": ("w5", "w5")}, "two different"),
        ({"axes": ("w5", "w6", "w7")}, "exactly two"),
        ({"x": np.zeros((4, 3))}, "rows of 2"),
        ({"y": np.full((4, 2), np.nan)}, "finite"),
    ],
)
def test_bad_requests_are_refused_with_one_line(change, message):
    config, values, x, y = mazur_four("mse")
    request = {"x": x, "y": y, "batch": np.array([0, 1]), "axes": ("w5", "w6")} | change
    with pytest.raises(EngineError, match=message):
        gradient_cloud(config, values, **request)


@pytest.mark.parametrize("sizes", [[0], [5], []])
def test_batch_sizes_outside_the_set_are_refused(sizes):
    config, values, x, y = mazur_four("mse")
    with pytest.raises(EngineError, match="batch size"):
        batch_variance(config, values, x, y, sizes, seed=0)


def test_a_test_function_has_no_samples():
    with pytest.raises(EngineError, match="test function"):
        gradient_cloud(PRESETS["rosenbrock"], {}, np.zeros((1, 2)), np.zeros((1, 1)),
                       np.array([0]), ("x", "y"))  # fmt: skip


def test_per_sample_gradients_made_in_chunks_are_the_same():
    config, values, x, y = moons_net("nll")
    model = build_model(config)
    model.set_values(values)
    inputs, targets = (torch.tensor(a, dtype=torch.float64) for a in (x, y))
    whole = sample_gradients(model, get_loss("nll"), inputs, targets)
    parts = sample_gradients(model, get_loss("nll"), inputs, targets, chunk_numbers=3 * 27)
    np.testing.assert_array_equal(parts, whole)  # 3 samples of 27 parameters a chunk
