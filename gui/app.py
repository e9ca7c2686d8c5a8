"""Start the window (Qt is imported here, never by the engine)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from engine.presets import get_preset
from engine.stepper import Stepper


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    stepper = Stepper(get_preset(args.preset))
    stepper.run(args.steps)
    window = QMainWindow()
    window.setWindowTitle("Backprop Studio")
    params = "\n".join(f"{k} = {v:.9g}" for k, v in stepper.snapshot.params.items())
    window.setCentralWidget(QLabel(f"{stepper.snapshot.explanation}\n\n{params}"))
    window.resize(640, 480)
    window.show()
    if args.screenshot:
        app.processEvents()
        return 0 if window.grab().save(args.screenshot) else 2
    return app.exec()
