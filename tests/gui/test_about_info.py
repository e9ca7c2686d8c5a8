"""The facts the About dialog shows, gathered without Qt calls."""

from __future__ import annotations

import importlib.metadata
import platform

import numpy as np
import torch

from gui import about_info
from gui.about_info import NO_CUDA, about_facts, app_version


def test_versions_are_the_running_ones():
    facts = about_facts("cpu")
    assert facts.python == platform.python_version()
    assert facts.torch == torch.__version__
    assert facts.numpy == np.__version__
    assert facts.pyqtgraph == importlib.metadata.version("pyqtgraph")
    assert facts.pyside6[0].isdigit()
    assert facts.torch_threads == torch.get_num_threads()
    assert facts.model_device == "cpu"


def test_app_version_comes_from_pyproject_when_not_installed(monkeypatch):
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    text = about_info.PYPROJECT.read_text(encoding="utf-8")
    assert f'version = "{app_version()}"' in text
    assert about_info.distribution_version("PySide6") == "not installed"


def test_unreadable_pyproject_gives_unknown(monkeypatch, tmp_path):
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda name: (_ for _ in ()).throw(importlib.metadata.PackageNotFoundError(name)),
    )
    monkeypatch.setattr(about_info, "PYPROJECT", tmp_path / "missing.toml")
    assert app_version() == "unknown"


def test_device_without_cuda_says_so(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert about_facts().cuda_device == NO_CUDA


def test_device_with_cuda_names_it(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "current_device", lambda: 0)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda index: f"Test GPU {index}")
    assert about_facts("cuda").cuda_device == "Test GPU 0"


def test_cpu_model_is_named():
    assert about_info.cpu_model().strip()


def test_text_for_the_clipboard_has_every_fact():
    facts = about_facts("cpu")
    text = facts.as_text()
    assert text.splitlines()[0] == f"Backprop Studio {facts.app_version}"
    for value in (facts.python, facts.torch, facts.numpy, facts.cuda_device, facts.cpu):
        assert value in text
    assert f"torch_threads: {facts.torch_threads}" in text
