"""Every command in the README's examples block runs as written (in a scratch folder)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"Examples, after a first .*?```bash\n(.*?)```", re.DOTALL)


def example_lines() -> list[str]:
    found = BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "the README's examples block is missing"
    return [line for line in found.group(1).splitlines() if line.strip()]


def test_the_examples_block_covers_every_command() -> None:
    text = "\n".join(example_lines())
    for command in ("train", "surface", "export", "trace", "replay", "script", "--init"):
        assert command in text, command


def test_every_readme_example_runs_as_written(tmp_path: Path) -> None:
    """The lines run one after another, as a reader pastes them, from a folder of their own."""
    app = f"{sys.executable} {ROOT / 'main.py'}"
    script = ["set -euo pipefail"]
    for line in example_lines():
        words = [app if word == "main.py" else word for word in line.split(" ")]
        words = [sys.executable if word == ".venv/bin/python" else word for word in words]
        script.append(" ".join(words).replace(f"{sys.executable} {app}", app))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "figures" / "index.html").is_file()
    assert (tmp_path / "mazur.json").is_file() and (tmp_path / "rosenbrock_run.py").is_file()
