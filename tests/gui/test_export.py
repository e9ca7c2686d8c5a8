"""Each export format is valid and holds the plotted data; failures leave nothing behind."""

import csv
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsScene

from gui.export import ExportError, export_plot, export_scene


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    item = widget.getPlotItem()
    item.setTitle("Loss per iteration")
    item.setLabel("bottom", "iteration")
    item.setLabel("left", "loss")
    item.addLegend()
    item.plot(np.arange(5.0), np.array([0.298371109, 0.29102777, 0.2837, 0.2765, 0.2695]),
              pen="r", name="loss")  # fmt: skip
    item.plot(np.arange(5.0), np.array([0.1, 0.2, 0.3, 0.4, 0.5]), pen="b", name="grad norm")
    widget.show()
    yield item
    del widget  # the PlotItem lives only as long as its widget


def test_png_has_a_header_and_is_not_blank(plot, tmp_path):
    path = tmp_path / "loss.png"
    export_plot(plot, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert image.width() == 2 * 800  # laid out at slide size at least, then 2× for sharpness
    pixels = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)
    }
    assert len(pixels) > 5


def test_svg_parses_and_holds_the_plotted_path(plot, tmp_path):
    path = tmp_path / "loss.svg"
    export_plot(plot, path)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    text = path.read_text()
    assert "Loss per iteration" in text and "<path" in text
    paths = [e for e in root.iter() if e.tag.endswith("path") and e.get("d")]
    assert any(len(e.get("d").split()) >= 5 for e in paths)  # a polyline of the 5 points


def test_pdf_starts_with_the_magic_and_has_a_page(plot, tmp_path):
    path = tmp_path / "loss.pdf"
    export_plot(plot, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data


def test_csv_round_trips_the_plotted_numbers(plot, tmp_path):
    path = tmp_path / "loss.csv"
    export_plot(plot, path)
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["loss: iteration", "loss", "grad norm: iteration", "grad norm"]
    assert [float(r[1]) for r in rows[1:]] == [0.298371109, 0.29102777, 0.2837, 0.2765, 0.2695]


def test_scene_exports_png_svg_pdf(qtbot, tmp_path):
    scene = QGraphicsScene()
    scene.addEllipse(0, 0, 80, 80)
    scene.addText("w5 = 0.4")
    for suffix in ("png", "svg", "pdf"):
        path = tmp_path / f"net.{suffix}"
        export_scene(scene, path)
        assert path.stat().st_size > 100
    assert "w5 = 0.4" in (tmp_path / "net.svg").read_text()


def test_bad_target_raises_and_leaves_nothing(plot, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_plot(plot, tmp_path / "missing" / "loss.png")
    with pytest.raises(ExportError, match="choose"):
        export_plot(plot, tmp_path / "loss.gif")
    occupied = tmp_path / "taken.png"
    occupied.mkdir()  # a folder where the file should go: the rename fails, even as root
    with pytest.raises(ExportError, match="cannot write"):
        export_plot(plot, occupied)
    assert [p.name for p in tmp_path.iterdir()] == ["taken.png"]


def test_full_disk_leaves_nothing_behind(plot, tmp_path, monkeypatch):
    import errno

    import gui.export as export

    def no_space(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "_plot_csv", no_space)
    with pytest.raises(ExportError, match="(?i)no space left"):
        export_plot(plot, tmp_path / "loss.csv")
    assert list(tmp_path.iterdir()) == []
