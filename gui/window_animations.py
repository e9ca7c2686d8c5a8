"""File → Export … animation (GIF): the descent over the loss surface, or the network through
one iteration, recorded frame by frame with a progress dialog that can cancel.

Frames are drawn from copies: the surface's path, or the iteration's Snapshots replayed by the
controller at once, so a recording never steps the run itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog

from gui.animation_export import FrameRecorder, path_animation
from gui.gif_caption import descent_captions, frame_caption, with_caption
from gui.theme import print_look_while_recording
from gui.views.network_view import NetworkView

if TYPE_CHECKING:
    from gui.window_parts import WindowParts

DIAGRAM_SIZE = (1000, 560)  # the iteration animation's frames, in pixels
DIAGRAM_FRAME_MS = 400  # one micro-step's frame: long enough to read its numbers


def tr(text: str) -> str:
    """The recordings speak in the window's words (its translation context)."""
    return QCoreApplication.translate("MainWindow", text)


def iteration_diagram(window: WindowParts) -> NetworkView:
    """An offscreen copy of the window's figure for the frames: the same layers, activations
    in the headings, and inputs and targets beside the nodes."""
    config, network = window.controller.config, window.controller.network()
    diagram = NetworkView()
    diagram.animation_ms = 0
    diagram.resize(*DIAGRAM_SIZE)
    activations = config.activations if config.has_layers else ()
    diagram.set_network(network.neurons, network.params, activations)
    shown = window.network_view.data_tags
    diagram.set_data(shown.inputs, shown.targets)
    diagram.show_whole_figure()  # a picture of the whole network, however big
    return diagram


class AnimationExports:
    """Starts the window's recordings; `recorder` is the last one, aborted when it closes."""

    def __init__(self, window: WindowParts) -> None:
        self.window = window
        self.recorder: FrameRecorder | None = None

    def descent(self, target: Path) -> FrameRecorder | None:
        """Start recording the descent path on the loss surface; progress and Cancel shown."""
        window = self.window
        window.prepare_landscape()
        landscape = window.landscape_panel.landscape
        steps = window.controller.snapshot.completed
        if landscape is None or landscape.is_curve or steps < 1:
            window.banner.show_message(tr("Train at least one iteration on a surface first."))
            return None
        view, picture = window.landscape_panel.view, landscape.picture
        path, captions = landscape.trajectory(), None
        if picture.path_iterations is not None and len(picture.path_iterations) == len(path):
            losses = window.controller.trajectory().losses
            captions = descent_captions(picture.path_iterations, losses, picture.current_loss())
        recorder = path_animation(view, path, target, captions)
        print_look_while_recording(view, recorder)
        return self._record(recorder)

    def iteration(self, target: Path) -> FrameRecorder | None:
        """The network diagram through every micro-step of the current (or last) iteration,
        each frame captioned with where it stands."""
        window, controller = self.window, self.window.controller
        snapshots = controller.iteration_snapshots()  # exact replays, taken at once
        if not snapshots:
            window.banner.show_message(tr("Step into an iteration first (and let runs finish)."))
            return None
        controller.pause()
        diagram = iteration_diagram(window)
        network = controller.network()

        def draw(i: int) -> QImage:
            diagram.show_snapshot(snapshots[i])
            caption = frame_caption(snapshots[i], i + 1, network.micro_steps_per_iteration)
            return with_caption(diagram.grab().toImage(), caption)

        recorder = FrameRecorder(
            window.window(),
            draw,
            len(snapshots),
            target,
            diagram.deleteLater,
            frame_ms=DIAGRAM_FRAME_MS,
        )
        return self._record(recorder)

    def abort(self) -> None:
        """No frames grabbed from a closing window."""
        if self.recorder is not None:
            self.recorder.abort()

    def _record(self, animation: FrameRecorder) -> FrameRecorder:
        window = self.window
        dialog = QProgressDialog(tr("Recording frames…"), tr("Cancel"), 0, 1, window.window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        animation.progress.connect(
            lambda done, total: (dialog.setMaximum(total), dialog.setValue(done))
        )
        dialog.canceled.connect(animation.cancel)
        animation.finished.connect(lambda path: self._done(dialog, path))
        animation.failed.connect(lambda text: (dialog.close(), window.banner.show_message(text)))
        self.recorder = animation
        animation.start()
        return animation

    def _done(self, dialog: QProgressDialog, path: Path | None) -> None:
        dialog.close()
        if path is not None:
            self.window.show_message(tr("Wrote {0}").format(path))
