"""One thread helper (nnstudio.ui.threads) for training and CSV import, and the leak fixture that watches it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnstudio.ui import threads
from nnstudio.ui.data import import_task
from nnstudio.ui.training import worker as worker_mod


class _Worker(QObject):
    finished = Signal()

    def __init__(self):
        super().__init__()
        self.ran_in = None

    @Slot()
    def run(self):
        self.ran_in = QThread.currentThread()
        self.finished.emit()


def test_run_worker_runs_in_a_named_thread_and_quits(qtbot):
    w = _Worker()
    thread = threads.run_worker(w, "probeThread")
    assert thread.objectName() == "probeThread"
    assert thread.wait(5000)
    assert w.ran_in is thread and threads.running_threads() == []


def test_training_and_csv_import_share_the_registry():
    assert worker_mod.running_threads is threads.running_threads
    assert worker_mod.register_thread is threads.register_thread
    assert import_task.running_threads() == []


def test_every_test_runs_with_qthread_start_watched():
    """tests/conftest.py patches QThread.start for each test (so any thread left running fails it)."""
    assert "_no_dangling_threads" in QThread.start.__qualname__
