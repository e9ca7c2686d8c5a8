"""File → Open dataset…: a CSV of x, y, label rows or an MNIST-format (IDX) images file, read
off the GUI thread with a progress dialog and Cancel, then used as the run's dataset.

Nothing is downloaded. Reading a file fills the engine's cache of loaded sets
(engine.models.run_samples), so building the new run afterwards does not read it again. A file
the engine refuses (a broken IDX, a CSV with one class) gives its one-line reason and changes
nothing; so does Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.run_samples import whole_set_shape
from gui.background import BackgroundTask
from gui.views.settings_check import FieldRefused, assemble

LAST_FOLDER_KEY = "datasets/last_folder"
FILTER = "Datasets (*.csv *.gz *ubyte *idx*);;CSV (*.csv);;IDX images (*ubyte *idx* *.gz);;All (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("DatasetOpener", text)


def config_with_dataset(base: Config, path: str) -> Config:
    """The run's settings with this file as the dataset, first and last layers fitted to it
    (raises EngineError with the reason)."""
    try:
        return assemble(base, {"dataset": path})
    except FieldRefused as refused:
        raise EngineError(refused.message) from None


class DatasetOpener(QObject):
    """Reads one file at a time; `use(config)` takes the new settings (the rebuild question)."""

    def __init__(
        self,
        parent: QWidget,
        config: Callable[[], Config],
        use: Callable[[Config], bool],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._parent, self._config, self._use, self._say = parent, config, use, say
        self.task = BackgroundTask(self)
        self.task.crash_dialog = False  # every failure is said in the banner
        self.task.finished.connect(self._loaded)
        self.task.failed.connect(self._failed)
        self.progress: QProgressDialog | None = None
        self._path = ""
        self._cancelled = False

    def dialog(self) -> None:
        start = str(QSettings().value(LAST_FOLDER_KEY, str(Path.home())))
        name, _ = QFileDialog.getOpenFileName(self._parent, tr("Open dataset"), start, FILTER)
        if name:
            QSettings().setValue(LAST_FOLDER_KEY, str(Path(name).parent))
            self.open(name)

    def open(self, path: str) -> bool:
        """Start reading `path`; False while another file is being read."""
        seed = self._config().seed
        if not self.task.start(lambda progress, stop: whole_set_shape(path, seed)):
            self._say(tr("A dataset is already being read."))
            return False
        self._path, self._cancelled = path, False
        self.progress = QProgressDialog(
            tr("Reading {0}…").format(Path(path).name), tr("Cancel"), 0, 0, self._parent
        )
        self.progress.setWindowTitle(tr("Open dataset"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)
        return True

    def _cancel(self) -> None:
        """The file is read to its end in the worker, then dropped: nothing changes."""
        if self._cancelled:
            return
        self._cancelled = True
        self.task.cancel()
        self._say(tr("Opening the dataset was cancelled: nothing changed."))

    def _close_progress(self) -> None:
        if self.progress is not None:
            if self.progress.wasCanceled():  # cancelled before its signal was connected
                self._cancel()
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _loaded(self, _: object) -> None:
        self._close_progress()
        if self._cancelled:
            return
        try:
            config = config_with_dataset(self._config(), self._path)
        except EngineError as error:
            self._refused(str(error))
            return
        self._use(config)

    def _failed(self, text: str) -> None:
        self._close_progress()
        if not self._cancelled:
            self._refused(text)

    def _refused(self, text: str) -> None:
        self._say(tr("Dataset not opened: {0}").format(text))
