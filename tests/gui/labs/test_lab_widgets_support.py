"""The background task (progress, cancel, failure) and the value slider the labs share."""

from __future__ import annotations

import threading

from gui.background import BackgroundTask
from gui.labs.value_slider import ValueSlider


def test_a_job_reports_progress_and_its_result_off_the_gui_thread(qtbot) -> None:
    task = BackgroundTask()
    seen: list[tuple[int, int]] = []
    task.progress.connect(lambda done, total: seen.append((done, total)))
    main = threading.get_ident()

    def job(progress, stop):
        for k in range(1, 4):
            progress(k, 3)
        return threading.get_ident()

    with qtbot.waitSignal(task.finished, timeout=5000) as result:
        assert task.start(job)
        assert not task.start(job)  # one at a time
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert result.args[0] != main
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancel_and_failure(qtbot) -> None:
    task = BackgroundTask()
    release = threading.Event()

    def waits(progress, stop):
        release.wait(5)
        return None if stop() else "finished"

    with qtbot.waitSignal(task.finished, timeout=5000) as result:
        task.start(waits)
        task.cancel()
        release.set()
    assert result.args == [None]
    qtbot.waitUntil(lambda: not task.running, timeout=5000)

    def fails(progress, stop):
        raise ValueError("no such dataset")

    with qtbot.waitSignal(task.failed, timeout=5000) as failure:
        task.start(fails)
    assert failure.args == ["no such dataset"]
    qtbot.waitUntil(lambda: not task.running, timeout=5000)


def test_value_slider(qtbot) -> None:
    slider = ValueSlider(0.05, 0.9, 0.05, 0.3)
    qtbot.addWidget(slider)
    assert slider.value() == 0.3 and slider.label.text() == "0.30"
    with qtbot.waitSignal(slider.valueChanged) as moved:
        slider.slider.setValue(slider.slider.maximum())
    assert moved.args == [0.9] and slider.label.text() == "0.90"
    slider.setValue(0.12)  # snaps to the nearest step
    assert slider.value() == 0.1
