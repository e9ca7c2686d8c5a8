"""What the About dialog reports: versions of the app and its libraries, and the hardware.

Plain Python (no Qt calls), so it is tested without a window; Qt's runtime version is read
only when Qt is already loaded.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
import sys
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import numpy as np
import torch

APP_NAME = "Backprop Studio"
DISTRIBUTION = "backprop-studio"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
NO_CUDA = "no CUDA device"
NOT_INSTALLED = "not installed"
NOT_LOADED = "not loaded"
UNKNOWN = "unknown"
UNKNOWN_CPU = "unknown CPU"
# The facts' own words (not versions or hardware names): the dialog shows them translated,
# while `as_text` keeps them in English for a bug report.
PLACEHOLDERS = (NO_CUDA, NOT_INSTALLED, NOT_LOADED, UNKNOWN, UNKNOWN_CPU)


@dataclass(frozen=True)
class AboutFacts:
    app_version: str
    python: str
    torch: str
    pyside6: str
    qt: str
    pyqtgraph: str
    numpy: str
    cpu: str
    cuda_device: str
    torch_threads: int
    model_device: str

    def as_text(self) -> str:
        """One 'name: value' line each, for a bug report."""
        lines = [f"{APP_NAME} {self.app_version}"]
        lines += [f"{f.name}: {v}" for f, v in zip(fields(self), astuple(self), strict=True)][1:]
        return "\n".join(lines)


def app_version() -> str:
    """The installed package's version, else the one pyproject.toml declares."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        text = PYPROJECT.read_text(encoding="utf-8")
    except OSError:
        return UNKNOWN
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return match.group(1) if match else UNKNOWN


def distribution_version(*names: str) -> str:
    """The first of `names` that is installed (PySide6 ships as several distributions)."""
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return NOT_INSTALLED


def qt_runtime_version() -> str:
    core = sys.modules.get("PySide6.QtCore")
    return str(core.qVersion()) if core is not None else NOT_LOADED


def cpu_model() -> str:
    """The CPU's marketing name where the OS tells it (Linux: /proc/cpuinfo)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or UNKNOWN_CPU


def cuda_device() -> str:
    if not torch.cuda.is_available():
        return NO_CUDA
    return torch.cuda.get_device_name(torch.cuda.current_device())


def about_facts(model_device: str = "cpu") -> AboutFacts:
    """Everything the About dialog shows; `model_device` is where the current model lives."""
    return AboutFacts(
        app_version=app_version(),
        python=platform.python_version(),
        torch=torch.__version__,
        pyside6=distribution_version("PySide6", "PySide6-Essentials", "PySide6_Essentials"),
        qt=qt_runtime_version(),
        pyqtgraph=distribution_version("pyqtgraph"),
        numpy=np.__version__,
        cpu=cpu_model(),
        cuda_device=cuda_device(),
        torch_threads=torch.get_num_threads(),
        model_device=model_device,
    )
