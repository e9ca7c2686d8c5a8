"""A lesson step's Markdown, shown without reaching outside the lesson's folder.

Qt loads every image a document names, from anywhere on disk: `![x](/dev/zero)` would read
until memory runs out, a FIFO would block the window. Here images come only from regular
files in the lesson's own folder, under a size limit; any other image shows its alt text, and
every other resource is refused. Links are shown, and opened only after the learner confirms.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from gui.plain_text import confirm, show_warning

MAX_IMAGE_BYTES = 5 * 1024 * 1024
WEB_SCHEMES = ("http", "https")
# Raw HTML would bring <img>, <link> and styles of its own: a lesson is Markdown only.
MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


def tr(text: str) -> str:
    return QCoreApplication.translate("LessonPanel", text)


def lesson_image(folder: Path | None, name: str) -> bytes | None:
    """The bytes of image `name` when it is a regular file inside `folder`, under the limit."""
    url = QUrl(name)
    if folder is None or (url.scheme() and not url.isLocalFile()):
        return None
    relative = url.toLocalFile() if url.isLocalFile() else url.path()
    if not relative:
        return None
    try:
        root = folder.resolve(strict=True)
        target = (root / relative).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(root):
        return None
    return _read_regular(target)


def _read_regular(path: Path) -> bytes | None:
    """Open without blocking (a FIFO would), then check what was opened, not the name."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
        return data if len(data) <= MAX_IMAGE_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


class StepText(QTextBrowser):
    """Read-only Markdown of one step; images from `folder` only; links confirmed first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.follow_link)

    def show_markdown(self, text: str, folder: Path | None) -> None:
        self.folder = folder
        self.document().setMarkdown(text, MARKDOWN)
        self._replace_refused_images()

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt's name)
        """Every resource the document asks for; a null answer would make Qt read the file."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = QImage.fromData(lesson_image(self.folder, name.toString()) or b"")
            return image if not image.isNull() else _blank()
        return b""

    def _replace_refused_images(self) -> None:
        """Images that will not be shown become their alt text (or '[image]')."""
        document = self.document()
        refused: list[tuple[int, int, str]] = []
        block = document.begin()
        while block.isValid():
            for fragment in _fragments(block):
                image = fragment.charFormat().toImageFormat()
                if image.isImageFormat() and lesson_image(self.folder, image.name()) is None:
                    alt = image.property(QTextFormat.Property.ImageAltText) or tr("[image]")
                    refused.append((fragment.position(), fragment.length(), str(alt)))
            block = block.next()
        for position, length, alt in reversed(refused):
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(alt, QTextCharFormat())

    def follow_link(self, url: QUrl) -> None:
        """Web links open in the browser once the learner says yes; others are not opened."""
        shown = url.toDisplayString()
        if url.scheme().lower() not in WEB_SCHEMES:
            text = tr("Lessons open web links only (http or https): {0}").format(shown)
            show_warning(self, tr("Link not opened"), text)
            return
        question = tr("Open this address in your web browser?\n{0}").format(shown)
        if confirm(self, tr("Open link?"), question):
            QDesktopServices.openUrl(url)


def _fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    for position in block:
        fragment = position.fragment()
        if fragment.isValid():
            yield fragment


def _blank() -> QImage:
    """A 1×1 transparent image: what a refused image loads as, before its alt text replaces it."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image
