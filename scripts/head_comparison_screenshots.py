"""Grab the output-head comparison on the digits preset, in English and in Chinese.

Usage: QT_QPA_PLATFORM=offscreen python scripts/head_comparison_screenshots.py FOLDER
Writes FOLDER/head-comparison-en.png and FOLDER/head-comparison-zh.png (Chinese needs a CJK
font, e.g. fonts-wqy-microhei). Exit code 2 with one line on stderr when an image cannot be
written.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.presets import PRESETS
from gui.head_comparison_dialog import HeadComparisonDialog
from gui.language import CHINESE, ENGLISH, install_language
from gui.theme import apply_theme

TIMEOUT_S = 120


def grab(app: QApplication, target: Path) -> bool:
    dialog = HeadComparisonDialog(PRESETS["digits"])
    dialog.show()
    dialog.start()
    deadline = time.monotonic() + TIMEOUT_S
    while dialog.comparison is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
    saved = dialog.grab().save(str(target))
    dialog.close()
    return saved and dialog.comparison is not None


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme("light")
    folder.mkdir(parents=True, exist_ok=True)
    for code, name in ((ENGLISH, "head-comparison-en.png"), (CHINESE, "head-comparison-zh.png")):
        install_language(code)
        if not grab(app, folder / name):
            print(f"could not write {folder / name}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
