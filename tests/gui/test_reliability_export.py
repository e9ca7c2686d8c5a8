"""Unwritable targets and a full disk for every export and for saving a session: a message,
nothing half-written left behind, and the previous file intact.

A full disk is simulated where the bytes are written: the real writer runs, then the file is
cut to half its size and ENOSPC is raised, as a write() that runs out of space would.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QInputDialog

import gui.export as export
import main as entry
from gui.export import ExportError, export_plot
from gui.export_all import export_all
from gui.export_menu import export_with_dialog

PREVIOUS = b"the previous file"
FULL = "No space left on device"
SAYS_FULL = f"(?i){FULL}"  # the message says it in a sentence: "…: no space left on device"


def says_full(text: str) -> bool:
    return FULL.lower() in text.lower()


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, FULL)


def fills_the_disk(write):
    """`write`, but the disk fills up half-way through the file."""

    def writer(*args, **kwargs):
        write(*args, **kwargs)
        target = next(a for a in args if isinstance(a, Path))
        data = target.read_bytes()
        target.write_bytes(data[: len(data) // 2])
        raise disk_full()

    return writer


def only_previous(folder: Path, name: str) -> None:
    """The folder holds the earlier file, unchanged, and no temporary left over."""
    assert [p.name for p in folder.iterdir()] == [name]
    assert (folder / name).read_bytes() == PREVIOUS


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (800, True))


# -- single figures -------------------------------------------------------------------------
WRITERS = {"png": "_plot_png", "svg": "_plot_svg", "pdf": "_plot_pdf", "csv": "_plot_csv"}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_full_disk_keeps_the_previous_figure(window, tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(export, WRITERS[suffix], fills_the_disk(getattr(export, WRITERS[suffix])))
    window.controller.run_blocking(3)
    target = tmp_path / f"loss.{suffix}"
    target.write_bytes(PREVIOUS)
    with pytest.raises(ExportError, match=SAYS_FULL) as error:
        export_plot(window.plots_panel.loss_plot.plot_item, target)
    assert "\n" not in str(error.value)
    only_previous(tmp_path, target.name)


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_the_export_menu_says_the_disk_is_full(window, tmp_path, monkeypatch, warnings_shown,
                                               suffix):  # fmt: skip
    monkeypatch.setattr(export, WRITERS[suffix], fills_the_disk(getattr(export, WRITERS[suffix])))
    target = tmp_path / f"loss.{suffix}"
    target.write_bytes(PREVIOUS)
    choose_file(monkeypatch, target)
    widget = window.plots_panel.loss_plot.plot_widget
    assert export_with_dialog(widget, "Loss per iteration", suffix) is None
    assert len(warnings_shown) == 1 and says_full(warnings_shown[0])
    only_previous(tmp_path, target.name)
    assert window.controller.step_phase()  # the window carries on


def test_the_network_diagram_on_a_full_disk(window, tmp_path, monkeypatch, warnings_shown):
    monkeypatch.setattr(export, "render_svg", fills_the_disk(export.render_svg))
    target = tmp_path / "network.svg"
    target.write_bytes(PREVIOUS)
    choose_file(monkeypatch, target)
    assert export_with_dialog(window.network_view, "Network", "svg") is None
    assert says_full(warnings_shown[0])
    only_previous(tmp_path, "network.svg")


@pytest.mark.parametrize("where", ["missing/loss.png", "a_file/loss.png", "a_folder.png"])
def test_an_unwritable_figure_target(window, tmp_path, monkeypatch, warnings_shown, where):
    (tmp_path / "a_file").write_bytes(PREVIOUS)
    (tmp_path / "a_folder.png").mkdir()
    choose_file(monkeypatch, tmp_path / where)
    widget = window.plots_panel.loss_plot.plot_widget
    assert export_with_dialog(widget, "Loss per iteration", "png") is None
    assert len(warnings_shown) == 1 and "cannot write" in warnings_shown[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file", "a_folder.png"]
    assert (tmp_path / "a_file").read_bytes() == PREVIOUS


# -- the descent GIF -------------------------------------------------------------------------
@pytest.mark.parametrize("fault", ["full disk", "missing folder"])
def test_the_gif_export_fails_with_a_message(window, qtbot, tmp_path, monkeypatch, fault):
    window.controller.run_blocking(6)
    target = tmp_path / "descent.gif"
    target.write_bytes(PREVIOUS)
    if fault == "full disk":
        monkeypatch.setattr(Image.Image, "save", fills_the_disk(Image.Image.save))
    else:
        target = tmp_path / "missing" / "descent.gif"
    animation = window.export_animation(target)
    with qtbot.waitSignal(animation.failed, timeout=20_000) as blocker:
        pass
    expected = FULL.lower() if fault == "full disk" else "does not exist"
    assert expected in blocker.args[0].lower() and expected in window.banner.text().lower()
    only_previous(tmp_path, "descent.gif")
    assert window.controller.step_phase()


# -- export all --------------------------------------------------------------------------------
def test_export_all_on_a_full_disk_keeps_earlier_files(window, tmp_path, monkeypatch):
    calls = {"n": 0}
    real_svg = export._plot_svg

    def third_svg_fills_the_disk(plot, target, width):
        calls["n"] += 1
        if calls["n"] == 3:
            fills_the_disk(real_svg)(plot, target, width)
        real_svg(plot, target, width)

    monkeypatch.setattr(export, "_plot_svg", third_svg_fills_the_disk)
    (tmp_path / "loss_curve.png").write_bytes(PREVIOUS)
    with pytest.raises(ExportError, match=SAYS_FULL):
        export_all(window, tmp_path, ("png", "svg"))
    only_previous(tmp_path, "loss_curve.png")  # no staging folder, no new file


@pytest.mark.parametrize("fault", ["full disk", "not a folder"])
def test_export_all_from_the_menu_says_why(window, tmp_path, monkeypatch, warnings_shown, fault):
    folder = tmp_path
    if fault == "full disk":
        monkeypatch.setattr(export, "_plot_pdf", fills_the_disk(export._plot_pdf))
    else:
        folder = tmp_path / "notes.txt"
        folder.write_bytes(PREVIOUS)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.menus.export_all_dialog()
    assert len(warnings_shown) == 1
    expected = FULL if fault == "full disk" else "is not a folder"
    assert expected.lower() in warnings_shown[0].lower()
    assert all(p.name == "notes.txt" for p in tmp_path.iterdir())


# -- sessions ----------------------------------------------------------------------------------
def test_saving_a_session_on_a_full_disk(window, tmp_path, monkeypatch, warnings_shown):
    path = tmp_path / "s.json"
    path.write_bytes(PREVIOUS)
    window.controller.run_blocking(3)
    stepper = window.controller.stepper
    real_write_bytes = Path.write_bytes

    def fill_the_disk(target: Path, data: bytes) -> int:  # the session's staged write
        real_write_bytes(target, data[: len(data) // 2])
        raise disk_full()

    monkeypatch.setattr(Path, "write_bytes", fill_the_disk)
    assert not window.session_menu.save(path)
    assert len(warnings_shown) == 1 and FULL.lower() in warnings_shown[0].lower()
    only_previous(tmp_path, "s.json")
    assert window.controller.stepper is stepper and str(path) not in window.session_menu.recent()


@pytest.mark.parametrize("where", ["missing/s.json", "a_folder"])
def test_saving_a_session_where_it_cannot_go(window, tmp_path, warnings_shown, where):
    (tmp_path / "a_folder").mkdir()
    assert not window.session_menu.save(tmp_path / where)
    assert len(warnings_shown) == 1 and "cannot save the session" in warnings_shown[0]
    assert [p.name for p in tmp_path.iterdir()] == ["a_folder"]


def test_the_pytorch_script_into_a_missing_folder(window, tmp_path, warnings_shown):
    assert not window.session_menu.export_script(tmp_path / "missing" / "run.py")
    assert len(warnings_shown) == 1 and "does not exist" in warnings_shown[0]


def _damage(kind: str, text: str) -> bytes:
    document = json.loads(text)
    if kind == "malformed JSON":
        return b'{"format": 1, "app": }'
    if kind == "truncated":
        return text.encode()[: len(text) // 2]
    if kind == "not UTF-8":
        return b"\xff\xfe" + text.encode()[:40]
    if kind == "wrong type":
        document["history"]["tick"] = "12"
    elif kind == "future format":
        document["format"] = 99
    elif kind == "missing field":
        del document["snapshot"]
    elif kind == "replay mismatch":
        document["snapshot"]["params"]["w1"] += 1e-9
    return json.dumps(document).encode()


DAMAGE = {
    "malformed JSON": "is not a session file",
    "truncated": "is truncated",
    "not UTF-8": "not UTF-8",
    "wrong type": "history tick must be a whole number",
    "future format": "made by a newer version (format 99)",
    "missing field": "lacks snapshot",
    "replay mismatch": "does not replay to the saved state",
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_opening_a_damaged_session_keeps_the_open_one(window, qtbot, tmp_path, warnings_shown,
                                                      kind):  # fmt: skip
    window.controller.run_blocking(2)
    window.controller.step_phase()
    good = tmp_path / "good.json"
    assert window.session_menu.save(good)
    bad = tmp_path / "bad.json"
    bad.write_bytes(_damage(kind, good.read_text()))
    before, snapshot = window.controller.stepper, window.controller.snapshot
    assert window.session_menu.open(bad)
    qtbot.waitUntil(lambda: not window.session_menu.task.running, timeout=20_000)
    assert len(warnings_shown) == 1 and DAMAGE[kind] in warnings_shown[0]
    assert "\n" not in warnings_shown[0]
    assert window.controller.stepper is before and window.controller.snapshot is snapshot
    assert str(bad) not in window.session_menu.recent()
    assert window.controller.step_phase()


# -- the export command ----------------------------------------------------------------------
def assert_refused(capsys, argv: list[str], message: str) -> None:
    try:
        code = entry.main(argv)
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err and message in err, err


EXPORT = [
    (["--out", "/dev/null/figures"], "/dev/null is not a folder"),
    (["--formats", "png,gif"], "unknown format gif: choose from png, svg, pdf, csv"),
    (["--formats", "gif,bmp"], "unknown formats gif, bmp: choose from"),
    (["--formats", ","], "no format given in ',': choose one or more of png"),
    (["--lr", "-1"], "must not be negative"),
    (["--steps", "100000000000"], "at most 10,000,000"),
    (["--layers", "2,0,2"], "at least one neuron"),
    (["--device", "cuda", "--preset", "mazur"], "cuda"),
]


@pytest.mark.parametrize(("args", "message"), EXPORT, ids=[" ".join(a) for a, _ in EXPORT])
def test_bad_export_values(capsys, tmp_path, monkeypatch, args, message):
    import engine.core.device as device

    monkeypatch.setattr(device, "cuda_unavailable_reason", lambda: "no CUDA GPU was found")
    assert_refused(capsys, ["export", "--out", str(tmp_path), *args], message)
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_file_instead_of_a_folder(capsys, tmp_path):
    plain = tmp_path / "file.txt"
    plain.write_bytes(PREVIOUS)
    assert_refused(capsys, ["export", "--out", str(plain)], f"{plain} is not a folder")
    assert plain.read_bytes() == PREVIOUS
