"""The descent animation: one GIF frame per point of a short path, and Cancel writes nothing."""

from PIL import Image

from gui.animation_export import frame_indices


def test_frame_indices_cover_the_whole_path():
    assert frame_indices(5) == [1, 2, 3, 4, 5]
    long = frame_indices(10_001, most=120)
    assert long[0] == 1 and long[-1] == 10_001 and len(long) == 120


def test_gif_has_one_frame_per_point(window, qtbot, tmp_path):
    window.controller.run_blocking(12)
    target = tmp_path / "descent.gif"
    animation = window.export_animation(target)
    with qtbot.waitSignal(animation.finished, timeout=20000) as blocker:
        pass
    assert blocker.args == [target]
    with Image.open(target) as gif:
        assert gif.n_frames == 13  # the start and the point after each of 12 updates
        assert gif.size[0] > 200


def test_cancelled_animation_writes_nothing(window, qtbot, tmp_path):
    window.controller.run_blocking(40)
    animation = window.export_animation(tmp_path / "descent.gif")
    animation.cancel()
    with qtbot.waitSignal(animation.finished, timeout=20000) as blocker:
        pass
    assert blocker.args == [None] and list(tmp_path.iterdir()) == []


def test_no_animation_before_training(window, tmp_path):
    assert window.export_animation(tmp_path / "descent.gif") is None
    assert "at least one iteration" in window.banner.text()


def test_iteration_gif_replays_every_micro_step_and_restores_the_run(window, qtbot, tmp_path):
    controller = window.controller
    controller.step_iteration()
    for _ in range(5):
        controller.step_phase()  # in the middle of the second iteration
    stepper = controller.stepper
    before, snapshot = stepper.model.values().copy(), stepper.snapshot
    target = tmp_path / "iteration.gif"
    animation = window.export_iteration_animation(target)
    with qtbot.waitSignal(animation.finished, timeout=30000) as blocker:
        pass
    assert blocker.args == [target]
    with Image.open(target) as gif:  # the whole iteration, also the micro-steps not taken yet
        assert gif.n_frames == stepper.micro_steps_per_iteration
    assert stepper.snapshot == snapshot and (stepper.model.values() == before).all()
    assert stepper.tick == stepper.max_tick == snapshot.tick  # nothing ahead was kept


def test_iteration_gif_of_a_finished_iteration_has_all_its_micro_steps(window, qtbot, tmp_path):
    window.controller.step_iteration()
    target = tmp_path / "iteration.gif"
    animation = window.export_iteration_animation(target)
    with qtbot.waitSignal(animation.finished, timeout=30000):
        pass
    with Image.open(target) as gif:
        assert gif.n_frames == window.controller.stepper.micro_steps_per_iteration


def test_a_frame_that_fails_ends_the_recording_with_a_message(window, qtbot, tmp_path):
    window.controller.step_iteration()
    here = window.controller.stepper.tick
    animation = window.export_iteration_animation(tmp_path / "iteration.gif")
    draws = []

    def broken_draw(i):
        draws.append(i)
        raise RuntimeError("CUDA error: device lost")

    animation.draw = broken_draw
    with qtbot.waitSignal(animation.failed, timeout=20000) as blocker:
        pass
    assert blocker.args == ["Recording stopped at frame 1: CUDA error: device lost"]
    qtbot.wait(50)
    assert draws == [0] and not animation.running  # one try, then the timer is stopped
    assert "device lost" in window.banner.text()
    assert window.controller.stepper.tick == here and list(tmp_path.iterdir()) == []


def test_closing_the_window_stops_a_recording_and_restores_the_run(window, qtbot, tmp_path):
    window.controller.step_iteration()
    stepper = window.controller.stepper
    here = stepper.tick
    animation = window.export_iteration_animation(tmp_path / "iteration.gif")
    finished = []
    animation.finished.connect(finished.append)
    qtbot.waitUntil(lambda: len(animation.frames) >= 2, timeout=20000)
    window.close()
    assert finished == [None] and not animation.running
    assert stepper.tick == here and list(tmp_path.iterdir()) == []


def _record(qtbot, target):
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QColor, QImage

    from gui.animation_export import FrameRecorder

    def draw(index: int) -> QImage:
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor(10 * index, 80, 160))
        return image

    owner = QObject()
    recorder = FrameRecorder(owner, draw, 4, target, restore=lambda: None)
    return owner, recorder


def test_a_gif_cut_short_without_a_word_keeps_the_previous_file(qtbot, tmp_path, monkeypatch):
    """Pillow writing half a file without an error: the GIF reader refuses it."""
    real_save = Image.Image.save

    def cut_short(image, target, *args, **kwargs):
        real_save(image, target, *args, **kwargs)
        data = target.read_bytes()
        target.write_bytes(data[: len(data) // 2])

    monkeypatch.setattr(Image.Image, "save", cut_short)
    target = tmp_path / "descent.gif"
    target.write_bytes(b"the previous GIF")
    _owner, recorder = _record(qtbot, target)
    with qtbot.waitSignal(recorder.failed, timeout=20000) as blocker:
        recorder.start()
    message = blocker.args[0]
    assert message.startswith(f"cannot write {target}:") and "cut short" in message, message
    assert [p.name for p in tmp_path.iterdir()] == ["descent.gif"]
    assert target.read_bytes() == b"the previous GIF"


def test_a_gif_keeps_the_file_mode(qtbot, tmp_path):
    target = tmp_path / "descent.gif"
    target.write_bytes(b"the previous GIF")
    target.chmod(0o640)
    _owner, recorder = _record(qtbot, target)
    with qtbot.waitSignal(recorder.finished, timeout=20000):
        recorder.start()
    assert target.read_bytes().startswith(b"GIF8") and target.stat().st_mode & 0o777 == 0o640
