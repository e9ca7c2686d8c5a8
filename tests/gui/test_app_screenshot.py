"""`main.py --screenshot`: refused when it cannot work, and written by the safe-write routine."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPixmap

import gui.app as app
import main as entry

PREVIOUS = b"the previous screenshot"


@pytest.fixture
def window_never_opens(monkeypatch):
    def refuse(args):
        raise AssertionError("the window was opened (an interactive window hangs a script)")

    monkeypatch.setattr(app, "run_app", refuse)


def run_main(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = entry.main(argv)
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_screenshot_name_is_refused(capsys, window_never_opens, name):
    code, out, err = run_main(capsys, ["--screenshot", name])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--screenshot needs a file name" in err, err


def test_a_screenshot_beside_a_command_is_refused(capsys, window_never_opens, tmp_path):
    shot = tmp_path / "x.png"
    code, out, err = run_main(capsys, ["--screenshot", str(shot), "train", "--steps", "1"])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "does not go with the train command" in err, err
    assert list(tmp_path.iterdir()) == []


def test_a_screenshot_qt_could_not_finish_keeps_the_previous_file(window, capsys, tmp_path,
                                                                  monkeypatch):  # fmt: skip
    real_save = QPixmap.save

    def half_then_false(pixmap, name, *args):
        real_save(pixmap, name, *args)
        data = Path(name).read_bytes()
        Path(name).write_bytes(data[: len(data) // 2])
        return False  # what QPixmap.save says when the disk fills up

    monkeypatch.setattr(QPixmap, "save", half_then_false)
    target = tmp_path / "shot.png"
    target.write_bytes(PREVIOUS)
    assert app.save_screenshot(window, str(target)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: cannot write {target}:"), err
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"]
    assert target.read_bytes() == PREVIOUS


def test_a_screenshot_keeps_the_file_mode_and_the_link(window, tmp_path):
    real = tmp_path / "docs" / "shot.png"
    real.parent.mkdir()
    real.write_bytes(PREVIOUS)
    real.chmod(0o640)
    link = tmp_path / "shot.png"
    link.symlink_to(real)
    assert app.save_screenshot(window, str(link)) == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"\x89PNG")
    assert real.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("name", ["shot", "shot.txt"])
def test_a_screenshot_name_qt_cannot_write_is_refused(capsys, tmp_path, name):
    class Args:
        screenshot = str(tmp_path / name)
        preset = "mazur"
        steps = 0

    assert app.run_app(Args()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "name the screenshot .png" in err, err
    assert list(tmp_path.iterdir()) == []
