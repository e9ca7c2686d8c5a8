"""The file names of exported figures: one name per figure, whichever way it is exported.

Right-click → Export proposes the same name that Export all writes, so a figure exported
alone can replace the one in an exported folder, and slides link to one name. Export all
writes into a folder of its own, named after the run, never into one that exists already.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# What each figure is, as a file name without its suffix (the same in every language).
LOSS_CURVE = "loss_curve"
GRADIENT_NORM = "gradient_norm"
PARAMETERS = "parameters"
LOSS_SURFACE = "loss_surface"
LOSS_SURFACE_3D = "loss_surface_3d"
NETWORK_DIAGRAM = "network_diagram"
RACE_PATHS = "optimizer_race_paths"
RACE_LOSSES = "optimizer_race_losses"
BASIN_MAP = "basin_map"

STEM_PROPERTY = "figureStem"  # the Qt property a figure's widget carries its stem in


def slug(title: str) -> str:
    """A file name that says what a figure is: 'Loss per iteration' → 'loss_per_iteration'."""
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "figure"


def figure_file_name(stem: str, suffix: str) -> str:
    """'loss_curve', 'png' → 'loss_curve.png': what both kinds of export name the file."""
    return f"{stem}.{suffix}"


def export_folder_name(preset: str, completed: int) -> str:
    """'backprop-studio-mazur-iter200': which run and how far it had gone."""
    return f"backprop-studio-{slug(preset).replace('_', '-')}-iter{completed}"


def make_fresh_folder(parent: Path, name: str) -> Path:
    """Make `parent/name`, or `name-2`, `name-3`, … when it exists: an earlier export is
    never written over. Raises OSError when none can be made."""
    for number in range(1, 1000):
        folder = parent / (name if number == 1 else f"{name}-{number}")
        try:
            os.mkdir(folder)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(f"{parent / name} and 998 numbered folders beside it exist")
