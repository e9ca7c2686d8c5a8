"""The one safe-write routine: a failure keeps the previous file, odd targets are never replaced."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from engine.io.safe_write import (
    STAGING_MARK,
    WriteError,
    check_writable_target,
    safe_write,
    safe_write_text,
)
from engine.io.verify import verify_json


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if STAGING_MARK in p.name]


def _half_then_disk_full(text: str):
    """A writer that runs out of space half-way, as a real write() on a full disk would."""

    def write(path: Path) -> None:
        path.write_text(text[: len(text) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    return write


def test_a_new_file_is_written_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert safe_write_text(target, '{"a": 1}', verify_json) == target
    assert target.read_text() == '{"a": 1}'
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_a_full_disk_keeps_the_previous_file_and_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "session.json"
    target.write_text("previous")
    with pytest.raises(WriteError) as caught:
        safe_write(target, _half_then_disk_full("x" * 1000))
    message = str(caught.value)
    assert message == f"cannot write {target}: no space left on device"
    assert STAGING_MARK not in message and "\n" not in message
    assert target.read_text() == "previous"
    assert _leftovers(tmp_path) == []


def test_a_writer_that_reports_failure_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "plot.png"
    target.write_bytes(b"previous")
    with pytest.raises(WriteError, match="writer reported a failure"):
        safe_write(target, lambda path: False)
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []


def test_an_empty_output_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous")
    with pytest.raises(WriteError, match="nothing was written"):
        safe_write(target, lambda path: path.write_bytes(b""))
    assert target.read_text() == "previous"


def test_output_that_does_not_read_back_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("[1]")
    with pytest.raises(WriteError, match="does not read back"):
        safe_write_text(target, '{"cut": ', verify_json)
    assert target.read_text() == "[1]"
    assert _leftovers(tmp_path) == []


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("a\n")
    target.chmod(0o640)
    safe_write_text(target, "b\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "b\n"


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    target = tmp_path / "keep.json"
    target.write_text("[1]")
    target.chmod(0o444)
    with pytest.raises(WriteError, match="read-only"):
        safe_write_text(target, "[2]")
    assert target.read_text() == "[1]"


def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("[1]")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    safe_write_text(link, "[2]")
    assert link.is_symlink()
    assert real.read_text() == "[2]"


def test_a_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    device = Path("/dev/null")
    before = device.stat()
    safe_write_text(device, "a,b,loss\n")
    after = device.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_fifo_nobody_reads_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="pipe that nothing reads"):
        safe_write_text(fifo, "a\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_with_a_reader_receives_the_content(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        safe_write_text(fifo, "a,b\n")
        assert os.read(reader, 100) == b"a,b\n"
    finally:
        os.close(reader)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "index.html").mkdir()
    with pytest.raises(WriteError, match="is a folder"):
        check_writable_target(tmp_path / "index.html")
    with pytest.raises(WriteError, match="is a folder"):
        safe_write_text(tmp_path / "index.html", "<html></html>")


def test_a_missing_folder_is_refused_or_made(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.csv"
    with pytest.raises(WriteError, match="does not exist"):
        safe_write_text(target, "x\n")
    safe_write_text(target, "x\n", make_folder=True)
    assert target.read_text() == "x\n"


def test_a_name_too_long_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 300 + ".json")
    with pytest.raises(WriteError) as caught:
        safe_write_text(target, "[1]")
    assert str(caught.value).endswith("the name is too long for the file system")
    assert "\n" not in str(caught.value)


def test_dev_stdout_on_a_pipe_is_written_through(tmp_path: Path) -> None:
    """/dev/stdout names a pipe through /proc: its real path does not exist, open() works."""
    import subprocess
    import sys

    code = (
        "from engine.io.safe_write import safe_write_text; safe_write_text('/dev/stdout', 'a,b\\n')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "a,b\n"


def test_a_name_of_250_characters_is_written(tmp_path: Path) -> None:
    """The file system takes it; only a staging name built from it would be too long."""
    target = tmp_path / ("n" * 245 + ".json")
    safe_write_text(target, "[1]", verify_json)
    assert target.read_text() == "[1]" and _leftovers(tmp_path) == []


def test_a_path_through_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("[]")
    with pytest.raises(WriteError, match="notes.json is not a folder"):
        safe_write_text(tmp_path / "notes.json" / "x.py", "x = 1\n")
