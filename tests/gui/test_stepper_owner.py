"""The controller is the only owner of the stepper: no other part of the window reads it."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "gui"


def stepper_reads(source: str) -> list[int]:
    """Lines that read `<something>.stepper` off a controller."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "stepper":
            owner = ast.unparse(node.value)
            if owner.endswith(("controller", "controller()")):
                lines.append(node.lineno)
    return sorted(lines)


def test_only_the_controller_reads_its_stepper() -> None:
    found = {
        str(path.relative_to(GUI.parent)): lines
        for path in GUI.rglob("*.py")
        if path.name != "controller.py"
        and (lines := stepper_reads(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_a_read_is_found() -> None:
    assert stepper_reads("x = window.controller.stepper.model\ny = self.controller().stepper") == [
        1,
        2,
    ]
    assert stepper_reads("stepper = self.stepper\nz = worker.stepper") == []
