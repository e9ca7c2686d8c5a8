"""docs/reliability.md names real tests: every `file::test` in its table exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"`([\w/]+\.py)::(\w+)(?:\[[^`]*\])?`")


def test_every_test_the_table_names_exists() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    references = REFERENCE.findall(text)
    assert len(references) > 150
    missing = []
    for file, name in references:
        path = ROOT / "tests" / file
        source = path.read_text(encoding="utf-8") if path.is_file() else ""
        if not re.search(rf"^(async )?def {name}\(", source, re.MULTILINE):
            missing.append(f"{file}::{name}")
    assert missing == []


def test_rows_are_numbered_in_order() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"^\| (\d+) \|", text, re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
