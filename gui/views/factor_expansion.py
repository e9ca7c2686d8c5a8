"""Where each factor of the shown formulas comes from: links to click, expansions beneath.

Every factor leaf that carries its own formula (engine.core.formula.Num.origin) is offered as a
link; clicking it shows that formula with its numbers beneath, whose own factors are links in
turn. Paths of factor indices ("0", "0.1") name the expansions, so a link stays valid while
the same micro-step is shown.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from engine.core.formula import Formula, Num, factors_with_origins

FACTOR_SCHEME = "factor:"
TOGGLE_ALL = "factors:all"
INDENT_PX = 18
MAX_DEPTH = 8  # deeper expansions are reached by clicking on from the last one shown


def tr(text: str) -> str:
    return QCoreApplication.translate("ExplanationPanel", text)


def factors_of(formulas: Sequence[Formula]) -> tuple[Num, ...]:
    """The expandable factors of several formulas, left to right, each symbol once."""
    seen: dict[str, Num] = {}
    for formula in formulas:
        for factor in factors_with_origins(formula.expression):
            seen.setdefault(str(factor.symbol), factor)
    return tuple(seen.values())


def origin_at(formulas: Sequence[Formula], path: str) -> Formula | None:
    """The formula a path of factor indices leads to; None for a path that leads nowhere."""
    factors = factors_of(formulas)
    origin: Formula | None = None
    for part in path.split("."):
        if not part.isdigit() or int(part) >= len(factors):
            return None
        origin = factors[int(part)].origin
        assert origin is not None
        factors = factors_of([origin])
    return origin


class FactorExpansion:
    """Which factors are expanded, and the HTML of the links and expansions."""

    def __init__(self) -> None:
        self.expanded: set[str] = set()
        self.show_all = False  # kept from one micro-step to the next

    def toggle(self, anchor: str) -> bool:
        """A clicked link; False for an anchor that is not one of ours."""
        if anchor == TOGGLE_ALL:
            self.show_all = not self.show_all
            self.expanded.clear()
            return True
        if anchor.startswith(FACTOR_SCHEME):
            self.expanded ^= {anchor.removeprefix(FACTOR_SCHEME)}
            return True
        return False

    def is_open(self, path: str) -> bool:
        """Open when clicked open, or on the first level while "show all" is on (a click
        there closes it)."""
        default = self.show_all and "." not in path
        return default != (path in self.expanded)

    def html(self, formulas: Sequence[Formula], box_style: str, link_style: str) -> str:
        factors = factors_of(formulas)
        if not factors:
            return ""
        label = tr("hide all") if self.show_all else tr("show all")
        head = html.escape(tr("Where each factor comes from:"))
        toggle = f"<a href='{TOGGLE_ALL}' style='{link_style}'>{html.escape(label)}</a>"
        parts = [f"<p>{head} {self._links(factors, '', link_style)} · {toggle}</p>"]
        parts += self._expansions(factors, "", box_style, link_style, 0)
        return "".join(parts)

    def _links(self, factors: Sequence[Num], prefix: str, link_style: str) -> str:
        links = []
        for index, factor in enumerate(factors):
            path = f"{prefix}{index}"
            mark = "▾" if self.is_open(path) else "▸"
            text = html.escape(f"{mark} {factor.symbol}")
            links.append(f"<a href='{FACTOR_SCHEME}{path}' style='{link_style}'>{text}</a>")
        return " &nbsp; ".join(links)

    def _expansions(
        self, factors: Sequence[Num], prefix: str, box_style: str, link_style: str, depth: int
    ) -> list[str]:
        parts: list[str] = []
        for index, factor in enumerate(factors):
            path = f"{prefix}{index}"
            if not self.is_open(path) or factor.origin is None or depth >= MAX_DEPTH:
                continue
            margin = f"margin-left: {INDENT_PX * (depth + 1)}px;"
            text = html.escape(factor.origin.text())
            parts.append(f'<p style="{box_style} {margin}">{text}</p>')
            inner = factors_of([factor.origin])
            if inner:
                links = self._links(inner, f"{path}.", link_style)
                parts.append(f"<p style='{margin}'>{links}</p>")
                parts += self._expansions(inner, f"{path}.", box_style, link_style, depth + 1)
        return parts
