"""Time the layer-columns diagram's redraw for one Snapshot of the digits-shaped 64 → 10 network.

Usage: QT_QPA_PLATFORM=offscreen python scripts/layer_columns_timing.py [N]
Prints the median milliseconds over N Snapshots (default 200) of show_snapshot alone (arrays,
norms, frames), followed by a synchronous repaint, and followed by a grab of the whole view.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from engine.models.presets import PRESETS
from engine.training.stepper import Stepper
from gui.views.layer_columns_view import LayerColumnsView

SIZE = (904, 428)  # the diagram's size in the 1280×800 window


def digits_shaped_stepper() -> Stepper:
    pixels = tuple(((k * 37) % 17) / 16 for k in range(64))
    return Stepper(
        PRESETS["mazur"].replace(
            preset="custom",
            layers=(64, 10),
            activations=("log_softmax",),
            loss="nll",
            train_biases=True,
            inputs=(pixels,),
            targets=(tuple(1.0 if k == 0 else 0.0 for k in range(10)),),
        )
    )


def median_ms(view: LayerColumnsView, snapshots: list, paint: str) -> float:
    times = []
    for snapshot in snapshots:
        start = time.perf_counter()
        view.show_snapshot(snapshot)
        if paint == "repaint":
            view.repaint()
        elif paint == "grab":  # renders every child into a pixmap: an upper bound
            view.grab()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(count: int) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    stepper = digits_shaped_stepper()
    view = LayerColumnsView()
    view.resize(*SIZE)
    model = stepper.model
    view.set_network(model.neurons, model.params, stepper.config.activations)
    view.show()
    app.processEvents()
    snapshots = [stepper.step_phase() for _ in range(count)]
    view.show_snapshot(snapshots[0])
    view.zoom_into("o1")  # the zoom follows every Snapshot too
    update, painted, grabbed = (median_ms(view, snapshots, how) for how in ("", "repaint", "grab"))
    print(
        f"64 → 10, median of {count} Snapshots: show_snapshot {update:.2f} ms, "
        f"with repaint {painted:.2f} ms, with a grab of the whole view {grabbed:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
