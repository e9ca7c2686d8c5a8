"""Datasets by name or file: the built-in sets as the presets and the classification lab have
them, the learner's CSV, and bad specs refused in one line."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.core.errors import EngineError
from engine.data.datasets import DATASET_NAMES, load_dataset
from engine.labs.datasets import make_dataset
from engine.models.presets import MAZUR, XOR

FOUR = "0,0,a\n1,1,b\n2,2,a\n3,3,b\n"


def test_every_name_loads_and_says_its_kind():
    kinds = {name: load_dataset(name).kind for name in DATASET_NAMES}
    assert kinds == {
        "mazur": "regression",
        "xor": "regression",
        "moons": "classification",
        "circles": "classification",
        "spirals": "classification",
        "blobs": "classification",
        "sine": "regression",
        "digits": "classification",
    }
    for name in DATASET_NAMES:
        assert load_dataset(f"  {name.upper()} ").name == name


def test_mazur_and_xor_are_the_presets_samples():
    for data, preset in ((load_dataset("mazur"), MAZUR), (load_dataset("xor"), XOR)):
        assert data.x.tolist() == [list(row) for row in preset.inputs]
        assert data.y.tolist() == [list(row) for row in preset.targets]
        assert data.labels is None and data.classes == () and data.x.dtype == np.float64


def test_sine_is_200_points_of_a_seeded_noisy_sine():
    data = load_dataset("sine", seed=3)
    x = np.linspace(-math.pi, math.pi, 200)
    noise = np.random.default_rng(3).standard_normal(200)
    assert data.x.shape == data.y.shape == (200, 1)
    assert np.array_equal(data.x[:, 0], x)
    assert np.array_equal(data.y[:, 0], np.sin(x) + 0.1 * noise)
    assert not np.array_equal(load_dataset("sine", seed=4).y, data.y)
    assert np.array_equal(load_dataset("sine", seed=3).y, data.y)


@pytest.mark.parametrize(
    ("name", "lab_name"),
    [("circles", "circle"), ("spirals", "spiral"), ("blobs", "gaussians")],
)
def test_toy_sets_are_the_labs_points_with_one_hot_targets(name, lab_name):
    data = load_dataset(name, seed=2)
    points = make_dataset(lab_name, 400, 0.05, seed=2)  # the lab's default size and noise
    assert np.array_equal(data.x, points.xy) and np.array_equal(data.labels, points.labels)
    assert data.classes == ("0", "1") and np.array_equal(data.y, np.eye(2)[points.labels])


def test_moons_are_two_interleaved_half_circles():
    data = load_dataset("moons", seed=0)
    assert data.x.shape == (400, 2) and np.bincount(data.labels).tolist() == [200, 200]
    # Undo the centring and scaling: class 0 lies near the unit circle's upper half, class 1
    # near the circle of radius 1 around (1, 0.5), its lower half.
    raw = data.x * 1.5 + (0.5, 0.25)
    upper, lower = raw[data.labels == 0], raw[data.labels == 1]
    assert np.abs(np.hypot(*upper.T) - 1).mean() < 0.1 and upper[:, 1].mean() > 0.5
    lower_centred = lower - (1.0, 0.5)
    assert np.abs(np.hypot(*lower_centred.T) - 1).mean() < 0.1 and lower_centred[:, 1].mean() < -0.5
    assert not np.array_equal(load_dataset("moons", seed=1).x, data.x)


def test_a_csv_file_is_a_classification_set_named_after_the_file(tmp_path):
    path = tmp_path / "pets.CSV"
    path.write_text(FOUR)
    data = load_dataset(str(path))
    assert data.name == "pets.CSV" and data.classes == ("a", "b")
    assert np.array_equal(load_dataset(path).x, data.x)  # a Path is a spec too
    assert data.x.tolist() == [[0, 0], [1, 1], [2, 2], [3, 3]]
    assert data.labels.tolist() == [0, 1, 0, 1] and data.y.tolist()[1] == [0.0, 1.0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("0,0,a\n1,1,a\n2,2,a\n3,3,a\n", "need 2 to 10 different labels, found 1"),
        ("0,0,a\n1,1,b\n", "at least 4 points"),
        ("0,0,a\n1,x,b\n2,2,a\n3,3,b\n", "line 2, column 2"),
    ],
)
def test_a_bad_csv_is_an_engine_error_of_one_line(tmp_path, content, words):
    path = tmp_path / "points.csv"
    path.write_text(content)
    with pytest.raises(EngineError, match=words) as error:
        load_dataset(str(path))
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("mnist", "unknown dataset 'mnist': choose one of mazur, xor, moons"),
        ("", "unknown dataset ''"),
        ("   ", "unknown dataset"),
        (None, "unknown dataset None"),
        ("/no/such/file.csv", "cannot read /no/such/file.csv"),
        ("/no/such/train-images-idx3-ubyte", "cannot read /no/such/train-images-idx3-ubyte"),
    ],
)
def test_bad_specs_are_refused_in_one_line(spec, words):
    with pytest.raises(EngineError, match=words) as error:
        load_dataset(spec)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("seed", [-1, 2**64, 1.5, "1", True])
def test_a_seed_that_is_not_a_whole_number_from_0_is_refused(seed):
    with pytest.raises(EngineError, match="the seed must be a whole number"):
        load_dataset("moons", seed)


def test_refusals_are_translated_templates():
    from engine.core.i18n import set_translator

    seen: list[tuple[str, str]] = []

    def marked(context: str, text: str) -> str:
        seen.append((context, text))
        return "» " + text

    set_translator(marked)
    try:
        with pytest.raises(EngineError, match="^» unknown dataset 'mnist'") as error:
            load_dataset("mnist")
    finally:
        set_translator(None)
    assert "mazur, xor" in str(error.value)  # the names are filled in after translating
    assert seen[0][0] == "EngineError" and "{names}" in seen[0][1]
