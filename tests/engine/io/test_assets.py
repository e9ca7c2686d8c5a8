"""One place finds the assets: the checkout's assets/, else the installed backprop_assets."""

from pathlib import Path

import pytest

from engine.io import assets

ROOT = Path(__file__).resolve().parents[3]


def test_a_checkout_uses_its_own_assets_folder():
    assert assets.ASSETS == ROOT / "assets"
    assert assets.LESSONS.is_dir() and any(assets.LESSONS.glob("*.toml"))
    assert (assets.TRANSLATIONS / "backprop_studio_zh_CN.qm").is_file()
    assert assets.ICON.is_file() and (assets.ASSETS / "style.qss").is_file()


def installed_copy(tmp_path: Path) -> Path:
    package = tmp_path / "site" / assets.ASSETS_PACKAGE
    (package / "lessons").mkdir(parents=True)
    (package / "translations").mkdir()
    return package


@pytest.mark.parametrize("beside_engine", ["missing", "someone else's assets"])
def test_an_installed_app_finds_the_assets_package(tmp_path, monkeypatch, beside_engine):
    package = installed_copy(tmp_path)
    monkeypatch.syspath_prepend(str(package.parent))
    other = tmp_path / "assets"  # where a checkout's folder would be
    if beside_engine != "missing":
        (other / "images").mkdir(parents=True)  # a top-level "assets" of another wheel
    monkeypatch.setattr(assets, "CHECKOUT_ASSETS", other)
    assert assets.find_assets() == package


def test_without_any_assets_the_checkout_path_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "CHECKOUT_ASSETS", tmp_path / "assets")
    monkeypatch.setattr(assets, "ASSETS_PACKAGE", "backprop_assets_not_installed")
    assert assets.find_assets() == tmp_path / "assets"  # readers then say what is missing
