"""The current micro-step in words and as a formula with its numbers, from the Snapshot."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from engine.core.snapshot import Snapshot

FORMULA_STYLE = (
    "white-space: pre-wrap; font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; "
    "font-size: 10pt; background-color: #f4f6f9; color: #1c2733;"
)
NOTE_STYLE = "background-color: #fff3cd; color: #5c4400;"
HEADING_STYLE = "color: #5f6b7a; font-size: 9pt;"
DETAIL_ANCHOR = "selected"
DARK_STYLES = {  # the same boxes on a dark page: light text, dark fills
    FORMULA_STYLE: FORMULA_STYLE.replace("#f4f6f9", "#2a2e34").replace("#1c2733", "#e6e8eb"),
    NOTE_STYLE: "background-color: #4a3c12; color: #ffe7a3;",
    HEADING_STYLE: HEADING_STYLE.replace("#5f6b7a", "#9aa5b4"),
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
        self.setToolTip(self.tr("What the current micro-step does, with its numbers"))
        self._step_html = ""
        self._detail_html = ""

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """A new micro-step; any clicked element's detail is dropped (its numbers moved on)."""
        self._step_html = self._snapshot_html(snapshot)
        self._detail_html = ""
        self._render()

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

    def _snapshot_html(self, s: Snapshot) -> str:
        where = [self.tr("Iteration {0}").format(s.iteration + 1), phase_title(s.phase)]
        if s.focus:
            where.append(s.focus)
        parts = [
            f"<p style='{HEADING_STYLE}'>{html.escape(' · '.join(where))}</p>",
            f"<p>{html.escape(s.explanation)}</p>",
            _formula_html(s.formula),
        ]
        if s.variant_note:
            parts.append(f"<p style='{NOTE_STYLE}'>{html.escape(s.variant_note)}</p>")
        return "".join(parts)

    def set_dark(self, dark: bool) -> None:
        """The theme's hook: the formula, note and heading styles for a dark page."""
        if dark != self._dark:
            self._dark = dark
            self._render()

    def _render(self) -> None:
        page = self._step_html + self._detail_html
        if self._dark:
            for light, dark in DARK_STYLES.items():
                page = page.replace(light, dark)
        self.setHtml(page)


def _formula_html(formula: str) -> str:
    if not formula:
        return ""
    return f'<p style="{FORMULA_STYLE}">{html.escape(formula)}</p>'
