"""`main.py export --formats`: spaces, case and repeats are forgiven; the order is kept."""

from __future__ import annotations

import pytest

from engine.errors import EngineError
from gui.export_command import parse_formats


def test_formats_are_cleaned_up_and_kept_in_order():
    assert parse_formats("png, SVG,png ,csv") == ("png", "svg", "csv")


@pytest.mark.parametrize("text", ["", " , ", "png,,gif"])
def test_nothing_usable_is_refused(text):
    with pytest.raises(EngineError):
        parse_formats(text)
