"""`main.py export`: run a preset headless and write every figure to a folder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from engine.commands.cli import EXIT_BAD_INPUT, config_from_args
from engine.core.errors import EngineError
from engine.io.safe_write import describe_os_error
from gui.export import PLOT_FORMATS, ExportError


def parse_formats(text: str) -> tuple[str, ...]:
    """`png, SVG,png` → ("png", "svg"): known formats, each once, in the order given."""
    parts = [part.strip().lower() for part in text.split(",") if part.strip()]
    formats = tuple(dict.fromkeys(parts))
    choices = ", ".join(PLOT_FORMATS)
    if not formats:
        raise EngineError(f"no format given in {text!r}: choose one or more of {choices}")
    unknown = [f for f in formats if f not in PLOT_FORMATS]
    if unknown:
        words = "unknown format" if len(unknown) == 1 else "unknown formats"
        raise EngineError(f"{words} {', '.join(unknown)}: choose from {choices}")
    return formats


def make_folder(folder: Path) -> list[Path]:
    """Make `folder` and its missing parents; returns those made, outermost first."""
    try:
        missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
        in_the_way = [p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()]
        if not in_the_way:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # e.g. a name too long for the file system
        raise ExportError(f"cannot make the folder {folder}: {describe_os_error(error)}") from error
    if in_the_way:
        raise ExportError(f"cannot export to {folder}: {in_the_way[-1]} is not a folder")
    return missing


def remove_if_empty(folders: list[Path]) -> None:
    """Take back the folders an export made, innermost first, where it left nothing in them."""
    for made in reversed(folders):
        try:
            made.rmdir()
        except OSError:
            return


def quiet_offscreen_notices() -> None:
    """The offscreen platform says "does not support propagateSizeHints()" for every window:
    noise on the command line's stderr, which is kept for errors. Other messages pass."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def run_export(args: argparse.Namespace) -> int:
    """Exit 0 with the files listed, or 2 with one line and nothing written."""
    from gui.export_all import check_folder

    folder = Path(args.out)
    made: list[Path] = []
    try:
        formats = parse_formats(args.formats)
        config = config_from_args(args)
        made = make_folder(folder)  # the README's `--out figures` works in a fresh clone
        check_folder(folder)
    except (EngineError, ExportError) as error:
        remove_if_empty(made)
        print(f"main.py export: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    from PySide6.QtWidgets import QApplication

    from gui.background import wait_for_all
    from gui.export_all import export_all
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    quiet_offscreen_notices()
    window = MainWindow(config)
    window.network_view.animation_ms = 0
    window.show()
    try:
        window.controller.run_blocking(args.steps)
        app.processEvents()
        written = export_all(window, folder, formats)
    except (EngineError, ExportError) as error:
        remove_if_empty(made)
        print(f"main.py export: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        window.close()
        wait_for_all()
    for path in written:
        print(path)
    return 0
