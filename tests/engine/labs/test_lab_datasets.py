"""Built-in 2-D datasets, the train/test split, and the learner's own CSV points."""

from __future__ import annotations

import numpy as np
import pytest

from engine.labs.csv_points import CsvPointsError, load_points_csv, parse_points_csv
from engine.labs.datasets import DATASET_NAMES, make_dataset, split


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_datasets_are_seeded_and_balanced(name: str) -> None:
    a, b = make_dataset(name, 300, 0.1, seed=4), make_dataset(name, 300, 0.1, seed=4)
    assert np.array_equal(a.xy, b.xy) and np.array_equal(a.labels, b.labels)
    assert not np.array_equal(a.xy, make_dataset(name, 300, 0.1, seed=5).xy)
    assert a.xy.shape == (300, 2) and a.xy.dtype == np.float64
    assert np.bincount(a.labels).tolist() == [150, 150]


def test_shapes_without_noise() -> None:
    circle = make_dataset("circle", 500, 0.0, seed=1)
    r = np.hypot(*circle.xy.T)
    assert r[circle.labels == 0].max() <= 0.5 and r[circle.labels == 1].min() >= 0.7
    xor = make_dataset("xor", 500, 0.0, seed=1)
    x, y = xor.xy.T
    assert np.array_equal(xor.labels == 1, x * y < 0) and np.abs(xor.xy).min() >= 0.05
    spiral = make_dataset("spiral", 500, 0.0, seed=1)
    assert np.hypot(*spiral.xy.T).max() <= 1.0
    gaussians = make_dataset("gaussians", 2000, 0.0, seed=1)
    means = [gaussians.xy[gaussians.labels == k].mean(axis=0) for k in (0, 1)]
    np.testing.assert_allclose(means, [[-0.5, -0.5], [0.5, 0.5]], atol=0.03)


def test_noise_moves_points_by_its_standard_deviation() -> None:
    clean = make_dataset("circle", 4000, 0.0, seed=2)
    noisy = make_dataset("circle", 4000, 0.2, seed=2)
    assert np.array_equal(clean.labels, noisy.labels)
    assert np.std(noisy.xy - clean.xy) == pytest.approx(0.2, rel=0.05)


def test_bad_dataset_settings() -> None:
    with pytest.raises(ValueError, match="unknown dataset"):
        make_dataset("moons")
    with pytest.raises(ValueError, match="noise"):
        make_dataset("circle", noise=0.9)


def test_split_is_a_seeded_partition() -> None:
    points = make_dataset("xor", 200, 0.1, seed=0)
    train, test = split(points, 0.25, seed=3)
    assert len(train.labels) == 150 and len(test.labels) == 50
    both = np.concatenate([train.xy, test.xy])
    assert sorted(map(tuple, both)) == sorted(map(tuple, points.xy))
    again, _ = split(points, 0.25, seed=3)
    assert np.array_equal(again.xy, train.xy)
    with pytest.raises(ValueError):
        split(points, 1.0)


GOOD = """x,y,label
0.1, 0.2, 0
-1.5, 2, 1
# a comment line

3e-1, −0.4, 1
0, 0, 0
"""


def test_csv_with_header_comments_and_blank_lines() -> None:
    points = parse_points_csv(GOOD)
    np.testing.assert_array_equal(points.xy, [[0.1, 0.2], [-1.5, 2.0], [0.3, -0.4], [0.0, 0.0]])
    assert points.labels.tolist() == [0, 1, 1, 0] and points.class_names == ("0", "1")


def test_csv_labels_become_classes_in_order() -> None:
    points = parse_points_csv("1,1,5\n2,2,2\n3,3,9\n4,4,2\n")
    assert points.class_names == ("2", "5", "9") and points.labels.tolist() == [1, 0, 2, 0]


def test_csv_reports_every_bad_row_by_line_and_column() -> None:
    text = "\n".join(
        [
            "x,y,label",  # 1: header
            "0,0,0",  # 2
            "1,abc,1",  # 3: y not a number
            "",  # 4: blank, skipped
            "2,2",  # 5: two fields
            "3,3,1.5",  # 6: label not whole
            "4,4,1",  # 7
            "nan,1,0",  # 8: not finite
            "5,5,",  # 9: no label (a name such as cat is a label now)
        ]
    )
    with pytest.raises(CsvPointsError) as caught:
        parse_points_csv(text)
    problems = caught.value.problems
    assert [p.line for p in problems] == [3, 5, 6, 8, 9]
    assert [p.column for p in problems] == [2, 3, 3, 1, 3]
    assert "'abc' is not a number" in problems[0].reason
    assert "expected 3 values" in problems[1].reason
    assert "label '1.5' is neither a whole number nor a name" in problems[2].reason
    assert "not a finite number" in problems[3].reason
    assert "the label is empty" in problems[4].reason
    message = str(caught.value)
    assert message == (
        "line 3, column 2: 'abc' is not a number (and 4 more bad row(s): line 5, 6, 8, 9)"
    )


def test_csv_with_too_few_points_or_classes() -> None:
    with pytest.raises(CsvPointsError, match="at least 4 points"):
        parse_points_csv("0,0,0\n1,1,1\n")
    with pytest.raises(CsvPointsError, match="2 to 10 different labels"):
        parse_points_csv("0,0,1\n1,1,1\n2,2,1\n3,3,1\n")


def test_csv_from_a_file(tmp_path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("\ufeff" + GOOD, encoding="utf-8")
    points = load_points_csv(path)
    assert points.name == "mine" and len(points.labels) == 4
    with pytest.raises(CsvPointsError, match="cannot read"):
        load_points_csv(tmp_path / "missing.csv")
