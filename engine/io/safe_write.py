"""The one routine through which every file the app writes goes.

A write stages the new content in a temporary file beside the target, checks the writer's
result and the output (non-empty, readable by its format's reader), flushes it to disk and only
then renames it over the target. Any failure leaves the previous file exactly as it was and
raises one line that names the target the user asked for, never the staging name.

Targets that are not regular files are never replaced: a symlink is followed to the file it
names, a character device or FIFO (``/dev/null``, a pipe a script reads) is written through,
a folder is refused. An existing file keeps its mode; a read-only one is refused, also for
root, whom the permission bits would not stop.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from engine.core.errors import EngineError

STAGING_MARK = ".partial-"  # in every staging name, so that leftovers can be recognised

Writer = Callable[[Path], object]  # writes the file it is given; returning False means failed
Verifier = Callable[[Path], None]  # raises (ValueError, OSError) when the file is not readable


class WriteError(EngineError):
    """A file that could not be written; the previous file, if any, is unchanged."""


def safe_write(
    target: str | os.PathLike[str],
    write: Writer,
    verify: Verifier | None = None,
    *,
    make_folder: bool = False,
) -> Path:
    """Write `target` through `write(staging_path)`; returns the path actually written.

    `verify(staging_path)` reads the staged file back with its format's reader before it
    replaces anything. `make_folder` creates a missing folder (and its parents) first.
    """
    shown = Path(target)
    try:
        real = _real_target(shown, make_folder)
        if real.exists() and not real.is_file():
            _write_through(real, write, verify)
            return real
        _replace_regular_file(real, write, verify)
        return real
    except WriteError as error:
        raise WriteError(f"cannot write {shown}: {error}") from error
    except OSError as error:
        raise WriteError(f"cannot write {shown}: {describe_os_error(error)}") from error


def safe_write_text(
    target: str | os.PathLike[str],
    text: str,
    verify: Verifier | None = None,
    *,
    make_folder: bool = False,
) -> Path:
    """`safe_write` for text, encoded as UTF-8 with the newlines given."""
    data = text.encode("utf-8")
    return safe_write(target, lambda path: path.write_bytes(data), verify, make_folder=make_folder)


def safe_write_bytes(
    target: str | os.PathLike[str],
    data: bytes,
    verify: Verifier | None = None,
    *,
    make_folder: bool = False,
) -> Path:
    return safe_write(target, lambda path: path.write_bytes(data), verify, make_folder=make_folder)


def describe_os_error(error: OSError) -> str:
    """The operating system's reason in plain words, without the staging file's name."""
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return type(error).__name__


def check_writable_target(target: str | os.PathLike[str]) -> None:
    """Refuse, before any work, a target that `safe_write` would refuse anyway."""
    shown = Path(target)
    try:
        real = _real_target(shown, make_folder=False)
    except WriteError as error:
        raise WriteError(f"cannot write {shown}: {error}") from error
    except OSError as error:
        raise WriteError(f"cannot write {shown}: {describe_os_error(error)}") from error
    if real.exists() and real.is_dir():
        raise WriteError(f"cannot write {shown}: it is a folder")


# -- where to write ------------------------------------------------------------------------------
def _real_target(shown: Path, make_folder: bool) -> Path:
    """Follow symlinks to the file they name; check the folder and an existing target."""
    real = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    if real != shown and not real.exists() and shown.exists():
        real = shown  # a magic link such as /dev/stdout -> pipe:[…]: open() still follows it
    folder = real.parent
    if make_folder and not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise WriteError(f"the folder {folder} {what}")
    if real.exists():
        _check_existing(real)
    elif not os.access(folder, os.W_OK | os.X_OK):
        raise WriteError(f"the folder {folder} is not writable")
    return real


def _check_existing(real: Path) -> None:
    mode = real.stat().st_mode
    if stat.S_ISDIR(mode):
        raise WriteError("it is a folder")
    if stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError("the file is read-only")


# -- regular files: stage, check, sync, rename ---------------------------------------------------
def _replace_regular_file(real: Path, write: Writer, verify: Verifier | None) -> None:
    staging = _stage(real, write, verify)
    try:
        os.chmod(staging, _mode_for(real))
        os.replace(staging, real)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    _sync_folder(real.parent)


def _stage(real: Path, write: Writer, verify: Verifier | None) -> Path:
    """Write and check the new content under a temporary name in the target's folder."""
    # The staging name stays short: a target's own name may take all 255 bytes a name can.
    fd, name = tempfile.mkstemp(
        dir=real.parent, prefix=f".{real.stem[:40]}{STAGING_MARK}", suffix=real.suffix[:16]
    )
    os.close(fd)
    staging = Path(name)
    try:
        _run_writer(write, staging)
        _check_output(staging, verify)
        _fsync_file(staging)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return staging


def _run_writer(write: Writer, staging: Path) -> None:
    try:
        result = write(staging)
    except (RuntimeError, ValueError, TypeError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise WriteError(first_line) from error
    if result is False:
        raise WriteError("the writer reported a failure (is the disk full?)")


def _check_output(staging: Path, verify: Verifier | None) -> None:
    if not staging.exists() or staging.stat().st_size == 0:
        raise WriteError("nothing was written (is the disk full?)")
    if verify is None:
        return
    try:
        verify(staging)
    except (ValueError, OSError, SyntaxError) as error:
        raise WriteError(f"the written file does not read back ({error})") from error


def _mode_for(real: Path) -> int:
    """An existing file keeps its mode; a new one gets the usual 0666 less the umask."""
    try:
        return stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; not every platform can open a folder, so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- devices and pipes: written through, never replaced -------------------------------------------
def _write_through(real: Path, write: Writer, verify: Verifier | None) -> None:
    """Stage and check the content in a private folder, then copy it into the device or pipe."""
    with tempfile.TemporaryDirectory(prefix="backprop-studio-") as folder:
        staging = Path(folder) / f"output{real.suffix}"
        _run_writer(write, staging)
        _check_output(staging, verify)
        data = staging.read_bytes()
    fd = _open_for_write_through(real)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _open_for_write_through(real: Path) -> int:
    """Open without blocking: a FIFO nobody reads from is refused instead of hanging."""
    try:
        fd = os.open(real, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise WriteError("it is a pipe that nothing reads from") from error
        raise
    os.set_blocking(fd, True)
    return fd
