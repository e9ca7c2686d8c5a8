"""The desktop entry is valid, and scripts/install-desktop.sh installs it for one user."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "assets" / "backprop-studio.desktop"
SCRIPT = ROOT / "scripts" / "install-desktop.sh"


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def check_entry(path: Path) -> configparser.SectionProxy:
    values = entry(path)
    assert values["Type"] == "Application" and values["Name"] == "Backprop Studio"
    assert values["Icon"] == "backprop-studio" and values["Terminal"] == "false"
    assert values["Exec"] and values["Categories"].endswith(";")
    validate = shutil.which("desktop-file-validate")
    if validate:  # the freedesktop.org checker, where desktop-file-utils is installed
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    return values


def test_the_desktop_entry_is_valid():
    values = check_entry(DESKTOP)
    assert values["Exec"] == "backprop-studio"  # the command pip and pipx install


def run_script(home: Path, path: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env.update(HOME=str(home), PATH=path)
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip


@pytest.mark.parametrize("installed", [False, True])
def test_the_script_installs_into_home_and_uninstalls(tmp_path, installed):
    home = tmp_path / "home with space"
    home.mkdir()
    path = "/usr/bin:/bin"
    if installed:  # an installed command on PATH wins over the checkout's run.sh
        bin_dir = tmp_path / "bin & co"
        bin_dir.mkdir()
        (bin_dir / "backprop-studio").write_text("#!/bin/sh\n")
        (bin_dir / "backprop-studio").chmod(0o755)
        path = f"{bin_dir}:{path}"
    result = run_script(home, path)
    assert result.returncode == 0, result.stderr
    data = home / ".local" / "share"
    installed_entry = data / "applications" / "backprop-studio.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "backprop-studio.svg"
    values = check_entry(installed_entry)
    command = tmp_path / "bin & co" / "backprop-studio" if installed else SCRIPT.with_name("run.sh")
    assert values["Exec"] == f'"{command}"' and values["TryExec"] == str(command)
    assert os.access(values["TryExec"], os.X_OK)
    assert icon.read_bytes() == (ROOT / "assets" / "icon.svg").read_bytes()
    result = run_script(home, path, "--uninstall")
    assert result.returncode == 0 and not installed_entry.exists() and not icon.exists()


def test_an_unknown_option_is_one_line_and_exit_2(tmp_path):
    result = run_script(tmp_path, "/usr/bin:/bin", "--bogus")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / ".local").exists()
