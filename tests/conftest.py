"""Test setup shared by every test.

Qt runs headless: QT_QPA_PLATFORM is set here, before anything imports Qt,
never by hand. UI tests use pytest-qt's ``qtbot``; two autouse fixtures fail
any test that leaves a QThread running or a top-level window open.
"""

import os
import tempfile
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Never read or write the user's own settings: QSettings (user scope) lives
# under XDG_CONFIG_HOME on Linux, so point it at a throwaway folder before Qt starts.
_SETTINGS_DIR = tempfile.mkdtemp(prefix="nnstudio-test-settings-")
os.environ["XDG_CONFIG_HOME"] = _SETTINGS_DIR
# Keep BLAS single-threaded in tests: deterministic and faster for small nets.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings():
    """Every QSettings file of the test session goes to a temporary folder."""
    try:
        from nnstudio.ui.settings import use_settings_folder
    except ImportError:  # Qt not installed: nothing to isolate
        yield
        return
    use_settings_folder(_SETTINGS_DIR)
    yield


@pytest.fixture(autouse=True)
def _no_blocking_modals(request, monkeypatch):
    """A modal dialog nobody handles would hang a headless test forever.

    Unless a test patches them itself, message boxes, dialogs' ``exec`` and
    file dialogs answer "Cancel" at once and the test fails, naming the dialog.
    """
    import importlib.util

    if importlib.util.find_spec("PySide6") is None:
        yield
        return
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    opened: list[str] = []

    def box_exec(self, *a, **k):
        opened.append(f"QMessageBox {self.windowTitle()!r}: {self.text()!r}")
        return QMessageBox.StandardButton.Cancel

    def static_box(kind):
        def show(parent, title, text, *a, **k):
            opened.append(f"QMessageBox.{kind} {title!r}: {text!r}")
            return QMessageBox.StandardButton.Cancel
        return staticmethod(show)

    def dialog_exec(self, *a, **k):
        opened.append(f"{type(self).__name__} {self.windowTitle()!r}")
        return QDialog.DialogCode.Rejected

    def file_dialog(kind):
        def ask(*a, **k):
            opened.append(f"QFileDialog.{kind}")
            return ("", "")
        return staticmethod(ask)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, static_box(kind))
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    for kind in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, kind, file_dialog(kind))
    yield
    if opened:
        pytest.fail("test opened modal dialog(s) it did not handle (answered Cancel): " + "; ".join(opened))


def _qt_loaded():
    import sys

    return "PySide6.QtCore" in sys.modules


@pytest.fixture(autouse=True)
def _no_dangling_threads(request, monkeypatch):
    """Fail a test that leaves any QThread (or a non-daemon Python thread) running.

    As napari's conftest does, ``QThread.start`` is patched for the test so
    every thread started from Python is seen, whoever made it (training,
    CSV import, anything new); nnstudio's own registry (nnstudio.ui.threads)
    is checked too.
    """
    import importlib.util

    before = set(threading.enumerate())
    started: list = []
    if importlib.util.find_spec("PySide6") is not None:
        from PySide6.QtCore import QThread

        original = QThread.start

        def start(self, *args, **kwargs):
            started.append(self)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(QThread, "start", start)
    yield
    if _qt_loaded():
        import sys

        import shiboken6

        running = [t for t in started if shiboken6.isValid(t) and t.isRunning()]
        registry = sys.modules.get("nnstudio.ui.threads")
        if registry is not None:
            running += [t for t in registry.running_threads() if t not in running]
        if running:
            names = [t.objectName() or type(t).__name__ for t in running]
            for t in running:
                t.quit()
                t.wait(2000)
            pytest.fail(f"test left {len(running)} QThread(s) running: {names}")
    leftover = [
        t for t in threading.enumerate()
        if t not in before and t.is_alive() and not t.daemon
    ]
    if leftover:
        for t in leftover:
            t.join(timeout=2)
        still = [t for t in leftover if t.is_alive()]
        if still:
            pytest.fail(f"test left thread(s) running: {[t.name for t in still]}")


@pytest.fixture(autouse=True)
def _no_leftover_windows(request):
    """Fail a UI test that leaves a visible top-level window behind."""
    yield
    if not _qt_loaded():
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    import sys

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMainWindow

    app.processEvents()
    visible = [w for w in app.topLevelWidgets() if w.isVisible() and not w.property("nnstudio_allow_leftover")]
    names = [w.objectName() or type(w).__name__ for w in visible]
    for w in visible:
        w.close()
    # Delete finished main windows in Qt's own order now, rather than whenever
    # Python's garbage collector gets to them (pyqtgraph scenes torn down by the
    # collector in the middle of a later test can crash the process).
    for w in app.topLevelWidgets():
        if isinstance(w, QMainWindow) and not w.isVisible():
            w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    # Collect cycles here, in the GUI thread, between tests (the app's collector
    # does it on a timer): never in a later test's training thread.
    threads = sys.modules.get("nnstudio.ui.threads")
    collector = threads.collect_garbage_in_gui_thread() if threads is not None else None
    if collector is not None:
        collector.check()
    if visible:
        pytest.fail(f"test left top-level window(s) open: {names}")
