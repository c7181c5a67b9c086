"""The one way the studio runs work off the GUI thread (training and CSV import).

* :func:`run_worker` moves a worker ``QObject`` (with a ``run`` slot and a
  ``finished`` signal) into a new named ``QThread``, wires start/quit and
  starts it; the training controller uses it.
* :func:`register_thread` is for a ``QThread`` subclass that runs its own
  ``run()`` (the CSV import); :func:`run_worker` registers its threads too.
* :func:`running_threads` lists every registered thread still running (the
  test fixtures and shutdown check it); :func:`keep_alive` holds a thread that
  could not be joined in time, so Python never collects a running QThread.
"""

from __future__ import annotations

import threading
import weakref

from PySide6.QtCore import QObject, Qt, QThread

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()
_lock = threading.Lock()
_keep: list = []


def register_thread(thread: QThread) -> QThread:
    """Remember ``thread`` (see :func:`running_threads`); returns it."""
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
