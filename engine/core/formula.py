"""Formulas as data: small expression trees whose text and value come from the same numbers.

An explanation written as text beside the computation drifts from it. Here a formula is a tree
of the numbers the real computation used; its symbolic text (``w5 − lr·g``), its numeric text
(``0.4 − 0.5 × 0.082167041``), a plain Python expression over full-precision literals and its
value are all rendered from that one tree, so they cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Binding strength, for parentheses: a child binds looser than its parent needs -> (child).
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "**": 3}
_SYMBOLIC_OP = {"+": " + ", "-": " − ", "*": "·", "/": "/", "**": "^"}
_NUMERIC_OP = {"+": " + ", "-": " − ", "*": " × ", "/": " / ", "**": "^"}
_SUPERSCRIPT = str.maketrans("0123456789.-", "⁰¹²³⁴⁵⁶⁷⁸⁹·⁻")

FUNCTIONS: dict[str, Callable[..., float]] = {
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "tanh": math.tanh,
    "sin": math.sin,
    "cos": math.cos,
    "erf": math.erf,
    "abs": abs,
    "max": max,
    "min": min,
    "clamp": lambda x, low, high: min(max(x, low), high),  # torch.clamp of one number
}


class Expr:
    """A node of a formula tree; build trees with the operators and `sqrt`."""

    __slots__ = ()

    def __add__(self, other: Expr | float) -> Expr:
        return Op("+", self, _node(other))

    def __radd__(self, other: float) -> Expr:
        return Op("+", _node(other), self)

    def __sub__(self, other: Expr | float) -> Expr:
        return Op("-", self, _node(other))

    def __rsub__(self, other: float) -> Expr:
        return Op("-", _node(other), self)

    def __mul__(self, other: Expr | float) -> Expr:
        return Op("*", self, _node(other))

    def __rmul__(self, other: float) -> Expr:
        return Op("*", _node(other), self)

    def __truediv__(self, other: Expr | float) -> Expr:
        return Op("/", self, _node(other))

    def __rtruediv__(self, other: float) -> Expr:
        return Op("/", _node(other), self)

    def __pow__(self, other: Expr | float) -> Expr:
        return Op("**", self, _node(other))

    def __neg__(self) -> Expr:
        return Neg(self)

    def value(self) -> float:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Num(Expr):
    """A number the computation used; `symbol` names it in the symbolic text (``lr``, ``m``).

    `origin` is the formula that computed this number, when it is a factor a learner may ask
    about (∂E/∂out_o1 = out_o1 − target_o1): a view expands it beneath the formula.
    """

    number: float
    symbol: str | None = None
    origin: Formula | None = None

    def value(self) -> float:
        return float(self.number)


@dataclass(frozen=True, slots=True)
class Op(Expr):
    op: str  # one of + - * / **
    left: Expr
    right: Expr

    def value(self) -> float:
        a, b = self.left.value(), self.right.value()
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        if self.op == "/":
            return a / b if b else math.copysign(math.inf, a) if a else math.nan
        try:
            return a**b
        except OverflowError:  # a diverging run: the tensor holds inf, so does the tree
            return math.inf
        except ZeroDivisionError:
            return math.inf


@dataclass(frozen=True, slots=True)
class Neg(Expr):
    operand: Expr

    def value(self) -> float:
        return -self.operand.value()


@dataclass(frozen=True, slots=True)
class Call(Expr):
    function: str  # a key of FUNCTIONS
    arguments: tuple[Expr, ...]

    def value(self) -> float:
        try:
            return float(FUNCTIONS[self.function](*(a.value() for a in self.arguments)))
        except OverflowError:  # exp of a diverged number
            return math.inf
        except ValueError:  # log or sqrt of a NaN or a negative rounding residue
            return math.nan


def call(function: str, *arguments: Expr | float) -> Expr:
    return Call(function, tuple(_node(a) for a in arguments))


def sqrt(argument: Expr) -> Expr:
    return call("sqrt", argument)


def exp(argument: Expr) -> Expr:
    return call("exp", argument)


def total(terms: list[Expr]) -> Expr:
    """t1 + t2 + ... (left to right, as a reader adds them)."""
    result = terms[0]
    for term in terms[1:]:
        result = result + term
    return result


def product(factors: list[Expr]) -> Expr:
    result = factors[0]
    for factor in factors[1:]:
        result = result * factor
    return result


def factors_with_origins(expr: Expr) -> tuple[Num, ...]:
    """The leaves that carry their own formula, left to right, each symbol once."""
    found: dict[str, Num] = {}
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, Num):
            if node.origin is not None:
                found.setdefault(node.symbol or fmt(node.number), node)
        elif isinstance(node, Op):
            stack += [node.right, node.left]
        elif isinstance(node, Neg):
            stack.append(node.operand)
        elif isinstance(node, Call):
            stack += reversed(node.arguments)
    return tuple(found.values())


def _node(value: Expr | float) -> Expr:
    return value if isinstance(value, Expr) else Num(float(value))


@dataclass(frozen=True)
class Formula:
    """One line a learner reads: ``target ← symbolic = numeric = result``.

    `result` is the number the real computation produced (a tensor's value); `expression`
    evaluates to it up to rounding, which the tests check for every micro-step.
    """

    label: str  # what is computed: "w5", "m(w5)", "∂E/∂w5", "out_h1", "E"
    target: str  # how the line names it: "w5 ←", "m =", "E ="
    expression: Expr
    result: float

    def text(self) -> str:
        """Rendered when first shown (a micro-step builds many that no view reads), then kept."""
        cached = self.__dict__.get("_text")
        if cached is None:
            cached = self._render()
            object.__setattr__(self, "_text", cached)
        return cached

    def _render(self) -> str:
        symbolic, numeric = render_symbolic(self.expression), render_numeric(self.expression)
        result = fmt(self.result)
        if symbolic == result:  # a bare number (∂out/∂net = 1): said once
            return f"{self.target} {symbolic}"
        parts = [f"{self.target} {symbolic}"]
        if numeric not in (symbolic, result):  # ∂net_o1/∂w5 = out_h1 = 0.593269992, once
            parts.append(numeric)
        parts.append(result)
        return " = ".join(parts)

    def python(self) -> str:
        return render_python(self.expression)

    def as_dict(self) -> dict[str, object]:
        return {"label": self.label, "expression": self.python(), "result": self.result}


# -- rendering -----------------------------------------------------------------------------------
def fmt(value: float) -> str:
    """A number as explanations print it: nine decimals as in Mazur's post, no trailing 0s."""
    return _fmt_float(float(value))


@lru_cache(maxsize=4096)  # one gradient's factors reappear in its neighbours' formulas
def _fmt_float(value: float) -> str:
    if value != value or (value and not 1e-4 <= abs(value) < 1e6):
        return f"{value:.6e}"
    text = f"{value:.9f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def par(value: float) -> str:
    """fmt, with a negative number in parentheses so that `a − (−b)` reads right."""
    text = fmt(value)
    return f"({text})" if text.startswith("-") else text


def render_symbolic(expr: Expr) -> str:
    return _render(expr, _symbolic_leaf, _SYMBOLIC_OP, "·")


def render_numeric(expr: Expr) -> str:
    return _render(expr, _numeric_leaf, _NUMERIC_OP, " × ")


def render_python(expr: Expr) -> str:
    """Plain Python arithmetic over full-precision literals: ``eval``-able with math's names."""
    if isinstance(expr, Num):
        text = repr(float(expr.number))
        return f"({text})" if text.startswith("-") or not math.isfinite(expr.number) else text
    if isinstance(expr, Call):
        return f"{expr.function}({', '.join(render_python(a) for a in expr.arguments)})"
    if isinstance(expr, Neg):
        return f"(-{render_python(expr.operand)})"
    assert isinstance(expr, Op)
    return f"({render_python(expr.left)} {expr.op} {render_python(expr.right)})"


def _symbolic_leaf(num: Num) -> str:
    return num.symbol if num.symbol is not None else fmt(num.number)


def _numeric_leaf(num: Num) -> str:
    return par(num.number)


def _render(
    expr: Expr, leaf: Callable[[Num], str], ops: dict[str, str], times: str, parent: int = 0
) -> str:
    if isinstance(expr, Num):
        return leaf(expr)
    if isinstance(expr, Call):
        inner = ", ".join(_argument(a, leaf, ops, times) for a in expr.arguments)
        if expr.function != "sqrt":
            return f"{expr.function}({inner})"
        return f"√{inner}" if isinstance(expr.arguments[0], Num) else f"√({inner})"
    if isinstance(expr, Neg):  # −2·(1 − x) reads as −(2·(1 − x)): a product needs no ( )
        text = f"−{_render(expr.operand, leaf, ops, times, _PRECEDENCE['*'])}"
        return f"({text})" if parent > _PRECEDENCE["+"] else text
    assert isinstance(expr, Op)
    precedence = _PRECEDENCE[expr.op]
    if expr.op == "**":
        return _power(expr, leaf, ops, times)
    left = _render(expr.left, leaf, ops, times, precedence)
    # a − (b − c) and a / (b·c) need their parentheses; a − b·c does not
    right = _render(expr.right, leaf, ops, times, precedence + (expr.op in "-/"))
    operator = ops[expr.op]
    if operator == "·" and "∂" in left and "∂" in right:
        operator = " · "  # ∂E/∂out_o1 · ∂out_o1/∂net_o1 reads as two factors
    text = f"{left}{operator}{right}"
    return f"({text})" if precedence < parent else text


def _argument(expr: Expr, leaf: Callable[[Num], str], ops: dict[str, str], times: str) -> str:
    """A function's argument: its own parentheses suffice, tanh(−0.5) not tanh((−0.5))."""
    text = _render(expr, leaf, ops, times)
    if isinstance(expr, Num) and text.startswith("(") and text.endswith(")"):
        return text[1:-1]
    return text


def _power(expr: Op, leaf: Callable[[Num], str], ops: dict[str, str], times: str) -> str:
    base = _render(expr.left, leaf, ops, times, _PRECEDENCE["**"] + 1)
    if isinstance(expr.left, Num) and "/" in base and not base.startswith("("):
        base = f"({base})"  # (∂E/∂w3)², not ∂E/∂w3²
    if isinstance(expr.right, Num):
        exponent = leaf(expr.right).strip("()")
        raised = exponent.translate(_SUPERSCRIPT)
        if all(ch != plain for ch, plain in zip(raised, exponent, strict=True)):
            return f"{base}{raised}"
        return f"{base}^{exponent}"
    return f"{base}^({_render(expr.right, leaf, ops, times)})"


Line = object  # a line of a micro-step's arithmetic: text, a Formula, or a phrase to translate


def render_lines(lines: tuple[Line, ...]) -> str:
    """Formulas rendered from their trees, phrases in the current language, text as it is."""
    return "\n".join(_line_text(line) for line in lines)


def _line_text(line: Line) -> str:
    if isinstance(line, Formula):
        return line.text()
    render = getattr(line, "render", None)
    return render() if render is not None else str(line)


def evaluate_python(expression: str) -> float:
    """Evaluate a `render_python` string with only arithmetic and the allowed functions."""
    allowed = {"__builtins__": {}, **FUNCTIONS}
    return float(eval(compile(expression, "<formula>", "eval"), allowed))  # noqa: S307
