"""The standalone cloud window: the spin box draws a new batch and the cloud follows."""

import numpy as np
import pytest
import torch

from engine.models.build import build_model
from engine.models.presets import MAZUR
from gui.gradient_cloud_panel import (
    GradientCloudPanel,
    noise_sizes,
    random_batch,
    show_gradient_cloud_window,
)


def moons_on_mazur(samples: int = 40):
    rng = np.random.default_rng(5)
    label = rng.integers(0, 2, samples)
    angle = rng.uniform(0, np.pi, samples)
    x = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    x[label == 1] = 1 - x[label == 1] + [0, 0.5]
    y = np.where(np.eye(2)[label] > 0, 0.99, 0.01)
    config = MAZUR.replace(loss="mse", inputs=tuple(map(tuple, x)), targets=tuple(map(tuple, y)))
    return config, dict(MAZUR.initial_params), x, y


@pytest.fixture
def window(qtbot):
    config, values, x, y = moons_on_mazur()
    shown = show_gradient_cloud_window(config, values, x, y, batch_size=1, seed=3)
    qtbot.addWidget(shown)
    return shown


def test_the_spin_box_changes_the_cloud(window, qtbot):
    panel = window.panel
    assert (panel.batch_size.minimum(), panel.batch_size.maximum()) == (1, 40)
    assert window.cloud.per_sample.shape == (1, 2)
    with qtbot.waitSignal(panel.batchSizeChanged) as signal:
        panel.batch_size.setValue(8)
    assert signal.args == [8]
    assert window.cloud.per_sample.shape == (8, 2)
    assert len(window.view.cloud.item.arrows) == 8 + 2
    assert panel.noise_plot.mark.value() == pytest.approx(np.log10(8))
    # the batch is the first 8 of the seeded generator's permutation; its arrow is the mean
    # loss's gradient on those rows, as one loss.backward() in a plain loop gives it
    rows = torch.randperm(40, generator=torch.Generator().manual_seed(3))[:8]
    model = build_model(window.config)
    model.set_values(window.values)
    xb = torch.tensor(window.x[rows.numpy()])
    yb = torch.tensor(window.y[rows.numpy()])
    torch.nn.functional.mse_loss(model(xb), yb).backward()
    w5, w6 = model.linears[1].weight.grad[0]
    np.testing.assert_allclose(window.cloud.batch, [float(w5), float(w6)], rtol=0, atol=1e-12)
    # and the arrows drawn are those numbers, scaled by the legend's factor
    batch_arrow = window.view.cloud.item.arrows[-1]
    scale = window.view.cloud.scale
    assert batch_arrow.end == pytest.approx((0.4 - scale * float(w5), 0.45 - scale * float(w6)))


def test_the_legend_names_the_batch_size_and_the_scale(window):
    window.panel.batch_size.setValue(5)
    texts = [label.text for _, label in window.view.cloud.legend.items]
    factor = window.view.cloud.factor
    prefix = "−lr·" if factor == 1 else f"−{factor:g}·lr·"
    assert texts == [f"one sample each: {prefix}gᵢ", f"batch of 5: {prefix}g",
                     f"whole training set: {prefix}∇E"]  # fmt: skip


def test_the_variance_plot_shows_the_engines_numbers(window):
    noise = window.panel.noise_plot.noise
    np.testing.assert_array_equal(noise.sizes, [1, 2, 4, 8, 16, 32, 40])
    xs, ys = window.panel.noise_plot.shown_points()
    keep = noise.estimate > 1e-12 * noise.estimate.max()
    np.testing.assert_array_equal(xs, noise.sizes[keep])
    np.testing.assert_array_equal(ys, noise.estimate[keep])


def test_a_bigger_batch_holds_the_smaller_ones_samples():
    assert list(random_batch(40, 3, 3)) == list(random_batch(40, 8, 3)[:3])
    assert noise_sizes(1) == [1] and noise_sizes(8) == [1, 2, 4, 8]


def test_a_panel_offers_one_to_n(qtbot):
    panel = GradientCloudPanel(1797)
    qtbot.addWidget(panel)
    assert panel.batch_size.maximum() == 1797
    panel.set_samples(4)
    assert panel.batch_size.maximum() == 4


def test_a_batch_size_outside_the_set_is_refused_and_the_cloud_kept(window):
    before = window.cloud
    for size in (0, 41):
        window.show_batch(size)
        assert window.message.text() == "a batch size must be between 1 and 40"
        assert window.cloud is before and len(window.view.cloud.item.arrows) == 1 + 2
    window.show_batch(2)
    assert window.message.text() == "" and window.cloud.per_sample.shape == (2, 2)
