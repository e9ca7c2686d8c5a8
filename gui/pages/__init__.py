"""The window's tabs as pages: what lessons and Export all may ask of a tab, and nothing more.

A page has a name lessons use, applies a lesson's settings for its tab, reports the state a
lesson's `expect` reads, and lists the figures Export all writes. Lessons and exports talk to
pages and the controller only, so a widget renamed inside a tab breaks its page, nowhere else.
"""

from __future__ import annotations

from gui.pages.page import Done, Figure, Page, choose

__all__ = ["Done", "Figure", "Page", "choose"]
