"""The current micro-step in words and as a formula with its numbers, from the Snapshot."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QPoint, QUrl
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from engine.core.formula import Formula
from engine.core.latex import formula_latex
from engine.core.snapshot import Snapshot
from gui.views.factor_expansion import FACTOR_SCHEME, FactorExpansion, origin_at

FORMULA_STYLE = (
    "white-space: pre-wrap; font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; "
    "font-size: 10pt; background-color: #f4f6f9; color: #1c2733;"
)
NOTE_STYLE = "background-color: #fff3cd; color: #5c4400;"
HEADING_STYLE = "color: #5f6b7a; font-size: 9pt;"
DETAIL_ANCHOR = "selected"
LINK_STYLE = "color: #1f5fbf; text-decoration: none;"
DARK_STYLES = {  # the same boxes on a dark page: light text, dark fills
    FORMULA_STYLE: FORMULA_STYLE.replace("#f4f6f9", "#2a2e34").replace("#1c2733", "#e6e8eb"),
    NOTE_STYLE: "background-color: #4a3c12; color: #ffe7a3;",
    HEADING_STYLE: HEADING_STYLE.replace("#5f6b7a", "#9aa5b4"),
    LINK_STYLE: LINK_STYLE.replace("#1f5fbf", "#8ab4f8"),
}


def phase_title(phase: str) -> str:
    titles = {
        "ready": QCoreApplication.translate("ExplanationPanel", "ready"),
        "edit": QCoreApplication.translate("ExplanationPanel", "edit"),
        "zero_grad": "optimizer.zero_grad()",
        "forward": QCoreApplication.translate("ExplanationPanel", "forward pass"),
        "loss": QCoreApplication.translate("ExplanationPanel", "loss"),
        "backward": "loss.backward()",
        "step": "optimizer.step()",
        "batch": "for xb, yb in loader",
        "clip": QCoreApplication.translate("ExplanationPanel", "gradient clipping"),
        "schedule": "scheduler.step()",
        "eval_mode": "model.eval()",
        "evaluate": QCoreApplication.translate("ExplanationPanel", "validation pass"),
    }
    return titles.get(phase, phase)


class ExplanationPanel(QTextBrowser):
    """Read-only rich text: heading, explanation, formula (monospace), and any variant note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        font = self.font()
        font.setPointSize(11)  # points: sized by the screen's DPI, sharp at any scale
        self.setFont(font)
        self._dark = False
        self.setToolTip(
            self.tr(
                "What the current micro-step does, with its numbers. Click a factor to see "
                "where it comes from; right-click to copy the formula as LaTeX."
            )
        )
        self._snapshot: Snapshot | None = None
        self._formulas: tuple[Formula, ...] = ()
        self._expansion = FactorExpansion()
        self._detail_html = ""
        self.anchorClicked.connect(self._anchor_clicked)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """A new micro-step; any clicked element's detail and expanded factor are dropped
        (their numbers moved on); "show all" stays."""
        self._snapshot = snapshot
        self._formulas = tuple(f for f in snapshot.formula_lines if isinstance(f, Formula))
        self._expansion.expanded.clear()
        self._detail_html = ""
        self._render()

    def _anchor_clicked(self, url: QUrl) -> None:
        if self._expansion.toggle(url.toString()):
            self._render(keep_scroll=True)

    def toggle_factor(self, anchor: str) -> None:
        """Open or close one factor's expansion ("factor:0.1"), or all ("factors:all")."""
        self._anchor_clicked(QUrl(anchor))

    # -- LaTeX -------------------------------------------------------------------------------
    def latex(self, anchor: str = "") -> str:
        """The micro-step's formulas as LaTeX, one a line; one factor's for its anchor."""
        if anchor.startswith(FACTOR_SCHEME):
            origin = origin_at(self._formulas, anchor.removeprefix(FACTOR_SCHEME))
            return "" if origin is None else formula_latex(origin)
        return "\n".join(formula_latex(f) for f in self._formulas)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """Qt's copy and select-all, then Copy formula as LaTeX (and the factor's, on one)."""
        menu = self.createStandardContextMenu(pos)
        menu.addSeparator()
        anchor = self.anchorAt(pos)
        if anchor.startswith(FACTOR_SCHEME):
            factor = menu.addAction(self.tr("Copy this factor's formula as LaTeX"))
            factor.triggered.connect(lambda: self.copy_latex(anchor))
        action = menu.addAction(self.tr("Copy formula as LaTeX"))
        action.setEnabled(bool(self._formulas))
        action.triggered.connect(lambda: self.copy_latex())
        return menu

    def copy_latex(self, anchor: str = "") -> None:
        text = self.latex(anchor)
        if text:
            QGuiApplication.clipboard().setText(text)

    def show_detail(self, label: str, text: str) -> None:
        """The formula for an element the learner clicked; cleared by `clear_detail`."""
        explanation, _, formula = text.partition("\n")
        heading = self.tr("Selected: {0}").format(label)
        self._detail_html = (
            f"<hr/><a name='{DETAIL_ANCHOR}'></a><p style='{HEADING_STYLE}'>"
            f"{html.escape(heading)}</p><p>{html.escape(explanation)}</p>" + _formula_html(formula)
        )
        self._render()
        self.scrollToAnchor(DETAIL_ANCHOR)  # what was clicked comes into view, not below it

    def clear_detail(self) -> None:
        self._detail_html = ""
        self._render()

    def _snapshot_html(self, s: Snapshot | None) -> str:
        if s is None:
            return ""
        where = [self.tr("Iteration {0}").format(s.iteration + 1), phase_title(s.phase)]
        if s.focus:
            where.append(s.focus)
        parts = [
            f"<p style='{HEADING_STYLE}'>{html.escape(' · '.join(where))}</p>",
            f"<p>{html.escape(s.explanation)}</p>",
            _formula_html(s.formula),
            self._expansion.html(self._formulas, FORMULA_STYLE, LINK_STYLE),
        ]
        if s.variant_note:
            parts.append(f"<p style='{NOTE_STYLE}'>{html.escape(s.variant_note)}</p>")
        return "".join(parts)

    def set_dark(self, dark: bool) -> None:
        """The theme's hook: the formula, note and heading styles for a dark page."""
        if dark != self._dark:
            self._dark = dark
            self._render()

    def _render(self, keep_scroll: bool = False) -> None:
        page = self._snapshot_html(self._snapshot) + self._detail_html
        if self._dark:
            for light, dark in DARK_STYLES.items():
                page = page.replace(light, dark)
        scroll = self.verticalScrollBar().value()
        self.setHtml(page)
        if keep_scroll:  # a factor opened or closed: the text stays where it was read
            self.verticalScrollBar().setValue(scroll)


def _formula_html(formula: str) -> str:
    if not formula:
        return ""
    return f'<p style="{FORMULA_STYLE}">{html.escape(formula)}</p>'
