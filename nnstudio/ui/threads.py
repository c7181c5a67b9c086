"""The one way the studio runs work off the GUI thread (training and CSV import).

* :func:`run_worker` moves a worker ``QObject`` (with a ``run`` slot and a
  ``finished`` signal) into a new named ``QThread``, wires start/quit and
  starts it; the training controller uses it.
* :func:`register_thread` is for a ``QThread`` subclass that runs its own
  ``run()`` (the CSV import); :func:`run_worker` registers its threads too.
* :func:`running_threads` lists every registered thread still running (the
  test fixtures and shutdown check it); :func:`keep_alive` holds a thread that
  could not be joined in time, so Python never collects a running QThread.
* :func:`collect_garbage_in_gui_thread` makes Python's cycle collector run
  only in the GUI thread: otherwise a collection started by an allocation in a
  worker thread can destroy widgets there, which crashes or deadlocks Qt.
"""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()
_lock = threading.Lock()
_keep: list = []


def register_thread(thread: QThread) -> QThread:
    """Remember ``thread`` (see :func:`running_threads`); returns it."""
    collect_garbage_in_gui_thread()
    with _lock:
        _threads.add(thread)
    return thread


def running_threads(kind: type | None = None) -> list[QThread]:
    """Registered QThreads still running (of class ``kind`` if given)."""
    import shiboken6

    with _lock:
        threads = list(_threads)
    out = []
    for t in threads:
        try:
            if shiboken6.isValid(t) and t.isRunning() and (kind is None or isinstance(t, kind)):
                out.append(t)
        except RuntimeError:
            continue
    return out


class _GuiThreadCollector(QObject):
    """Python's automatic cycle collection off; the same thresholds checked on a GUI-thread timer.

    A collection runs in whichever thread happens to allocate when a threshold
    is passed. If that is the training thread and the garbage holds widgets of
    a closed window (pyqtgraph items live in reference cycles), Qt objects are
    destroyed outside the GUI thread: a segmentation fault or a deadlock. This
    is pyqtgraph's ``util.garbage_collector`` idea, written here so the start
    does not import pyqtgraph.
    """

    INTERVAL_MS = 500

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("guiThreadCollector")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> int:
        """Collect the generations whose thresholds were passed, as the automatic collector would."""
        found = 0
        count = gc.get_count()
        for gen in range(3):
            if count[gen] <= self.threshold[gen]:
                break
            found = gc.collect(gen)
        return found


_collector: _GuiThreadCollector | None = None


def collect_garbage_in_gui_thread() -> _GuiThreadCollector | None:
    """Install the GUI-thread collector once per QApplication (see :class:`_GuiThreadCollector`).

    Called before any worker thread starts and when the app starts; a no-op
    without a QCoreApplication. Returns the collector (tests call ``check``).
    """
    global _collector
    import shiboken6

    app = QCoreApplication.instance()
    if app is None:
        return None
    if _collector is None or not shiboken6.isValid(_collector) or _collector.parent() is not app:
        _collector = _GuiThreadCollector(app)
    gc.disable()  # someone may have re-enabled it
    return _collector


def keep_alive(obj) -> None:
    """Hold a reference to a thread (or its worker) that could not be joined in time."""
    _keep.append(obj)


def run_worker(worker: QObject, name: str) -> QThread:
    """Run ``worker.run`` in a new QThread named ``name``; the thread quits when ``worker.finished`` fires.

    The quit is a direct connection: the thread's event loop ends from the
    worker thread itself, so a caller can join it (``thread.wait``) without
    the GUI event loop running.
    """
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit, Qt.DirectConnection)
    register_thread(thread)
    thread.start()
    return thread
