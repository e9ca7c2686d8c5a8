"""Data files are found in the checkout's assets/data/, else in the installed backprop_assets."""

from pathlib import Path

from engine.data import data_files

ROOT = Path(__file__).resolve().parents[3]


def test_a_checkout_reads_its_own_data_folder():
    assert data_files.data_file("digits.csv.gz") == ROOT / "assets" / "data" / "digits.csv.gz"


def test_an_installed_app_reads_the_assets_package(tmp_path, monkeypatch):
    package = tmp_path / "site" / data_files.ASSETS_PACKAGE
    (package / "data").mkdir(parents=True)
    (package / "data" / "digits.csv.gz").write_bytes(b"")
    monkeypatch.syspath_prepend(str(package.parent))
    monkeypatch.setattr(data_files, "CHECKOUT_DATA", tmp_path / "assets" / "data")
    assert data_files.data_file("digits.csv.gz") == package / "data" / "digits.csv.gz"


def test_a_file_found_nowhere_is_named_at_the_checkout(tmp_path, monkeypatch):
    monkeypatch.setattr(data_files, "CHECKOUT_DATA", tmp_path)
    monkeypatch.setattr(data_files, "ASSETS_PACKAGE", "backprop_assets_not_installed")
    assert data_files.data_file("digits.csv.gz") == tmp_path / "digits.csv.gz"
