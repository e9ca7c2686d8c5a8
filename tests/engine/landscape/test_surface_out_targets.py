"""`surface --out` never replaces what is not a plain file, and keeps the file's mode."""

from __future__ import annotations

import os
import stat
import threading

from engine.commands.cli import main

SURFACE = ["surface", "--preset", "mazur", "--axes", "w5,w6", "--res", "3"]


def run(capsys, argv: list[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit_info:
        code = exit_info.code
    return code, capsys.readouterr().err


def test_a_pipe_is_written_through_not_replaced(capsys, tmp_path):
    """`--out /dev/null` run as root replaced /dev/null; a FIFO shows the same without harm."""
    pipe = tmp_path / "rows.csv"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code, err = run(capsys, [*SURFACE, "--out", str(pipe)])
    reader.join(timeout=20)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert received and received[0].startswith(b"w5,w6,loss")
    assert [p.name for p in tmp_path.iterdir()] == ["rows.csv"]


def test_a_symlink_is_followed_not_replaced(capsys, tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("previous\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert run(capsys, [*SURFACE, "--out", str(link)]) == (0, "")
    assert link.is_symlink() and real.read_text().startswith("w5,w6,loss")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]


def test_an_existing_file_keeps_its_mode(capsys, tmp_path):
    target = tmp_path / "s.csv"
    target.write_text("previous\n")
    target.chmod(0o640)
    assert run(capsys, [*SURFACE, "--out", str(target)]) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text().startswith("w5,w6,loss")


def test_a_read_only_file_is_refused_even_for_root(capsys, tmp_path):
    target = tmp_path / "s.csv"
    target.write_text("previous\n")
    target.chmod(0o444)
    code, err = run(capsys, [*SURFACE, "--out", str(target)])
    assert code == 2 and err.count("\n") == 1
    assert f"cannot write {target}: the file is read-only" in err
    assert target.read_text() == "previous\n"
