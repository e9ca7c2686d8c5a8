"""Layer sizes are read as the app writes them ("2-8-8-2" in the rebuilt banner) or with
commas; a minus sign stays a minus sign, for the engine to refuse."""

import pytest

from gui.views.checked_field import parse_sizes


@pytest.mark.parametrize("text", ["2,8,8,2", "2 8 8 2", "2-8-8-2", "2 - 8 - 8 - 2", " 2, 8,8 ,2 "])
def test_layer_sizes_are_read_with_commas_spaces_or_dashes(text):
    assert parse_sizes(text) == (2, 8, 8, 2)


def test_a_negative_size_keeps_its_sign():
    assert parse_sizes("2,-8,2") == (2, -8, 2)
    assert parse_sizes("2 -8 2") == (2, -8, 2)


@pytest.mark.parametrize("text", ["2-x-2", "2.5,2", "two"])
def test_what_is_not_whole_numbers_is_refused_with_an_example(text):
    with pytest.raises(ValueError, match="2,2,2"):
        parse_sizes(text)
