"""Every figure export goes through the safe-write routine: Qt's False is a failure, a file cut
short is refused by its format's reader, and links, modes and read-only files are respected."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

import gui.export as export
from gui.export import ExportError, export_plot, export_scene

PREVIOUS = b"the previous figure"


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    item = widget.getPlotItem()
    item.plot(np.arange(5.0), np.array([0.3, 0.29, 0.28, 0.27, 0.26]), name="loss")
    widget.show()
    yield item
    del widget


@pytest.fixture
def scene(qtbot):
    drawn = QGraphicsScene()
    drawn.addEllipse(0, 0, 80, 80)
    drawn.addText("w5 = 0.4")
    return drawn


def export_to(kind: str, plot: pg.PlotItem, scene: QGraphicsScene, target: Path) -> None:
    if kind == "plot":
        export_plot(plot, target)
    else:
        export_scene(scene, target)


def assert_kept(error: ExportError, target: Path) -> None:
    """One line naming the target (not a staging file); the previous file alone, unchanged."""
    message = str(error)
    assert message.startswith(f"cannot write {target}:") and "\n" not in message, message
    assert ".partial-" not in message
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert target.read_bytes() == PREVIOUS


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("kind", ["plot", "diagram"])
def test_a_png_qt_could_not_finish_keeps_the_previous_file(plot, scene, tmp_path, monkeypatch,
                                                           kind):  # fmt: skip
    real_save = QImage.save

    def half_then_false(image, name, *args):
        real_save(image, name, *args)
        cut_in_half(Path(name))
        return False  # what QImage.save says when the disk fills up

    monkeypatch.setattr(QImage, "save", half_then_false)
    target = tmp_path / "figure.png"
    target.write_bytes(PREVIOUS)
    with pytest.raises(ExportError) as error:
        export_to(kind, plot, scene, target)
    assert_kept(error.value, target)


PAINTED = [("plot", "pdf"), ("diagram", "pdf"), ("diagram", "svg")]


@pytest.mark.parametrize(("kind", "suffix"), PAINTED)
def test_a_painter_that_could_not_finish_keeps_the_previous_file(
    plot, scene, tmp_path, monkeypatch, kind, suffix
):
    real_end = QPainter.end
    monkeypatch.setattr(QPainter, "end", lambda painter: real_end(painter) and False)
    target = tmp_path / f"figure.{suffix}"
    target.write_bytes(PREVIOUS)
    with pytest.raises(ExportError) as error:
        export_to(kind, plot, scene, target)
    assert_kept(error.value, target)


@pytest.mark.parametrize(("writer", "suffix"), [("render_pdf", "pdf"), ("render_svg", "svg"),
                                                ("render_png", "png")])  # fmt: skip
def test_a_file_cut_short_without_a_word_is_refused(scene, tmp_path, monkeypatch, writer, suffix):
    real = getattr(export, writer)

    def silently_cut_short(scene, region, target, title=""):
        real(scene, region, target, title)
        cut_in_half(Path(target))
        return True

    monkeypatch.setattr(export, writer, silently_cut_short)
    target = tmp_path / f"network.{suffix}"
    target.write_bytes(PREVIOUS)
    with pytest.raises(ExportError, match="does not read back") as error:
        export_scene(scene, target)
    assert_kept(error.value, target)


def test_an_existing_figure_keeps_its_mode(plot, tmp_path):
    target = tmp_path / "loss.png"
    target.write_bytes(PREVIOUS)
    target.chmod(0o640)
    export_plot(plot, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes().startswith(b"\x89PNG")


def test_a_symlinked_figure_is_written_through_the_link(plot, tmp_path):
    real = tmp_path / "slides" / "loss.svg"
    real.parent.mkdir()
    real.write_bytes(PREVIOUS)
    link = tmp_path / "loss.svg"
    link.symlink_to(real)
    export_plot(plot, link)
    assert link.is_symlink() and b"<svg" in real.read_bytes()


def test_a_read_only_figure_is_refused(plot, tmp_path):
    target = tmp_path / "loss.pdf"
    target.write_bytes(PREVIOUS)
    target.chmod(0o444)
    with pytest.raises(ExportError, match="read-only") as error:
        export_plot(plot, target)
    assert_kept(error.value, target)
