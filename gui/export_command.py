"""`main.py export`: run a preset headless and write every figure to a folder."""

from __future__ import annotations

import argparse
import os
import sys

from engine.cli import EXIT_BAD_INPUT, config_from_args
from engine.errors import EngineError
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


def run_export(args: argparse.Namespace) -> int:
    """Exit 0 with the files listed, or 2 with one line and nothing written."""
    from pathlib import Path

    from gui.export_all import check_folder

    try:
        formats = parse_formats(args.formats)
        folder = Path(args.out)
        check_folder(folder)
        config = config_from_args(args)
    except (EngineError, ExportError) as error:
        print(f"main.py export: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    from PySide6.QtWidgets import QApplication

    from gui.background import wait_for_all
    from gui.export_all import export_all
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(config)
    window.network_view.animation_ms = 0
    window.show()
    try:
        window.controller.run_blocking(args.steps)
        app.processEvents()
        written = export_all(window, folder, formats)
    except (EngineError, ExportError) as error:
        print(f"main.py export: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        window.close()
        wait_for_all()
    for path in written:
        print(path)
    return 0
