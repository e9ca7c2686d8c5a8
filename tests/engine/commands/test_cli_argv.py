"""Values that start with a minus sign are joined to their option before argparse reads them."""

from __future__ import annotations

from engine.commands.cli_argv import join_numeric_values

OPTIONS = {"--range", "--lr", "--steps"}


def test_numbers_after_a_value_option_are_joined():
    argv = ["surface", "--range", "-2,3,-1,1", "--lr", "-1e-3", "--steps", "-inf"]
    assert join_numeric_values(argv, OPTIONS) == [
        "surface", "--range=-2,3,-1,1", "--lr=-1e-3", "--steps=-inf",
    ]  # fmt: skip


def test_options_flags_and_the_end_marker_are_left_alone():
    argv = ["--json", "-2", "--range", "--lr", "--lr", "-h", "--", "--range", "-1"]
    assert join_numeric_values(argv, OPTIONS) == argv
    assert join_numeric_values(["--range"], OPTIONS) == ["--range"]
