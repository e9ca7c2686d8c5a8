"""Formulas copied as LaTeX: the same tree and the same numbers as the window shows."""

from __future__ import annotations

import re

import pytest

from engine.core.formula import Formula, Num, call, exp, sqrt
from engine.core.latex import formula_latex, symbol_latex, text_latex
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?")


def balanced(latex: str) -> bool:
    depth = 0
    for char in re.sub(r"\\[{}]", "", latex):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0 and latex.count("(") == latex.count(")")


def iteration_formulas(config: Config) -> list[Formula]:
    stepper = Stepper(config)
    return [f for _ in stepper.plan for f in stepper.step_phase().formulas]


def shown_numbers(formula: Formula) -> list[str]:
    """The numbers of the text's numeric part and result, as the window prints them."""
    numeric = " ".join(formula.text().split(" = ")[-2:])
    for glyph, plain in (("−", "-"), ("(", " "), (")", " "), ("²", " 2"), ("√", " ")):
        numeric = numeric.replace(glyph, plain)  # a power's exponent is a number in LaTeX
    return NUMBER.findall(numeric)


def test_delta_o1_reads_as_the_textbook_writes_it():
    delta = next(f for f in iteration_formulas(MAZUR) if f.label == "δ_o1")
    assert formula_latex(delta) == (
        r"\delta_{o1} = \frac{\partial E}{\partial \mathrm{net}_{o1}} = "
        r"\frac{\partial E}{\partial \mathrm{out}_{o1}} \cdot "
        r"\frac{\partial \mathrm{out}_{o1}}{\partial \mathrm{net}_{o1}} = "
        r"(\mathrm{out}_{o1} - \mathrm{target}_{o1}) \cdot \mathrm{out}_{o1} \cdot "
        r"(1 - \mathrm{out}_{o1}) = 0.74136507 \times 0.186815602 = 0.138498562"
    )


@pytest.mark.parametrize(
    "config",
    [MAZUR, MAZUR.with_hidden_activation("tanh"), MAZUR.with_hidden_activation("relu")],
    ids=["sigmoid", "tanh", "relu"],
)
def test_every_formula_of_an_iteration_is_balanced_and_shows_the_same_numbers(config):
    formulas = iteration_formulas(config)
    assert len(formulas) > 20
    for formula in formulas:
        latex = formula_latex(formula)
        assert balanced(latex), latex
        assert "∂" not in latex and "−" not in latex and "·" not in latex, latex
        tail = " = ".join(latex.split(" = ")[-2:])
        cleaned = re.sub(r"\\[a-z]+|[{}^()]", " ", tail)
        assert NUMBER.findall(cleaned) == shown_numbers(formula), (latex, formula.text())


def test_loss_and_update_heads_become_math():
    formulas = iteration_formulas(MAZUR)
    loss = next(f for f in formulas if f.label == "E")
    assert formula_latex(loss).startswith(r"E = \tfrac{1}{2} \cdot (\mathrm{target}_{o1}")
    update = next(f for f in formulas if f.label == "w5")
    assert formula_latex(update).startswith(r"w_{5} \leftarrow w_{5} - \mathrm{lr} \cdot ")
    assert formula_latex(update).endswith(r"= 0.4 - 0.5 \times 0.082167041 = 0.35891648")


def test_functions_fractions_powers_and_names():
    x = Num(0.25, "x")
    formula = Formula("y", "y =", sqrt(x) / (1 + exp(-x)) + call("tanh", x) ** 2, 0.0)
    latex = formula_latex(formula)
    assert latex.startswith(r"y = \frac{\sqrt{x}}{1 + e^{-x}} + \tanh\left(x\right)^{2} = ")
    assert balanced(latex)
    assert symbol_latex("m̂") == r"\hat{m}"
    assert symbol_latex("β1") == r"\beta_{1}"
    assert symbol_latex("‖g‖") == r"\lVert g \rVert"
    assert symbol_latex("out_h1_2[3]") == r"\mathrm{out}_{h1\_2}[3]"
    assert text_latex("E = Σ ½(target − out)²") == (
        r"E = \sum \tfrac{1}{2}(\mathrm{target} - \mathrm{out})^{2}"
    )
