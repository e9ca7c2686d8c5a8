"""Shared test setup: headless Qt, and clean skips for tests that need hardware."""

from __future__ import annotations

import os
import shutil

import pytest

# Must happen before anything imports Qt: GUI tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NO_CUDA_REASON = "no CUDA device (torch.cuda.is_available() is False)"
NO_XVFB_REASON = "xvfb-run is not installed (apt-get install xvfb xauth)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if any(item.get_closest_marker("cuda") for item in items) and not _cuda_available():
        _skip_marked(items, "cuda", NO_CUDA_REASON)
    if shutil.which("xvfb-run") is None:
        _skip_marked(items, "xvfb", NO_XVFB_REASON)


def _cuda_available() -> bool:
    import torch  # imported here so that collecting Qt-only tests does not load torch

    return torch.cuda.is_available()


def _skip_marked(items: list[pytest.Item], marker: str, reason: str) -> None:
    for item in items:
        if item.get_closest_marker(marker):
            item.add_marker(pytest.mark.skip(reason=reason))
