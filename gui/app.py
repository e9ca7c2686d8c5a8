"""Start the window (Qt is imported here, never by the engine)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QImageWriter
from PySide6.QtWidgets import QApplication

from engine.core.errors import EngineError
from engine.io.assets import ICON
from engine.io.safe_write import WriteError, check_writable_target, safe_write
from engine.io.verify import verifier_for
from engine.models.presets import get_preset
from gui.background import wait_for_all
from gui.language import install_chosen_language
from gui.main_window import MainWindow
from gui.theme import DEFAULT_THEME, THEME_KEY, apply_theme
from gui.warm_up import warm_up_in_background

SETTLE_MS = 400  # lets layouts, the diagram's fit and the plots paint before a grab
WARM_UP_DELAY_MS = 300


def run_app(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    try:
        if screenshot:
            check_screenshot_target(screenshot)  # before Qt starts: no display needed to refuse
    except EngineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    # Tiny tensors gain nothing from a second thread, and a busy second core stalls them.
    torch.set_num_threads(1)
    if QApplication.instance() is None:
        # Fractional scales (125 %, 150 %) as they are, not rounded: text and pens stay sharp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Backprop Studio")
    app.setOrganizationName("Backprop Studio")
    set_identity(app)
    from gui.crash_guard import install as install_crash_guard

    install_crash_guard()  # an uncaught error becomes a dialog and a log line, not an exit
    install_chosen_language()  # before any window exists, so every tr() sees it
    # Screenshots for the docs are always light; otherwise the learner's saved choice.
    apply_theme("light" if screenshot else str(QSettings().value(THEME_KEY, DEFAULT_THEME)))
    try:
        config = get_preset(getattr(args, "preset", None) or "mazur")
    except EngineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    window = MainWindow(config, settings=None if screenshot else QSettings())
    if screenshot:
        window.network_view.animation_ms = 0  # a grab shows final values, not a tween
    steps = getattr(args, "steps", 0) or 0
    if steps:
        window.controller.run_blocking(steps)
    window.show()
    if screenshot:
        code = save_screenshot(window, screenshot)
        window.close()  # stops the labs' and runs' threads before the process exits
        wait_for_all()
        return code
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_in_background)  # once the window has painted
    code = app.exec()
    wait_for_all()
    return code


def image_format(path: str) -> str | None:
    """The Qt image format `path`'s suffix names, if Qt can write it."""
    suffix = Path(path).suffix.lower().lstrip(".")
    writable = {bytes(name).decode().lower() for name in QImageWriter.supportedImageFormats()}
    return suffix.upper() if suffix in writable else None


def check_screenshot_target(path: str) -> None:
    if image_format(path) is None:
        raise WriteError(f"cannot write {path}: name the screenshot .png (or .jpg, .bmp)")
    check_writable_target(path)


def set_identity(app: QGuiApplication) -> None:
    """The windows' icon, and the desktop entry they belong to (Wayland matches by its name)."""
    app.setWindowIcon(QIcon(str(ICON)))
    app.setDesktopFileName("backprop-studio")


def save_screenshot(window: MainWindow, path: str) -> int:
    """Grab the whole window into `path`; exit code 0, or 2 with one line when it fails.

    The grab goes through the safe-write routine: Qt's False is a failure and the file is read
    back by its format's reader before it replaces a previous screenshot.
    """
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()
    grab = window.grab()
    image_type = image_format(path) or "PNG"
    try:
        safe_write(path, lambda staged: grab.save(str(staged), image_type), verifier_for(path))
    except WriteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0
