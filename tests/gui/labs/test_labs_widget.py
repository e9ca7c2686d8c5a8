"""LabsWidget holds every lab, forwards "use in network", and each lab renders something."""

from __future__ import annotations

from PySide6.QtGui import QImage

from engine.labs.gradient_check import freeze
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from gui.labs import LabsWidget
from gui.theme import apply_plot_theme


def distinct_colours(image: QImage) -> int:
    small = image.scaled(200, 130)
    return len({small.pixel(x, y) for x in range(small.width()) for y in range(small.height())})


def test_tabs_signal_and_non_blank_renders(qtbot, tmp_path) -> None:
    apply_plot_theme()
    stepper = Stepper(MAZUR)
    labs = LabsWidget(lambda done: done(freeze(stepper)))
    qtbot.addWidget(labs)
    assert labs.count() == 6
    assert [labs.tabText(i).replace("&&", "&") for i in range(6)] == [
        "Activations",
        "Vanishing gradients",
        "Softmax & cross-entropy",
        "autograd.grad vs backward",
        "Gradient check",
        "Classification",
    ]
    with qtbot.waitSignal(labs.use_activation_requested) as signal:
        labs.activation.use_button.click()
    assert signal.args == ["sigmoid"]
    qtbot.waitUntil(lambda: bool(labs.vanishing.profiles), timeout=10_000)
    labs.resize(1100, 700)
    labs.show()
    for i in range(labs.count()):
        labs.setCurrentIndex(i)
        image = labs.currentWidget().grab().toImage()
        assert image.width() > 1000 and distinct_colours(image) > 30, labs.tabText(i)
        assert image.save(str(tmp_path / f"lab-{i}.png"))
    labs.shutdown()


def test_labs_are_built_when_first_shown_or_read(qtbot) -> None:
    stepper = Stepper(MAZUR)
    labs = LabsWidget(lambda done: done(freeze(stepper)))
    qtbot.addWidget(labs)
    assert labs.built() == [] and labs.count() == 6
    labs.show()
    assert labs.built() == [labs.activation]  # the open tab, built as it is shown
    labs.setCurrentIndex(2)
    assert labs.currentWidget() is labs.softmax and len(labs.built()) == 2
    playground = labs.playground  # read while another tab is open
    assert labs.indexOf(playground) == 5 and labs.currentIndex() == 2
    assert labs.tabText(5) == "Classification" and labs.tabToolTip(5)
    assert labs.tabText(2) == "Softmax && cross-entropy"  # shown with its &, not underlining
    assert labs.playground is playground and len(labs.built()) == 3
    labs.shutdown()
