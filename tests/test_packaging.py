"""The wheel is the whole app: installed from it, the app has its lessons, translation and
styles, and runs from a folder that is not the checkout."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "main.py", "engine", "gui", "assets")

CHECK_INSTALLED = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
import engine
from engine.data.data_files import data_file
from engine.data.datasets import load_dataset
from engine.io.assets import ASSETS, ICON
from engine.lessons import load_lessons
from gui.language import install_language

app = QCoreApplication([])
catalog = load_lessons()
print(json.dumps({
    "engine": engine.__file__,
    "assets": str(ASSETS),
    "lessons": [lesson.id for lesson in catalog.lessons],
    "broken": [str(b) for b in catalog.broken],
    "zh_CN": install_language("zh_CN"),
    "translated": QCoreApplication.translate("MainWindow", "Loss surface"),
    "styles": sorted(p.name for p in ASSETS.glob("*.qss")),
    "icon": ICON.is_file(),
    "digits": len(load_dataset("digits")),
    "digits_file": str(data_file("digits.csv.gz")),
}))
"""


def listed_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["packages"]


def test_every_code_package_is_in_the_wheel():
    from setuptools import find_packages

    found = find_packages(str(ROOT), include=["engine", "engine.*", "gui", "gui.*"])
    assert sorted(found) == sorted(p for p in listed_packages() if p != "backprop_assets")


def build_wheel(tmp_path: Path) -> Path:
    """Built from a copy of the sources, so the checkout gets no build/ or egg-info."""
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is missing from the test environment (requirements/test.txt)")
    source = tmp_path / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "-q", "-w", str(dist), str(source)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    (wheel,) = dist.glob("backprop_studio-*.whl")
    return wheel


def fresh_environment(tmp_path: Path) -> Path:
    """A new virtual environment that borrows the test environment's torch and PySide6 (a
    .pth file naming its site-packages) instead of downloading them."""
    venv = tmp_path / "venv"
    # pip from 22.3 on installs into another environment (--python); older ones need their own.
    without_pip = ["--without-pip"] if pip_can_target_another_python() else []
    subprocess.run([sys.executable, "-m", "venv", *without_pip, str(venv)], check=True,
                   timeout=120)  # fmt: skip
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "borrowed.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return venv


def pip_can_target_another_python() -> bool:
    version = importlib.metadata.version("pip")
    return tuple(int(part) for part in version.split(".")[:2]) >= (22, 3)


def install(wheel: Path, venv: Path) -> None:
    python = str(venv / "bin" / "python")
    pip = ([sys.executable, "-m", "pip", "--python", python] if pip_can_target_another_python()
           else [python, "-m", "pip"])  # fmt: skip
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True,
                   capture_output=True, timeout=120)  # fmt: skip


def outside_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_the_installed_wheel_has_its_assets_and_runs_outside_the_checkout(tmp_path):
    wheel = build_wheel(tmp_path)
    venv = fresh_environment(tmp_path)
    install(wheel, venv)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [str(venv / "bin" / "backprop-studio"), "train", "--preset", "mazur", "--steps", "1",
         "--json"],
        cwd=elsewhere, env=outside_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["losses"][0] == pytest.approx(0.298371109, abs=1e-9)

    check = subprocess.run(
        [str(venv / "bin" / "python"), "-c", CHECK_INSTALLED],
        cwd=elsewhere, env=outside_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    found = json.loads(check.stdout)
    installed = Path(sysconfig.get_paths(vars={"base": str(venv)})["purelib"]).resolve()
    for key in ("engine", "assets"):  # the installed copy, not this checkout
        assert Path(found[key]).resolve().is_relative_to(venv.resolve()), found[key]
    assert Path(found["assets"]).resolve() == installed / "backprop_assets"
    lesson_files = list((ROOT / "assets" / "lessons").glob("*.toml"))
    assert len(found["lessons"]) == len(lesson_files) > 0 and found["broken"] == []
    assert found["zh_CN"] is True and found["translated"] == "损失曲面"
    assert found["styles"] == ["style-dark.qss", "style.qss"] and found["icon"] is True
    assert found["digits"] == 1797  # the data files travel with the wheel
    assert Path(found["digits_file"]).resolve().is_relative_to(installed / "backprop_assets")

    shot = subprocess.run(
        [str(venv / "bin" / "backprop-studio"), "--screenshot", "window.png"],
        cwd=elsewhere, env=outside_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert shot.returncode == 0, shot.stderr
    assert (elsewhere / "window.png").stat().st_size > 10_000  # the window opened and painted
