"""One thread helper (nnstudio.ui.threads) for training and CSV import, and the leak fixture that watches it."""

from __future__ import annotations

import threading

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


class _Cycle:
    """Garbage in a reference cycle that records the thread it was collected in."""

    collected_in: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cycle.collected_in.append(threading.current_thread().name)


def test_cycles_are_collected_in_the_gui_thread_never_in_a_worker(qtbot):
    """A worker that allocates a lot never starts a collection: garbage of closed windows
    (pyqtgraph items live in cycles) would otherwise be destroyed outside the GUI thread."""
    import gc

    collector = threads.collect_garbage_in_gui_thread()
    assert collector is not None and not gc.isenabled()
    _Cycle.collected_in.clear()
    for _ in range(50):
        _Cycle()

    kept: list = []

    def allocate():  # far past every threshold of the automatic collector
        kept.extend([i] for i in range(100_000))

    t = threading.Thread(target=allocate, name="allocatingWorker")
    t.start()
    t.join(30)
    assert _Cycle.collected_in == []  # nothing was collected in the worker
    qtbot.waitUntil(lambda: len(_Cycle.collected_in) == 50, timeout=5000)  # the GUI-thread timer did it
    assert set(_Cycle.collected_in) == {threading.main_thread().name}
