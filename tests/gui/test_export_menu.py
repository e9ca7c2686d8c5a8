"""Right-click export: the dialog's path and the chosen PNG size reach the file."""

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog

from gui.export_menu import export_with_dialog, slug


def test_slug_names_the_figure():
    assert slug("Loss per iteration (mazur)") == "loss_per_iteration_mazur"


def test_png_export_uses_the_chosen_width(window, tmp_path, monkeypatch):
    target = tmp_path / "loss"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a: (1234, True))
    widget = window.plots_panel.loss_plot.plot_widget
    path = export_with_dialog(widget, "Loss per iteration", "png")
    assert path == tmp_path / "loss.png" and QImage(str(path)).width() == 1234


def test_diagram_export_as_pdf(window, tmp_path, monkeypatch):
    target = tmp_path / "net.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert export_with_dialog(window.network_view, "Network", "pdf") == target
    assert target.read_bytes().startswith(b"%PDF")


def test_cancelled_dialog_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert export_with_dialog(window.network_view, "Network", "svg") is None
    assert list(tmp_path.iterdir()) == []
