"""The dataset files a session's run reads, fingerprinted so that opening it again can tell the
learner a file moved or changed, instead of replaying to different numbers.

A session stores the dataset as the run named it (a built-in name, or a path) and, for a path,
the SHA-256 of every file the dataset was read from (a CSV; an IDX images file and its labels
file). Opening checks them before anything is built.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

from engine.core.errors import EngineError
from engine.data.datasets import DATASET_NAMES
from engine.data.idx import labels_file_for
from engine.io.session_checks import expect, shown

DATA_FILE_KEYS = ("path", "sha256")
MAX_DATA_FILE_BYTES = 2**30  # the dataset readers' own caps are far below this
_CHUNK = 2**20


def dataset_files(spec: str) -> list[Path]:
    """The files a dataset spec reads; none for a built-in name."""
    text = spec.strip()
    if not text or text.casefold() in DATASET_NAMES:
        return []
    path = Path(text)
    if path.suffix.casefold() == ".csv":
        return [path]
    return [path, labels_file_for(path)]  # an IDX images file reads its labels file too


def data_file_entries(spec: str) -> list[dict[str, str]]:
    """{"path", "sha256"} of each file the run's dataset was read from."""
    return [{"path": str(path), "sha256": file_digest(path)} for path in dataset_files(spec)]


def check_data_files(data: Any, config: Any) -> None:
    """Refuse (one line) a session whose dataset files are missing or differ from those saved;
    `config` is the file's config as JSON gave it (checked here as far as this reads it)."""
    expect(isinstance(data, list), "data_files must be a list")
    spec = config.get("dataset") if isinstance(config, dict) else None
    expect(isinstance(spec, str), "the session's config names no dataset for its data_files")
    for entry in data:
        expect(
            isinstance(entry, dict) and sorted(entry) == sorted(DATA_FILE_KEYS),
            "a data_files entry must hold path and sha256",
        )
        path, digest = entry["path"], entry["sha256"]
        expect(isinstance(path, str) and isinstance(digest, str), "data_files holds text")
        expect(Path(path) in dataset_files(spec), f"data_files names {shown(path)}, not a file of "
               "the session's dataset")  # fmt: skip
        if file_digest(Path(path)) != digest:
            raise EngineError(
                f"the dataset file {path} has changed since the session was saved (its SHA-256 "
                "differs), so the run would not replay: put the saved file back"
            )


def file_digest(path: Path) -> str:
    """The SHA-256 of a regular file, read in chunks; one line when it cannot be read."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise EngineError(f"the dataset file {path} is not a regular file")
        if info.st_size > MAX_DATA_FILE_BYTES:
            raise EngineError(f"the dataset file {path} is too large to fingerprint")
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise EngineError(
            f"the session's dataset file {path} is missing: put it back where it was saved from"
        ) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise EngineError(f"cannot read the dataset file {path}: {reason}") from None
    except ValueError:  # a path with a NUL character
        raise EngineError(f"the dataset file {path!r} cannot be a file name") from None
    return digest.hexdigest()
