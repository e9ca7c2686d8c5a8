"""Symbols in button texts that some systems' fonts lack, swapped for ones they have.

"⏸ Pause" showed an empty box where no installed font has U+23F8; Qt already falls back across
fonts, so a symbol is kept when any installed family draws it, replaced by a plainer one
when not, and dropped when even that is missing, leaving the words.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

FALLBACKS = {"⏸": "‖", "▶": "►", "◀": "◄", "⇥": "→|", "⟲": "↺"}


@cache
def drawable(char: str) -> bool:
    """Whether some installed font has this character (ASCII always)."""
    if char.isascii():
        return True
    return any(QFontMetrics(QFont(family)).inFontUcs4(ord(char)) for family in _families())


@cache
def _families() -> tuple[str, ...]:
    return (QFont().family(), *QFontDatabase.families())


def renders(text: str) -> bool:
    return all(drawable(char) for char in text)


def with_glyphs(text: str) -> str:
    """`text` with each symbol no font draws replaced by its plainer fallback, or dropped."""
    out = []
    for char in text:
        if drawable(char):
            out.append(char)
        else:
            fallback = FALLBACKS.get(char, "")
            out.append(fallback if renders(fallback) else "")
    return "".join(out).strip()
