"""Export all (the File menu and `main.py export`): every figure, the trajectory, an index."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import gui.export_all as export_all_module
from engine.presets import MAZUR
from engine.stepper import Stepper
from gui.export import ExportError
from gui.export_all import export_all

ROOT = Path(__file__).resolve().parents[2]


def test_headless_export_writes_every_figure(tmp_path):
    result = subprocess.run(
        [sys.executable, "main.py", "export", "--preset", "mazur", "--steps", "5",
         "--out", str(tmp_path), "--formats", "png,csv"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = {p.name for p in tmp_path.iterdir()}
    for stem in ("loss_curve", "gradient_norm", "parameters", "loss_surface", "network_diagram"):
        assert f"{stem}.png" in names
    assert "loss_curve.csv" in names and "network_diagram.csv" not in names
    assert {"trajectory.csv", "index.html"} <= names
    assert not [n for n in names if n.startswith(".")]  # the staging folder is gone
    assert (tmp_path / "network_diagram.png").read_bytes()[:4] == b"\x89PNG"
    rows = list(csv.DictReader((tmp_path / "trajectory.csv").open()))
    stepper = Stepper(MAZUR)
    stepper.run(5)
    assert [float(r["loss"]) for r in rows] == stepper.trajectory.losses.tolist()
    assert "loss_surface.png" in (tmp_path / "index.html").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "/no/such/folder"], "does not exist"),
        (["--out", ".", "--formats", "png,gif"], "unknown format"),
        (["--out", ".", "--lr", "-1"], "must not be negative"),
    ],
)
def test_headless_export_refuses_bad_input_with_one_line(args, message):
    result = subprocess.run(
        [sys.executable, "main.py", "export", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_failure_midway_leaves_nothing_behind(window, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ExportError("cannot write network_diagram.svg: No space left on device")

    monkeypatch.setattr(export_all_module, "export_scene", broken)
    with pytest.raises(ExportError, match="No space left"):
        export_all(window, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_all_from_the_window_includes_the_race_once_run(window, tmp_path):
    window.race_view.race.step(20)
    written = export_all(window, tmp_path, ("svg",))
    names = {p.name for p in written}
    assert "optimizer_race_paths.svg" in names and "basin_map.svg" not in names
    assert "Loss surface with the descent path" in (tmp_path / "loss_surface.svg").read_text()
