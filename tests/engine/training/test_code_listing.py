"""The code panel's optimizer line hands the optimizer the parameters the model trains, as
the exported script does: [x] for the parabola, [x, y] for a surface."""

from engine.io.script_function import function_body
from engine.models.presets import get_preset
from engine.training.code_listing import setup_lines
from engine.training.stepper import Stepper


def _optimizer_line(config) -> str:
    return next(line for line in setup_lines(config) if line.startswith("optimizer = "))


def test_the_parabola_optimizes_x_alone_as_its_script_does():
    config = get_preset("parabola")
    stepper = Stepper(config)
    assert list(stepper.params()) == ["x"]
    assert _optimizer_line(config) == "optimizer = torch.optim.SGD([x], lr=0.1)"
    assert any("SGD([x], lr=0.1)" in line for line in function_body(config, stepper.model))


def test_a_surface_optimizes_x_and_y():
    config = get_preset("bowl")
    assert "SGD([x, y]," in _optimizer_line(config)
