"""The iteration GIF's diagram is the window's figure: targets with their values, headings
naming each layer's activation."""

from PySide6.QtWidgets import QGraphicsSimpleTextItem

from gui.window_animations import iteration_diagram


def _texts(view) -> list[str]:
    return [
        item.text() for item in view.scene().items() if isinstance(item, QGraphicsSimpleTextItem)
    ]


def test_the_iteration_diagram_shows_the_targets_and_the_activations(window):
    window.controller.step_iteration()
    diagram = iteration_diagram(window)
    try:
        assert diagram.data_tags.targets == {"o1": 0.01, "o2": 0.99}
        targets = diagram.data_tags
        assert targets.target_text("o1") == "target 0.01"
        assert targets.target_text("o2") == "target 0.99"
        texts = _texts(diagram)
        assert "hidden layer · sigmoid" in texts and "output layer · sigmoid" in texts
    finally:
        diagram.deleteLater()
