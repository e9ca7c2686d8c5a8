"""`main.py export --formats`: spaces, case and repeats are forgiven; the order is kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from engine.core.errors import EngineError
from gui.export_command import parse_formats

ROOT = Path(__file__).resolve().parents[2]


def test_formats_are_cleaned_up_and_kept_in_order():
    assert parse_formats("png, SVG,png ,csv") == ("png", "svg", "csv")


@pytest.mark.parametrize("text", ["", " , ", "png,,gif"])
def test_nothing_usable_is_refused(text):
    with pytest.raises(EngineError):
        parse_formats(text)


# -- the command itself ------------------------------------------------------------------------
def export_command(capsys, argv: list[str]) -> tuple[int, str, str]:
    import main as entry

    try:
        code = entry.main(["export", *argv])
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(code: int, out: str, err: str, message: str) -> None:
    assert code == 2 and out == "", (code, err)
    assert err.count("\n") == 1 and "Traceback" not in err and message in err, err


def test_the_readme_example_runs_in_a_fresh_folder(tmp_path):
    """`--out figures` in a fresh clone said "the folder does not exist"; it is made now."""
    command = [sys.executable, str(ROOT / "main.py"), "export", "--preset", "mazur",
               "--steps", "100", "--out", "figures", "--formats", "png,svg,pdf"]  # fmt: skip
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # stderr is for errors: no offscreen-platform notices
    names = {p.name for p in (tmp_path / "figures").iterdir()}
    assert {"loss_curve.png", "loss_curve.svg", "loss_curve.pdf", "index.html"} <= names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures"]


def test_a_folder_in_the_way_is_one_line_and_nothing_written(capsys, tmp_path):
    (tmp_path / "index.html").mkdir()
    code, out, err = export_command(capsys, ["--out", str(tmp_path), "--formats", "png"])
    assert_one_line(code, out, err, f"cannot write {tmp_path / 'index.html'}: it is a folder")
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_folder_name_too_long_is_one_line(capsys, tmp_path):
    folder = tmp_path / ("f" * 300)
    code, out, err = export_command(capsys, ["--out", str(folder), "--formats", "png"])
    assert_one_line(code, out, err, "the name is too long for the file system")
    assert list(tmp_path.iterdir()) == []


def test_inside_a_file_is_one_line(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("kept")
    code, out, err = export_command(capsys, ["--out", str(notes / "figures")])
    assert_one_line(code, out, err, f"{notes} is not a folder")
    assert notes.read_text() == "kept"


def test_folders_made_for_a_failed_export_are_taken_back(capsys, tmp_path, monkeypatch):
    import errno

    import gui.export as export

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "_plot_png", disk_full)
    code, out, err = export_command(
        capsys, ["--out", str(tmp_path / "a" / "b"), "--formats", "png"]
    )
    assert_one_line(code, out, err, "no space left on device")
    assert list(tmp_path.iterdir()) == []
