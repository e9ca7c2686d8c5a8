"""A formula tree as LaTeX, for slides and notes: the same tree, the same numbers as shown.

``δ_o1 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 = 0.74136507 × 0.186815602 = 0.138498562`` becomes
``\\delta_{o1} = \\frac{\\partial E}{\\partial \\mathrm{out}_{o1}} \\cdot … = (\\mathrm{out}_{o1}
- \\mathrm{target}_{o1}) \\cdot \\mathrm{out}_{o1} \\cdot (1 - \\mathrm{out}_{o1}) = 0.74136507
\\times 0.186815602 = 0.138498562``: where a factor carries its own formula, one more part says
what it is made of. Numbers are printed by `fmt`, exactly as the window prints them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from engine.core.formula import Call, Expr, Formula, Neg, Num, Op, fmt, par

GREEK = {
    "δ": r"\delta",
    "α": r"\alpha",
    "β": r"\beta",
    "λ": r"\lambda",
    "μ": r"\mu",
    "ε": r"\varepsilon",
    "τ": r"\tau",
    "η": r"\eta",
    "σ": r"\sigma",
    "Σ": r"\Sigma",
    "π": r"\pi",
}
SEPARATORS = {
    "=": " = ",
    "+": " + ",
    "−": " - ",
    "-": " - ",
    "·": r" \cdot ",
    "×": r" \times ",
    "←": r" \leftarrow ",
    "²": "^{2}",
    "≤": r" \le ",
    "<": " < ",
    ">": " > ",
    ",": ", ",
    "(": "(",
    ")": ")",
    "√": r"\surd ",
}
_SPLIT = re.compile(r"(\s+|[=+−·×←²≤<>,()√])")
_NUMBER = re.compile(r"-?\d+(\.\d+)?(e[-+]?\d+)?")
_SPECIAL = re.compile(r"([\\{}_#%&$^~])")
_FUNCTIONS = {"exp", "log", "tanh", "sqrt", "max", "min", "abs", "sin", "cos"}


def formula_latex(formula: Formula) -> str:
    """`target symbolic [= expanded] = numeric = result`, as `Formula.text` orders them."""
    target = text_latex(formula.target.rstrip(" =←"))
    arrow = r" \leftarrow " if formula.target.rstrip().endswith("←") else " = "
    symbolic = expression_latex(formula.expression, _symbolic_leaf)
    expanded = expression_latex(_expanded(formula.expression), _symbolic_leaf)
    numeric = expression_latex(formula.expression, _numeric_leaf, r" \times ")
    result = fmt(formula.result)
    parts = [symbolic]
    for part in (expanded, numeric, result):
        if part not in parts:
            parts.append(part)
    return target + arrow + " = ".join(parts)


def text_latex(text: str) -> str:
    """Free text of a formula's head (``δ_o1 = ∂E/∂net_o1``, ``E = Σ ½(target − out)²``)."""
    pieces = []
    for token in _SPLIT.split(text):
        if not token or token.isspace():
            continue
        pieces.append(SEPARATORS.get(token) or symbol_latex(token))
    return "".join(pieces).replace("  ", " ").strip()


def symbol_latex(symbol: str) -> str:
    """One name: ∂E/∂out_o1 → a fraction, out_o1 → \\mathrm{out}_{o1}, w5 → w_{5}."""
    if symbol.startswith("∂") and "/∂" in symbol:
        top, bottom = symbol[1:].split("/∂", 1)
        return rf"\frac{{\partial {symbol_latex(top)}}}{{\partial {symbol_latex(bottom)}}}"
    if _NUMBER.fullmatch(symbol):
        return symbol
    if symbol == "½":
        return r"\tfrac{1}{2}"
    if len(symbol) > 2 and symbol[0] == symbol[-1] == "‖":  # ‖g‖, the norm clipping measured
        return rf"\lVert {symbol_latex(symbol[1:-1])} \rVert"
    if symbol == "Σ":
        return r"\sum "
    if symbol.startswith("Σ") and len(symbol) > 1:
        return r"\Sigma " + symbol_latex(symbol[1:])
    suffix = ""
    if symbol.endswith("]") and "[" in symbol:  # out_o1[2]: the second sample's
        symbol, _, index = symbol[:-1].partition("[")
        suffix = f"[{_escape(index)}]"
    head, underscore, sub = symbol.partition("_")
    if not underscore:
        match = re.fullmatch(r"(\D+?)(\d+)", symbol)  # w5, β1, i1
        if match:
            head, sub = match.groups()
    return _name(head) + (f"_{{{_escape(sub)}}}" if sub else "") + suffix


def _name(head: str) -> str:
    if head in GREEK:
        return GREEK[head]
    if len(head) == 2 and head[1] == "\u0302":  # m̂, v̂
        return rf"\hat{{{_name(head[0])}}}"
    if len(head) == 1 and head.isascii() and head.isalpha():
        return head
    return rf"\mathrm{{{_escape(head)}}}"


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text).replace("−", "-")


# -- trees ----------------------------------------------------------------------------------
Leaf = Callable[[Num], str]


def _symbolic_leaf(num: Num) -> str:
    return symbol_latex(num.symbol) if num.symbol is not None else fmt(num.number)


def _numeric_leaf(num: Num) -> str:
    return par(num.number)


def _expanded(expr: Expr) -> Expr:
    """The tree with each factor that carries its own formula replaced by that formula's tree."""
    if isinstance(expr, Num):
        return expr.origin.expression if expr.origin is not None else expr
    if isinstance(expr, Op):
        return Op(expr.op, _expanded(expr.left), _expanded(expr.right))
    if isinstance(expr, Neg):
        return Neg(_expanded(expr.operand))
    assert isinstance(expr, Call)
    return Call(expr.function, tuple(_expanded(a) for a in expr.arguments))


def expression_latex(expr: Expr, leaf: Leaf, times: str = r" \cdot ", parent: int = 0) -> str:
    """LaTeX of a tree; `parent` is the binding its place needs (parentheses when looser)."""
    if isinstance(expr, Num):
        text = leaf(expr)
        return f"({text})" if parent >= 4 and text.startswith(r"\frac") else text
    if isinstance(expr, Call):
        return _call(expr, leaf, times)
    if isinstance(expr, Neg):
        text = "-" + expression_latex(expr.operand, leaf, times, 2)  # -2 \cdot x, as read
        return f"({text})" if parent > 1 else text
    assert isinstance(expr, Op)
    if expr.op == "/":
        top = expression_latex(expr.left, leaf, times)
        bottom = expression_latex(expr.right, leaf, times)
        text, binding = rf"\frac{{{top}}}{{{bottom}}}", 2
    elif expr.op == "**":
        base = expression_latex(expr.left, leaf, times, 4)
        text, binding = f"{base}^{{{expression_latex(expr.right, leaf, times)}}}", 3
    else:
        binding = 1 if expr.op in "+-" else 2
        left = expression_latex(expr.left, leaf, times, binding)
        right = expression_latex(expr.right, leaf, times, binding + (expr.op == "-"))
        operator = {"+": " + ", "-": " - ", "*": times}[expr.op]
        text = f"{left}{operator}{right}"
    return f"({text})" if binding < parent else text


def _call(expr: Call, leaf: Leaf, times: str) -> str:
    inner = ", ".join(expression_latex(a, leaf, times) for a in expr.arguments)
    if expr.function == "sqrt":
        return rf"\sqrt{{{inner}}}"
    if expr.function == "exp":
        return rf"e^{{{inner}}}"
    if expr.function == "abs":
        return rf"\left|{inner}\right|"
    name = rf"\{expr.function}" if expr.function in _FUNCTIONS else rf"\mathrm{{{expr.function}}}"
    return rf"{name}\left({inner}\right)"
