"""Export all (the File menu and `main.py export`): every figure, the trajectory, an index."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import gui.export_all as export_all_module
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
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
        (["--out", "README.md/figures"], "README.md is not a folder"),
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


def test_a_folder_in_the_way_is_refused_before_anything_is_written(window, tmp_path):
    """Found by testing: five files were moved in, then IsADirectoryError escaped."""
    (tmp_path / "index.html").mkdir()
    with pytest.raises(ExportError) as error:
        export_all(window, tmp_path, ("png", "csv"))
    assert str(error.value) == f"cannot write {tmp_path / 'index.html'}: it is a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_read_only_figure_among_many_is_refused_first(window, tmp_path):
    taken = tmp_path / "parameters.svg"
    taken.write_bytes(b"kept")
    taken.chmod(0o444)
    with pytest.raises(ExportError, match="parameters.svg: the file is read-only"):
        export_all(window, tmp_path, ("svg",))
    assert [p.name for p in tmp_path.iterdir()] == ["parameters.svg"]
    assert taken.read_bytes() == b"kept"


def test_nothing_is_staged_inside_the_target_folder(window, tmp_path, monkeypatch):
    """A killed export (no cleanup runs) left a hidden .export-… folder in the user's folder."""
    import gui.export as export

    seen_while_drawing: list[list[str]] = []
    real_svg = export._plot_svg

    def watching(plot, target, width):
        seen_while_drawing.append(sorted(p.name for p in tmp_path.iterdir()))
        return real_svg(plot, target, width)

    monkeypatch.setattr(export, "_plot_svg", watching)
    written = export_all(window, tmp_path, ("svg",))
    assert seen_while_drawing and all(names == [] for names in seen_while_drawing)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_the_index_and_trajectory_are_complete_files(window, tmp_path):
    window.controller.run_blocking(3)
    export_all(window, tmp_path, ("png",))
    assert (tmp_path / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    rows = list(csv.reader((tmp_path / "trajectory.csv").open(encoding="utf-8")))
    assert len(rows) == 4 and len({len(r) for r in rows}) == 1


def _rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1  # without the header


def test_export_all_during_a_long_run_writes_one_consistent_state(window, qtbot, tmp_path):
    """Taken at the run's next rest, with the worker waiting: every table has one length."""
    controller = window.controller
    assert controller.run_iterations(1_000_000)
    window.export_all_to(tmp_path)
    assert "next consistent point" in window.last_message
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("*/index.html"))) == 1, timeout=60000)
    assert controller.busy  # the run went on afterwards
    controller.cancel_run()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    (folder,) = tmp_path.iterdir()  # a folder of its own, named after the run
    assert folder.name.startswith("backprop-studio-mazur-iter")
    tmp_path = folder
    losses = _rows(tmp_path / "loss_curve.csv")
    assert losses >= 256 and losses % 256 == 0  # a rest comes every 256 iterations
    assert _rows(tmp_path / "gradient_norm.csv") == losses
    assert _rows(tmp_path / "trajectory.csv") == losses
    assert _rows(tmp_path / "parameters.csv") == losses + 1  # the start, then every iteration


def test_closing_the_window_while_a_rest_waits_does_not_hang(window, qtbot, tmp_path):
    controller = window.controller
    assert controller.run_iterations(1_000_000)
    fast_forward = controller._fast_forward
    fast_forward.actions[10**6] = lambda: None  # a rest the window will not reach
    fast_forward.worker.pause_at_rest(10**6)
    window.close()  # shutdown releases the waiting worker and joins its thread
    assert not fast_forward.qthread or fast_forward.qthread.isFinished()


def test_plots_exported_right_after_a_run_are_at_slide_size(window, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    assert window.controller.run_iterations(10)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=30_000)
    window.export_all_to(tmp_path)
    folder = tmp_path / "backprop-studio-mazur-iter10"
    for name in ("loss_curve.png", "gradient_norm.png", "parameters.png"):
        image = QImage(str(folder / name))
        assert image.width() >= 1600 and image.height() >= 1000, name
