"""Where the data files are (assets/data/): found the way engine/io/assets.py finds the assets,
which the data layer cannot import (io sits above it).

In a source checkout they are assets/data/ beside engine/; an installed wheel carries assets/ as
the package `backprop_assets` (pyproject.toml maps the folder and lists data/* as package data).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ASSETS_PACKAGE = "backprop_assets"
CHECKOUT_DATA = Path(__file__).resolve().parents[2] / "assets" / "data"


def data_file(name: str) -> Path:
    """The checkout's assets/data/`name` when it is there, else the installed package's; the
    checkout's path when neither has it, so that the reader names the file it cannot find."""
    if (CHECKOUT_DATA / name).is_file():
        return CHECKOUT_DATA / name
    spec = importlib.util.find_spec(ASSETS_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "data" / name).is_file():
            return Path(location) / "data" / name
    return CHECKOUT_DATA / name
