"""Animated GIF of the descent path drawn on the loss surface, frame by frame.

Frames are grabbed on the GUI thread one per timer tick, so the window stays responsive and
the export can be cancelled; Pillow encodes the GIF (Qt writes no animated images).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from gui.export import ExportError, atomic_write
from gui.views.surface_view import SurfaceView

MAX_FRAMES = 120
FRAME_MS = 80


def to_pil(image: QImage) -> Image.Image:
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(rgba.constBits())
    size = (rgba.width(), rgba.height())
    return Image.frombuffer("RGBA", size, data, "raw", "RGBA", rgba.bytesPerLine(), 1).copy()


def frame_indices(points: int, most: int = MAX_FRAMES) -> list[int]:
    """Which path lengths to draw: every point for short paths, evenly spaced for long ones."""
    if points <= most:
        return list(range(1, points + 1))
    return sorted({int(round(k)) for k in np.linspace(1, points, most)})


class PathAnimation(QObject):
    """Records `view` with the path growing from its start to its end into a GIF."""

    progress = Signal(int, int)
    finished = Signal(object)  # the Path written, or None when cancelled
    failed = Signal(str)

    def __init__(self, view: SurfaceView, path: np.ndarray, target: Path) -> None:
        super().__init__(view)
        self.view, self.path, self.target = view, np.asarray(path), Path(target)
        self.indices = frame_indices(len(self.path))
        self.frames: list[Image.Image] = []
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._next)
        self.cancelled = False

    def start(self) -> None:
        self.timer.start()

    def cancel(self) -> None:
        self.cancelled = True

    def _next(self) -> None:
        if self.cancelled:
            self._stop(None)
            return
        count = self.indices[len(self.frames)]
        shown = self.path[:count]
        self.view.show_path(shown, shown[-1], None)
        self.frames.append(to_pil(self.view.grab().toImage()))
        self.progress.emit(len(self.frames), len(self.indices))
        if len(self.frames) == len(self.indices):
            self._write()

    def _write(self) -> None:
        first, rest = self.frames[0], self.frames[1:]
        try:
            atomic_write(self.target, lambda t: first.save(
                t, format="GIF", save_all=True, append_images=rest, duration=FRAME_MS, loop=0
            ))  # fmt: skip
        except ExportError as error:
            self.timer.stop()
            self.view.show_path(self.path, self.path[-1], None)
            self.failed.emit(str(error))
            return
        self._stop(self.target)

    def _stop(self, result: Path | None) -> None:
        self.timer.stop()
        self.view.show_path(self.path, self.path[-1], None)  # leave the view as it was
        self.finished.emit(result)
