"""Text from files and users is shown as plain text: Qt rich text would load <img src> from disk.

Each test checks the text format before rendering anything, so a regression fails instead of
reading /dev/zero until memory runs out; rendering runs under a watchdog, so a FIFO that
blocks fails the run instead of hanging it.
"""

from __future__ import annotations

import faulthandler
import json
import os
import time
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from engine.io.session_save import save_session
from gui import crash_guard
from gui.plain_text import confirm, message_box, plain_label, plain_tooltip
from gui.views.checked_field import CheckedField, parse_float
from gui.views.message_banner import MessageBanner

PLAIN = Qt.TextFormat.PlainText
ZERO_IMAGE = "<img src=/dev/zero>"
RENDER_SECONDS = 30  # a grab takes milliseconds; a read of /dev/zero or a FIFO never ends


@contextmanager
def watchdog(seconds: float = RENDER_SECONDS):
    """End the test run with a traceback rather than hang for ever."""
    faulthandler.dump_traceback_later(seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def renders_promptly(widget: QWidget) -> None:
    started = time.monotonic()
    with watchdog():
        assert not widget.grab().isNull()
    assert time.monotonic() - started < 5


@pytest.fixture
def fifo_image(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return f"<img src={path}>"


def session_with_app(window, tmp_path, app: str):
    path = tmp_path / "session.json"
    save_session(window.controller.stepper, path)
    document = json.loads(path.read_text())
    document["app"] = app
    path.write_text(json.dumps(document))
    return path


@pytest.mark.parametrize("image", ["zero", "fifo"])
def test_a_session_naming_an_image_is_refused_in_plain_text(
    qtbot, window, tmp_path, message_boxes, image, request
):
    tag = ZERO_IMAGE if image == "zero" else request.getfixturevalue("fifo_image")
    before = window.controller.stepper
    path = session_with_app(window, tmp_path, tag)
    assert window.session_menu.open(path)
    qtbot.waitUntil(lambda: not window.session_menu.task.running, timeout=20_000)
    [shown] = message_boxes.boxes
    assert shown.text_format == PLAIN  # before rendering: rich text would read the file
    assert tag in shown.text
    renders_promptly(shown.box)
    assert window.controller.stepper is before
    assert window.controller.step_phase()  # the window still works


def test_the_crash_dialog_shows_an_error_message_as_plain_text(qtbot, window):
    crash_guard.install()
    crash_guard.handle(ValueError, ValueError(f"bad value {ZERO_IMAGE}"), None)
    dialog = crash_guard.current_dialog()
    assert dialog is not None
    try:
        assert dialog.textFormat() == PLAIN
        assert ZERO_IMAGE in dialog.text()
        renders_promptly(dialog)
    finally:
        dialog.close()


def test_the_banner_shows_plain_text(qtbot, window):
    banner = window.banner
    assert isinstance(banner, MessageBanner)
    assert banner.textFormat() == PLAIN  # checked first: showing rich text reads the file
    banner.show_message(f"{ZERO_IMAGE} could not be read")
    renders_promptly(banner)


def test_a_refused_field_shows_what_was_typed_as_plain_text(qtbot):
    field = CheckedField(parse_float, "a number")
    qtbot.addWidget(field)
    field.editor.setText(ZERO_IMAGE)
    with pytest.raises(ValueError) as refused:
        field.value()
    assert field.error_label.textFormat() == PLAIN  # checked first, as for the banner
    field.set_error(str(refused.value))
    assert "&lt;img" in field.editor.toolTip()  # the tooltip shows the tag, escaped
    field.show()
    renders_promptly(field)


def test_plain_label_keeps_its_format_for_later_text(qtbot):
    label = plain_label("start")
    qtbot.addWidget(label)
    label.setText(ZERO_IMAGE)
    assert isinstance(label, QLabel) and label.textFormat() == PLAIN
    renders_promptly(label)


def test_plain_tooltip_escapes_markup_and_keeps_ordinary_text():
    assert plain_tooltip("lr 0.5, 2-2-2") == "lr 0.5, 2-2-2"
    escaped = plain_tooltip(f"a & b {ZERO_IMAGE}")
    assert "<img" not in escaped and "&lt;img src=/dev/zero&gt;" in escaped
    assert "&amp; b" in escaped


def test_message_box_and_confirm_are_plain(qtbot, message_boxes):
    box = message_box(None, "Title", ZERO_IMAGE)
    qtbot.addWidget(box)
    assert box.textFormat() == PLAIN
    renders_promptly(box)
    confirm(None, "Open link?", ZERO_IMAGE)
    assert message_boxes.boxes[-1].text_format == PLAIN


def test_every_label_that_shows_an_error_message_is_plain(window):
    """Errors quote files, CSVs and typed text: these labels show them as they are."""
    labs = window.labs
    labels = {
        "settings message": window.settings_panel.message_label,
        "basin summary": window.basin_view.summary,
        "surface message": window.landscape_panel.message,
        "race status": window.race_view.status,
        "gradient check summary": labs.gradient_check.summary,
        "softmax message": labs.softmax.message,
        "vanishing summary": labs.vanishing.summary,
        "playground status": labs.playground.status,
        "playground class names": labs.playground.classes,  # names read from a CSV
        "playground hint": labs.playground.hint,
        "comparison status": labs.playground.comparison.status,
        "banner": window.banner,
    }
    rich = [name for name, label in labels.items() if label.textFormat() != PLAIN]
    assert rich == []


def test_no_message_box_in_the_app_guesses_its_text_format():
    """QMessageBox's static helpers and constructor take rich text when it looks like a tag."""
    import re
    from pathlib import Path

    import gui

    guessing = re.compile(r"QMessageBox\.(warning|information|critical|question|about)\(|"
                          r"QMessageBox\(QMessageBox\.Icon")  # fmt: skip
    root = Path(gui.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if guessing.search(line) and not line.lstrip().startswith(('"""', "#"))
    ]
    assert found == []


def test_a_recent_session_in_a_folder_named_like_markup_is_shown_as_written(window, tmp_path):
    """A folder named <img src=…> reaches the Recent menu's tooltip: escaped, never loaded."""
    folder = tmp_path / "<img src=x>&co"
    folder.mkdir()
    path = folder / "a&b.json"
    window.session_menu.save(path)
    action = window.session_menu.recent_menu.actions()[0]
    assert action.text() == "a&&b.json"  # shown as a&b.json, no shortcut letter
    assert "<img" not in action.toolTip() and "&lt;img src=x&gt;&amp;co" in action.toolTip()
