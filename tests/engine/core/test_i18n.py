"""The engine's translation hook: English by default, templates translated before formatting."""

from __future__ import annotations

import pytest

from engine.core import i18n
from engine.models.presets import PRESETS
from engine.training.stepper import Stepper

FAKE = {
    ("Explain", "loss.backward(): autograd writes ∂E/∂{label} into {label}.grad."): (
        "loss.backward()：autograd 把 ∂E/∂{label} 写入 {label}.grad。"
    ),
    ("Explain", "Ready: a {shape} network with its starting parameters. "
     "Step (→) to run optimizer.zero_grad()."): "就绪：{shape} 网络。",
}  # fmt: skip


@pytest.fixture
def fake_translator():
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return FAKE.get((context, text), text)

    i18n.set_translator(translate)
    yield seen
    i18n.set_translator(None)


def step_to_first_gradient(stepper: Stepper) -> None:
    while stepper.snapshot.phase != "backward" or not stepper.snapshot.focus.startswith("w"):
        stepper.step_phase()


def test_without_a_translator_the_engine_speaks_english():
    stepper = Stepper(PRESETS["mazur"])
    assert stepper.snapshot.explanation.startswith("Ready: a 2-2-2 network")
    step_to_first_gradient(stepper)
    label = stepper.snapshot.focus
    assert stepper.snapshot.explanation == (
        f"loss.backward(): autograd writes ∂E/∂{label} into {label}.grad."
    )


def test_a_translator_gets_the_template_and_the_numbers_are_formatted_in(fake_translator):
    stepper = Stepper(PRESETS["mazur"])
    assert stepper.snapshot.explanation == "就绪：2-2-2 网络。"
    step_to_first_gradient(stepper)
    label = stepper.snapshot.focus
    assert (
        stepper.snapshot.explanation
        == f"loss.backward()：autograd 把 ∂E/∂{label} 写入 {label}.grad。"
    )
    # The translator saw the templates, never a text with the numbers already in it.
    asked = {text for context, text in fake_translator if context == "Explain"}
    assert "loss.backward(): autograd writes ∂E/∂{label} into {label}.grad." in asked
    assert not any("2-2-2" in text or f"∂E/∂{label} " in text for text in asked)


def test_hover_texts_and_table_texts_are_translated_where_shown(fake_translator):
    FAKE[("Explain", "The {function} function. {note}")] = "{function}函数。{note}"
    FAKE[("TestFunction", "Bowl")] = "碗形"
    FAKE[("TestFunction", "Round contours: the gradient points straight at the minimum.")] = "圆形"
    try:
        stepper = Stepper(PRESETS["bowl"])
        before_forward = stepper.describe("f")[1]
        stepper.step_phase()  # zero_grad
        stepper.step_phase()  # forward: f is computed (tooltips keep to the story)
        explanation, formula = stepper.describe("f")
    finally:
        for key in list(FAKE)[2:]:
            del FAKE[key]
    assert explanation == "碗形函数。圆形"
    assert formula == "f(x, y) = x² + y² = 3.25"
    assert "3.25" not in before_forward


def test_an_empty_translation_falls_back_to_english():
    i18n.set_translator(lambda context, text: "")
    try:
        assert i18n.translate("Explain", "bias of {neuron}") == "bias of {neuron}"
    finally:
        i18n.set_translator(None)


def test_the_marker_returns_its_text_unchanged():
    assert i18n.QT_TRANSLATE_NOOP("TestFunction", "Bowl") == "Bowl"
