"""The learner's own points from a CSV file: the reader lives in the data layer
(engine/data/csv_points.py), where training loops load the same files; the lab reads it here."""

from __future__ import annotations

from engine.data.csv_points import (
    MAX_CLASSES,
    MAX_CSV_BYTES,
    MAX_POINTS,
    CsvCancelled,
    CsvPointsError,
    Problem,
    Progress,
    load_points_csv,
    parse_points_csv,
)

__all__ = [
    "MAX_CLASSES",
    "MAX_CSV_BYTES",
    "MAX_POINTS",
    "CsvCancelled",
    "CsvPointsError",
    "Problem",
    "Progress",
    "load_points_csv",
    "parse_points_csv",
]
