"""Classification playground: it learns the circle, and the comparison table is reproducible."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from engine.labs.csv_points import parse_points_csv
from engine.labs.head_comparison import compare_heads
from engine.labs.output_heads import HEAD_KEYS, get_head, notes_log_softmax
from engine.labs.playground import Playground, PlaygroundConfig


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_tanh_network_learns_the_circle(seed: int) -> None:
    playground = Playground(PlaygroundConfig(dataset="circle", activation="tanh", seed=seed))
    playground.train_epochs(100)
    assert playground.history[-1].test_accuracy >= 0.95
    assert playground.epoch == 100 and playground.history[-1].epoch == 100


def test_recorded_accuracy_and_loss_are_the_real_ones() -> None:
    playground = Playground(PlaygroundConfig(dataset="xor", seed=3))
    record = playground.train_epochs(20)[-1]
    for part, accuracy, loss in (
        (playground.test, record.test_accuracy, record.test_loss),
        (playground.train, record.train_accuracy, record.train_loss),
    ):
        predicted = playground.predict(part.xy)
        assert accuracy == np.mean(predicted == part.labels)
        logits = playground.model(torch.from_numpy(part.xy))
        expected = F.cross_entropy(logits, torch.from_numpy(part.labels)).item()
        assert loss == pytest.approx(expected, rel=1e-12)  # log_softmax + nll is cross-entropy


def test_training_is_reproducible_and_depends_on_the_seed() -> None:
    def history(seed: int) -> list:
        playground = Playground(PlaygroundConfig(dataset="spiral", hidden=(8, 8), seed=seed))
        playground.train_epochs(15)
        return playground.history

    assert history(1) == history(1)
    assert history(1) != history(2)


def test_heads() -> None:
    z = torch.tensor([[2.0, -1.0, 0.5], [0.1, 0.2, 0.3]], dtype=torch.float64)
    y = torch.tensor([0, 2])
    torch.testing.assert_close(notes_log_softmax(z), torch.log_softmax(z, dim=-1))
    nll = get_head("log_softmax")
    assert nll.loss(nll.activation(z), y).item() == pytest.approx(F.cross_entropy(z, y).item())
    softmax = get_head("softmax")
    p = torch.softmax(z, dim=-1)
    # The demo's nll on probabilities: −mean of the right class's probability.
    assert softmax.loss(softmax.activation(z), y).item() == pytest.approx(
        -(p[0, 0] + p[1, 2]).item() / 2
    )
    for key in HEAD_KEYS:  # every head keeps the logits' order, so predictions agree
        head = get_head(key)
        assert torch.equal(head.activation(z).argmax(dim=1), z.argmax(dim=1))


def test_decision_map_is_the_prediction_on_the_grid() -> None:
    playground = Playground(PlaygroundConfig(dataset="gaussians", seed=0))
    playground.train_epochs(10)
    grid = playground.decision_map(res=30)
    assert grid.classes.shape == (30, 30) and grid.confidence.shape == (30, 30)
    r, c = 7, 21
    point = np.array([[grid.x[c], grid.y[r]]])
    assert grid.classes[r, c] == playground.predict(point)[0]
    assert np.all((grid.confidence >= 0.5) & (grid.confidence <= 1.0))
    x0, x1, y0, y1 = playground.data.bounds()
    assert grid.x[0] == x0 and grid.x[-1] == x1 and grid.y[0] == y0 and grid.y[-1] == y1


def test_own_points_with_three_classes() -> None:
    rng = np.random.default_rng(0)
    centres = np.array([[0, 2], [2, 0], [-2, -2]])
    rows = [(*(centres[k] + 0.3 * rng.normal(size=2)), 10 * k) for k in range(3) for _ in range(30)]
    points = parse_points_csv("\n".join(f"{x},{y},{k}" for x, y, k in rows))
    playground = Playground(PlaygroundConfig(seed=0), points)
    assert playground.model[-1].out_features == 3
    playground.train_epochs(30)
    assert playground.history[-1].test_accuracy >= 0.9


def test_comparison_table_reproduces_its_numbers_for_the_same_seed() -> None:
    config = PlaygroundConfig(dataset="circle", seed=7)
    first = compare_heads(config, epochs=30, activations=("tanh", "relu"))
    second = compare_heads(config, epochs=30, activations=("tanh", "relu"))
    assert first is not None and first == second
    assert len(first) == 2 * len(HEAD_KEYS)
    other = compare_heads(
        PlaygroundConfig(dataset="circle", seed=8), epochs=30, activations=("tanh", "relu")
    )
    assert other != first
    # Each row is the playground trained alone with that output and activation.
    row = first[3]
    alone = Playground(
        PlaygroundConfig(dataset="circle", seed=7, head=row.head, activation=row.activation)
    )
    alone.train_epochs(30)
    assert row.test_accuracy == alone.history[-1].test_accuracy
    assert row.train_loss == alone.history[-1].train_loss


def test_the_notes_finding_log_softmax_beats_sigmoid_and_tanh_with_nll() -> None:
    rows = compare_heads(
        PlaygroundConfig(dataset="circle", seed=0), epochs=100, activations=("tanh",)
    )
    accuracy = {r.head: r.test_accuracy for r in rows}
    assert accuracy["log_softmax"] >= 0.95
    assert accuracy["sigmoid"] < 0.8 and accuracy["tanh"] < 0.8
    assert accuracy["sigmoid_bce"] >= 0.95  # sigmoid with a proper loss learns


def test_comparison_reports_progress_and_stops() -> None:
    seen: list[tuple[int, int]] = []
    rows = compare_heads(
        PlaygroundConfig(),
        epochs=2,
        heads=("softmax", "tanh"),
        activations=("relu",),
        progress=lambda d, n: seen.append((d, n)),
    )
    assert rows is not None and [(r.activation, r.head) for r in rows] == [
        ("relu", "softmax"),
        ("relu", "tanh"),
    ]
    assert seen == [(1, 2), (2, 2)]
    assert compare_heads(PlaygroundConfig(), epochs=2, should_stop=lambda: True) is None


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        PlaygroundConfig(head="relu")
    with pytest.raises(ValueError, match="output activation"):
        PlaygroundConfig(activation="softmax")
    with pytest.raises(ValueError):
        PlaygroundConfig(hidden=())


def test_training_in_time_slices_matches_whole_epochs_exactly(monkeypatch) -> None:
    from engine.labs import playground as module

    clock = iter(range(100_000))
    monkeypatch.setattr(module.time, "monotonic", lambda: next(clock) * 0.01)
    sliced = Playground(PlaygroundConfig())
    calls = 0
    while sliced.epoch < 3:
        sliced.train_for(0.025, epochs=3 - sliced.epoch)  # stops every few batches
        calls += 1
    whole = Playground(PlaygroundConfig())
    whole.train_epochs(3)
    assert calls > 3
    assert [r.test_loss for r in sliced.history] == [r.test_loss for r in whole.history]
    assert all(
        torch.equal(a, b)
        for a, b in zip(sliced.model.parameters(), whole.model.parameters(), strict=True)
    )
