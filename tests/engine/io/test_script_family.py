"""Each family of model has one script writer, member for member the written ScriptFamily."""

from __future__ import annotations

import inspect

import pytest

from engine.io.script_family import SCRIPT_FAMILIES, ScriptFamily
from engine.models.build import build_model
from engine.models.config import FUNCTION, NETWORK
from engine.models.presets import MAZUR, get_preset

MEMBERS = [
    name
    for name, member in vars(ScriptFamily).items()
    if not name.startswith("_") and inspect.isfunction(member)
]


def test_every_family_has_a_script_writer() -> None:
    assert set(SCRIPT_FAMILIES) == {NETWORK, FUNCTION}


@pytest.mark.parametrize("family", [NETWORK, FUNCTION])
def test_each_writer_has_every_member_of_the_protocol(family) -> None:
    writer = SCRIPT_FAMILIES[family]
    for name in MEMBERS:
        wanted = list(inspect.signature(getattr(ScriptFamily, name)).parameters)
        found = list(inspect.signature(getattr(type(writer), name)).parameters)
        assert found == wanted, (family, name, found, wanted)


@pytest.mark.parametrize(
    ("config", "label", "place"),
    [
        (MAZUR, "w1", ("model[0].weight", "(0, 0)")),
        (MAZUR, "b_o2", ("model[2].bias", "(1,)")),
        (get_preset("rosenbrock"), "y", ("y", "()")),
    ],
)
def test_each_writer_places_a_parameter_in_its_own_code(config, label, place) -> None:
    model = build_model(config)
    info = model.params[model.index[label]]
    assert SCRIPT_FAMILIES[config.family].place(model, info) == place
