"""A lesson's text is Markdown with images from its own folder only; links ask before opening."""

from __future__ import annotations

import faulthandler
import os
import time

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

import gui.lessons.step_text as step_text
from gui.lessons import install_lessons
from gui.lessons.step_text import MAX_IMAGE_BYTES, StepText, lesson_image

IMAGE = QTextDocument.ResourceType.ImageResource.value
OBJECT_CHARACTER = "\ufffc"  # what a document holds where an image is shown


def lesson(text: str) -> str:
    return f'title = "Pictures"\n[[steps]]\ntext = """\n{text}\n"""\n'


def open_lesson(qtbot, window, folder, text: str):
    (folder / "pictures.toml").write_text(lesson(text), encoding="utf-8")
    lessons = install_lessons(window, folder)
    faulthandler.dump_traceback_later(30, exit=True)  # a FIFO or /dev/zero read never ends
    try:
        started = time.monotonic()
        assert lessons.open(lessons.find("pictures"))
        qtbot.waitUntil(lambda: not lessons.player.busy, timeout=10_000)
        panel = lessons.panel
        assert not panel.text.grab().isNull()
        assert time.monotonic() - started < 10
    finally:
        faulthandler.cancel_dump_traceback_later()
    return panel


def write_png(path) -> None:
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(path), "PNG")


@pytest.mark.parametrize("source", ["/dev/zero", "fifo", "../outside.png", "file:///dev/zero"])
def test_an_image_from_outside_the_lessons_folder_shows_its_alt_text(
    qtbot, window, tmp_path, source
):
    folder = tmp_path / "lessons"
    folder.mkdir()
    write_png(tmp_path / "outside.png")
    if source == "fifo":
        source = str(tmp_path / "pipe")
        os.mkfifo(source)
    panel = open_lesson(qtbot, window, folder, f"Look: ![the zero device]({source}) here.")
    shown = panel.text.toPlainText()
    assert "the zero device" in shown and OBJECT_CHARACTER not in shown


def test_raw_html_in_a_lesson_is_not_rendered(qtbot, window, tmp_path):
    panel = open_lesson(qtbot, window, tmp_path, 'Look: <img src="/dev/zero"> here.')
    assert OBJECT_CHARACTER not in panel.text.toPlainText()


def test_an_image_in_the_lessons_folder_is_shown(qtbot, window, tmp_path):
    write_png(tmp_path / "pic.png")
    panel = open_lesson(qtbot, window, tmp_path, "Look: ![a picture](pic.png) here.")
    assert OBJECT_CHARACTER in panel.text.toPlainText()
    image = panel.text.loadResource(IMAGE, QUrl("pic.png"))
    assert isinstance(image, QImage) and image.size().width() == 4


def test_lesson_image_takes_regular_files_inside_the_folder_under_the_limit(tmp_path):
    write_png(tmp_path / "pic.png")
    (tmp_path / "huge.png").write_bytes(b"\0" * (MAX_IMAGE_BYTES + 1))
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "sub").mkdir()
    assert lesson_image(tmp_path, "pic.png")
    assert lesson_image(tmp_path, "sub/../pic.png")
    for refused in ("huge.png", "zero.png", "pipe.png", "sub", "missing.png", "/dev/zero",
                    "../pic.png", "http://example.com/a.png", ""):  # fmt: skip
        assert lesson_image(tmp_path, refused) is None, refused
    assert lesson_image(None, "pic.png") is None


def test_every_other_resource_is_refused(qtbot, tmp_path):
    text = StepText()
    qtbot.addWidget(text)
    text.folder = tmp_path
    stylesheet = QTextDocument.ResourceType.StyleSheetResource.value
    assert text.loadResource(stylesheet, QUrl("/dev/zero")) == b""
    blank = text.loadResource(IMAGE, QUrl("/dev/zero"))
    assert isinstance(blank, QImage) and blank.width() == 1  # not null: Qt would read the file


def test_a_web_link_opens_only_after_the_learner_confirms(qtbot, monkeypatch, message_boxes):
    opened: list[QUrl] = []
    monkeypatch.setattr(step_text.QDesktopServices, "openUrl", opened.append)
    text = StepText()
    qtbot.addWidget(text)
    assert not text.openLinks() and not text.openExternalLinks()
    url = QUrl("https://example.com/<img src=/dev/zero>")
    text.anchorClicked.emit(url)
    [asked] = message_boxes.boxes
    assert asked.title == "Open link?" and asked.text_format.name == "PlainText"
    assert opened == []  # the recorded box answered Ok, not Yes
    monkeypatch.setattr(step_text, "confirm", lambda *a: True)
    text.anchorClicked.emit(url)
    assert opened == [url]


def test_a_link_that_is_not_a_web_address_is_never_opened(qtbot, monkeypatch, message_boxes):
    opened: list[QUrl] = []
    monkeypatch.setattr(step_text.QDesktopServices, "openUrl", opened.append)
    monkeypatch.setattr(step_text, "confirm", lambda *a: True)
    text = StepText()
    qtbot.addWidget(text)
    text.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    assert "/etc/passwd" in message_boxes.texts[0]


def test_lesson_titles_and_messages_are_plain_text(qtbot, window, tmp_path):
    (tmp_path / "bad.toml").write_text('title = "<img src=/dev/zero>"\n', encoding="utf-8")
    lessons = install_lessons(window, tmp_path)
    panel = lessons.panel
    assert panel.title.textFormat().name == "PlainText"
    assert panel.message.textFormat().name == "PlainText"
    assert panel.progress.textFormat().name == "PlainText"


def test_an_ampersand_in_a_lesson_title_is_shown_in_the_menu(qtbot, window, tmp_path):
    (tmp_path / "amp.toml").write_text(lesson("x").replace("Pictures", "Q & A"), encoding="utf-8")
    lessons = install_lessons(window, tmp_path)
    assert lessons.menu.actions()[0].text() == "Q && A"  # shown as "Q & A", no shortcut
