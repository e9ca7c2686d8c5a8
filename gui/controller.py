"""The controller: the one place where the window talks to the engine.

Views send commands here and redraw from the Snapshots this emits; they never call the Stepper
themselves. Animation is a QTimer (one micro-step a tick); fast-forward runs in a QThread
(gui.fast_forward), and while it runs nothing on the GUI thread touches the Stepper (it is not
thread-safe) except at the run's rests.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.landscape.picture import RunPicture
from engine.models.config import Config
from engine.training.stepper import RunResult, Stepper
from gui.crash_guard import log_exception, one_line, show_error
from gui.fast_forward import FastForward, reading_of
from gui.loop_commands import LoopCommands
from gui.pending_settings import PendingSettings
from gui.play_clock import PlayClock, repeated
from gui.run_commands import RunCommands
from gui.run_copies import (
    NetworkFacts,
    PictureTaker,
    TrajectoryData,
    described,
    iteration_snapshots,
    network_facts,
    trajectory_data,
)
from gui.run_report import DivergenceNotice, divergence_warning, run_summary
from gui.worker import Reading, RunPreview


def tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


class Controller(LoopCommands, RunCommands, QObject):
    """Owns the Stepper; turns commands into Snapshots and messages."""

    snapshot_changed = Signal(object)  # Snapshot
    network_changed = Signal()  # a new model (layer sizes, labels) was built
    trajectory_changed = Signal()  # an iteration finished, or history was rewound or edited
    message = Signal(str)  # one line for the learner
    alert = Signal(str)  # a message the learner must not miss (also sent as `message`)
    busy_changed = Signal(bool)  # a fast-forward run started or ended
    run_progress = Signal(int, int)  # iterations done, iterations asked for
    run_preview = Signal(object)  # RunPreview: live losses during a run
    playing_changed = Signal(bool)
    run_replaced = Signal(object, object, str)  # old run, new run, why: gui.run_undo keeps it
    previous_run_changed = Signal(object)  # TrajectoryData | None: the run to compare with

    def __init__(self, config: Config, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stepper = Stepper(config)
        self._clock = PlayClock(self._play_tick, self)
        self._clock.running_changed.connect(self.playing_changed)
        self._busy = False
        self._fast_forward = self._connected(FastForward(self))
        self._trajectory_key = self._current_trajectory_key()
        self._divergence = DivergenceNotice()
        self.last_run: RunResult | None = None  # the latest fast-forward's outcome
        self.previous_run: TrajectoryData | None = None  # a copy of the last run replaced
        self._pictures = PictureTaker()  # the run as copies, taken at a rest
        at_boundary = lambda: not self._stepper.micro  # noqa: E731
        self._pending = PendingSettings(self._change_now, at_boundary, self._warn)

    def _connected(self, runs: FastForward) -> FastForward:
        runs.starting.connect(partial(self._set_busy, True))
        runs.stopped.connect(partial(self._set_busy, False))
        runs.pausing.connect(self._show_rest)
        runs.progress.connect(self.run_progress)
        runs.preview.connect(self._on_run_preview)
        runs.finished.connect(self._on_run_finished)
        runs.failed.connect(self._on_run_failed)
        return runs

    # -- queries -----------------------------------------------------------------------------
    @property
    def stepper(self) -> Stepper:
        """For tests only: the window's parts use the queries and copies below (a test checks)."""
        return self._stepper

    def read(self, reading: Reading) -> object:
        """`reading(stepper)` now, at rest (else see `read_at_rest`, which waits for a rest)."""
        if not self.at_rest:
            raise EngineError("the run has not come to rest")
        return reading(self._stepper)

    def network(self) -> NetworkFacts:
        """The model's neurons, parameters, device and micro-steps per iteration."""
        return network_facts(self._stepper)

    def current_loss(self) -> float:
        """The loss at the parameters shown now (during a run: at its latest rest)."""
        return self.run_picture().current_loss()

    @property
    def config(self) -> Config:
        return self._stepper.config

    @property
    def snapshot(self) -> Snapshot:
        return self._stepper.snapshot

    def run_picture(self) -> RunPicture:
        """The run as copies taken at rest: now, or during a run at its latest rest."""
        return self._pictures.picture(self._stepper, self.at_rest)

    def iteration_snapshots(self) -> tuple[Snapshot, ...]:
        """The current iteration's micro-steps, all of them, replayed (none during a run)."""
        return () if self._busy else iteration_snapshots(self._stepper)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def playing(self) -> bool:
        return self._clock.running

    @property
    def speed(self) -> int:
        return self._clock.speed

    @property
    def can_go_back(self) -> bool:
        return not self._busy and self._stepper.can_go_back

    def trajectory(self) -> TrajectoryData:
        """A frozen copy of the losses, gradient norms and parameters so far."""
        return trajectory_data(self._stepper)

    def describe(self, label: str) -> str | None:
        """The engine's formula with numbers for one element; None while a run owns the engine."""
        return None if self._busy or not label else described(self._stepper, label)

    # -- stepping ----------------------------------------------------------------------------
    @Slot()
    def step_phase(self) -> bool:
        self._pending.apply_waiting()
        return self._command(self._stepper.step_phase)

    @Slot()
    def step_iteration(self) -> bool:
        self._pending.apply_waiting()
        return self._command(self._stepper.step_iteration)

    @Slot()
    def back(self) -> bool:
        if not self._busy and not self._stepper.can_go_back:
            self.message.emit(tr("Already at the start: there is nothing to undo."))
            return False
        self.pause()
        return self._command(self._stepper.back)

    def _command(self, action: Callable[[], Snapshot]) -> bool:
        """Run one engine command; a refusal becomes a message and changes nothing."""
        if self._busy:
            return self._refused_while_busy()
        try:
            snapshot = action()
        except EngineError as error:
            self.pause()
            self._warn(str(error))
            return False
        except Exception as error:  # e.g. a CUDA fault mid-step: say so, keep the window
            self.pause()
            log_exception(error)
            self._fail(one_line(error))
            return False
        self._publish(snapshot)
        return True

    def _publish(self, snapshot: Snapshot, trajectory_moved: bool = False) -> None:
        self.snapshot_changed.emit(snapshot)
        key = self._current_trajectory_key()
        if trajectory_moved or key != self._trajectory_key:
            self._trajectory_key = key
            self.trajectory_changed.emit()
        self._check_divergence(snapshot)

    def _current_trajectory_key(self) -> tuple[int, bytes, Config]:
        t = self._stepper.trajectory  # a settings change (or undoing one) marks the plots
        return t.length, t.current.tobytes(), self._stepper.config

    def _check_divergence(self, snapshot: Snapshot) -> None:
        if snapshot.diverged:
            self.pause()
        if self._divergence.is_news(snapshot):
            self._warn(divergence_warning(snapshot))

    # -- playing -----------------------------------------------------------------------------
    @Slot()
    def play(self) -> None:
        if self._busy or self._clock.running:
            return
        if self._stepper.diverged:
            self._warn(tr("Training diverged: go back, reset or change the settings."))
            return
        self._clock.start()

    @Slot()
    def pause(self) -> None:
        self._clock.stop()

    @Slot()
    def toggle_play(self) -> None:
        if self._clock.running:
            self.pause()
        else:
            self.play()

    @Slot(int)
    def set_speed(self, steps_per_second: int) -> None:
        self._clock.set_speed(steps_per_second)

    def _play_tick(self, due: int) -> None:
        self._pending.apply_waiting()
        if self._pending.waiting:  # stop on the boundary: the waiting change lands there
            due = min(due, self._stepper.iteration_length - self._stepper.micro)
        if not self._command(repeated(self._stepper.step_phase, due, lambda s: s.diverged)):
            self.pause()

    # -- fast-forward ------------------------------------------------------------------------
    @Slot(int)
    def run_iterations(self, n: int) -> bool:
        """Run n iterations in a worker thread; progress, preview and the result come by signal."""
        if self._busy:
            self.message.emit(tr("A run is already in progress."))
            return False
        if n <= 0:
            return False
        if self._pending.waiting and self._stepper.micro:  # finish this one (it counts) first
            if not self.step_iteration():
                return False
            n -= 1
        if self._pending.apply_waiting() and n == 0:
            return True
        if self._stepper.diverged:
            self._warn(tr("Training diverged: go back, reset or change the settings."))
            return False
        try:
            self._stepper.check_history_room(n)
        except EngineError as error:
            self._warn(str(error))
            return False
        self.pause()
        self._pictures.picture(self._stepper, True)  # what the landscape shows while it runs
        self._fast_forward.start(self._stepper, n)
        return True

    def _show_rest(self) -> None:
        """A run rests for an action on this thread: the views see the state it will read."""
        self._publish(self._stepper.snapshot, trajectory_moved=True)

    def read_at_rest(self, reading: Reading, done: Callable[[object], None]) -> None:
        """Call `reading(stepper)` where the state is consistent and hand its result (or the
        exception it raised) to `done` on this thread: at once when no run is going, else at
        the run's next rest, or when it ends. Everything else gets copies, never the stepper."""
        if not self._busy or not self._fast_forward.running:
            done(reading_of(reading, self._stepper))
            return
        self._fast_forward.read_at_rest(reading, done)

    def do_at_rest(self, action: Callable[[], None]) -> None:
        """Run `action` on this thread while nothing changes the stepper: at once when no run
        is going; during a run at its next rest, the worker waiting until `action` returns.
        The views are shown the state at rest first, so what `action` exports is consistent."""
        if not self._busy or not self._fast_forward.running:
            action()
            return
        self._fast_forward.do_at_rest(action)

    @property
    def at_rest(self) -> bool:
        """True when the stepper may be read on this thread: no run, or a run resting."""
        return not self._busy or self._fast_forward.resting

    def run_blocking(self, n: int) -> RunResult | None:
        """Run n iterations on this thread: for start-up, before the window is shown."""
        if self._busy or n <= 0:
            return None
        try:
            result = self._stepper.run(n)
        except Exception as error:  # the window opens anyway, with the reason
            self._warn(tr("The run stopped with an error: {0}").format(error))
            return None
        self._report_run(result, n)
        self._publish(self._stepper.snapshot, trajectory_moved=True)
        return result

    @Slot()
    def cancel_run(self) -> None:
        if self._busy:
            self._fast_forward.cancel()

    @Slot(object)
    def _on_run_preview(self, preview: RunPreview) -> None:
        if self._busy:
            self.run_preview.emit(preview)

    @Slot(object)
    def _on_run_finished(self, result: RunResult) -> None:
        asked = self._fast_forward.asked
        self.run_progress.emit(result.completed, asked)
        self._report_run(result, asked)
        self._publish(self._stepper.snapshot, trajectory_moved=True)

    @Slot(str)
    def _on_run_failed(self, text: str) -> None:
        self._fail(text)
        self._publish(self._stepper.snapshot, trajectory_moved=True)

    def _fail(self, text: str) -> None:
        """An unexpected error: the banner and a dialog, with the state as the engine left it."""
        message = tr("The run stopped with an error: {0}").format(text)
        self._warn(message)
        show_error(message, tr("The run stopped"))

    def _report_run(self, result: RunResult, asked: int) -> None:
        self.last_run = result
        text = run_summary(result, asked, self._stepper.current_loss)
        if result.diverged_at is None:
            self.message.emit(text)
        else:
            self._warn(text)

    def _refused_while_busy(self) -> bool:
        self.message.emit(tr("A run is in progress: wait for it or cancel it first."))
        return False

    def _warn(self, text: str) -> None:
        self.message.emit(text)
        self.alert.emit(text)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Stop playing and any run, waiting for the worker thread to end (the window closes)."""
        self.pause()
        self._fast_forward.shutdown(timeout_ms)

    # -- a run comes in (gui.run_commands builds new ones) ------------------------------------
    def _new_stepper(self, config: Config) -> Stepper:
        return Stepper(config)

    def adopt(self, stepper: Stepper, note: str) -> bool:
        """Take over a ready Stepper (e.g. an opened session); refused while a run is going."""
        if self._busy:
            return self._refused_while_busy()
        self.pause()
        self._stepper = stepper
        self._pending.forget()
        self._divergence = DivergenceNotice()
        self.last_run = None
        self._trajectory_key = self._current_trajectory_key()
        self.network_changed.emit()
        self.snapshot_changed.emit(stepper.snapshot)
        self.trajectory_changed.emit()
        self._warn(note)
        return True

    def hand_over(self, successor: Controller, note: str) -> bool:
        """Give this run (and the previous run's copy) to `successor`, a new window's
        controller; refused during a run. A settings change still waiting for the iteration's
        end goes with it."""
        if self._busy or not successor.adopt(self._stepper, note):
            return False
        successor.keep_previous(self.previous_run)
        successor._pending.waiting = self._pending.waiting
        return True
