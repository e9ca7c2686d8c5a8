"""Animated GIF of the descent path drawn on the loss surface, frame by frame.

Frames are grabbed on the GUI thread one per timer tick, so the window stays responsive and
the export can be cancelled; Pillow encodes the GIF (Qt writes no animated images).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QImage

from gui.export import ExportError, write_export
from gui.gif_caption import with_caption
from gui.views.surface_view import SurfaceView

MAX_FRAMES = 120
FRAME_MS = 80


def tr(text: str) -> str:
    return QCoreApplication.translate("FrameRecorder", text)


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


class FrameRecorder(QObject):
    """Grabs `count` frames, one per timer tick, from `draw(i)`, and writes them as a GIF."""

    progress = Signal(int, int)
    finished = Signal(object)  # the Path written, or None when cancelled
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject,
        draw: Callable[[int], QImage],
        count: int,
        target: Path,
        restore: Callable[[], None],
        frame_ms: int = FRAME_MS,
    ) -> None:
        super().__init__(parent)
        self.draw, self.count, self.target = draw, count, Path(target)
        self.restore, self.frame_ms = restore, frame_ms
        self.frames: list[Image.Image] = []
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._next)
        self.cancelled = False

    def start(self) -> None:
        self.timer.start()

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def cancel(self) -> None:
        """Stop at the next tick; `finished(None)` follows."""
        self.cancelled = True

    def abort(self) -> None:
        """Stop now, restoring the view (the window is closing); `finished(None)` is sent."""
        if self.running:
            self.cancelled = True
            self._stop(None)

    def _next(self) -> None:
        if self.cancelled:
            self._stop(None)
            return
        try:
            frame = to_pil(self.draw(len(self.frames)))
        except Exception as error:  # a failed frame ends the recording, not the app
            traceback.print_exc()  # for a bug report, as the crash guard does
            stopped = tr("Recording stopped at frame {0}: {1}")
            self._fail(stopped.format(len(self.frames) + 1, error))
            return
        self.frames.append(frame)
        self.progress.emit(len(self.frames), self.count)
        if len(self.frames) == self.count:
            self._write()

    def _write(self) -> None:
        first, rest = self.frames[0], self.frames[1:]
        try:
            write_export(self.target, lambda t: first.save(
                t, format="GIF", save_all=True, append_images=rest, duration=self.frame_ms, loop=0
            ))  # fmt: skip
        except ExportError as error:
            self._fail(str(error))
            return
        self._stop(self.target)

    def _fail(self, message: str) -> None:
        self.timer.stop()
        self.frames.clear()
        self.restore()
        self.failed.emit(message)

    def _stop(self, result: Path | None) -> None:
        self.timer.stop()
        self.frames.clear()
        self.restore()  # leave the view (and the run) as they were
        self.finished.emit(result)


def path_animation(
    view: SurfaceView, path: np.ndarray, target: Path, captions: list[str] | None = None
) -> FrameRecorder:
    """The descent path growing over the loss surface, from its start to its end; each
    frame captioned with its point's caption when `captions` (one per point) are given."""
    path = np.asarray(path)
    indices = frame_indices(len(path))

    def draw(i: int) -> QImage:
        shown = path[: indices[i]]
        view.show_path(shown, shown[-1], None)
        frame = view.grab().toImage()
        return frame if captions is None else with_caption(frame, captions[indices[i] - 1])

    def restore() -> None:
        view.show_path(path, path[-1], None)

    return FrameRecorder(view, draw, len(indices), target, restore)
