"""Where the app's assets are: lessons, translations, stylesheets and the icon.

In a source checkout they are assets/ beside engine/. An installed wheel carries the same
folder as the package `backprop_assets` (pyproject.toml maps assets/ to it), since nothing
outside a package reaches site-packages. Every reader of an asset asks this one place.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ASSETS_PACKAGE = "backprop_assets"
CHECKOUT_ASSETS = Path(__file__).resolve().parents[2] / "assets"


def find_assets() -> Path:
    """The checkout's assets/ when it is there, else the installed package's folder."""
    if _holds_assets(CHECKOUT_ASSETS):
        return CHECKOUT_ASSETS
    spec = importlib.util.find_spec(ASSETS_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        if _holds_assets(Path(location)):
            return Path(location)
    return CHECKOUT_ASSETS  # missing everywhere: readers report the files they cannot find


def _holds_assets(folder: Path) -> bool:
    # Another distribution's top-level "assets" folder beside engine/ must not be taken for ours.
    return (folder / "lessons").is_dir() and (folder / "translations").is_dir()


ASSETS = find_assets()
LESSONS = ASSETS / "lessons"
TRANSLATIONS = ASSETS / "translations"
ICON = ASSETS / "icon.svg"
