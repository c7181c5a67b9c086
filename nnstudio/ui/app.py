"""Starting the studio: the QApplication, translations, and ``run_gui``.

``run_gui(project, self_test, lang)`` is what ``nnstudio`` (cli.py) calls.
With ``self_test=PATH.png`` it opens the XOR sample, trains five epochs
through the real training plug-in, saves a screenshot and returns 0 only if
all of that worked (never hanging: every wait has a timeout).

Set ``NNSTUDIO_STARTUP_TIMING=1`` to print ``startup-to-window``,
``first-paint`` and ``workspace-ready`` (seconds from process start, see
:mod:`nnstudio.ui.startup_timing`) and quit; the cold-start benchmarks use it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()

SELF_TEST_EPOCHS = 5
SELF_TEST_TIMEOUT_MS = 60_000


def _process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since this module loaded)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _T0


def create_app(argv: list[str] | None = None, lang: str | None = None):
    """The QApplication (created once), named for QSettings, with icon, zoom and translations."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from nnstudio import __version__
    from nnstudio.ui import settings as app_settings

    QCoreApplication.setOrganizationName(app_settings.ORG)
    QCoreApplication.setApplicationName(app_settings.APP)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(sys.argv if argv is None else argv))
    app.setApplicationDisplayName("nnstudio")
    from nnstudio.ui.threads import collect_garbage_in_gui_thread

    collect_garbage_in_gui_thread()  # cycles are collected in the GUI thread only, never in training's
    from nnstudio.ui.icons import app_icon

    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    app_settings.apply_ui_zoom(app)
    from nnstudio.ui.i18n import install_translators

    install_translators(app, lang)
    if app_settings.resolve_language(lang) == "ko":  # Korean renders even without a system Korean font
        from nnstudio.ui.fonts import ensure_korean_font

        ensure_korean_font(app)
    return app


def _error_box(title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, title, text)


def _dispose(app, window) -> None:
    """Delete a closed window now, in Qt's order (not later by Python's collector)."""
    from PySide6.QtCore import QEvent

    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def _file_open_filter(window):
    """An event filter that opens files the system hands over as ``QEvent.FileOpen``.

    macOS delivers a double-clicked ``.nnstudio`` file this way instead of in argv.
    """
    from PySide6.QtCore import QEvent, QObject

    class FileOpenFilter(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.FileOpen and event.file():
                window.files.open_project(event.file(), ask=True)
                return True
            return False

    return FileOpenFilter(window)


def run_gui(project=None, self_test=None, lang=None) -> int:
    """Show the main window (opening ``project`` if given) and run until it closes.

    Returns the exit code. ``self_test``: see the module docstring. ``lang`` (``--lang``)
    holds for this run: menus, lessons and the lesson list all follow it.
    """
    from nnstudio.ui import settings as app_settings

    app_settings.set_session_language(lang)
    app = create_app(lang=lang)
    from nnstudio.ui.main_window import MainWindow

    if self_test:
        try:  # strict: a part that fails to install fails the self-test, with its traceback
            window = MainWindow(strict=True)
        except Exception as exc:
            import traceback

            traceback.print_exc()
            print(f"self-test: FAILED: a part of the studio failed to install: {type(exc).__name__}: {exc}",
                  flush=True)
            return 1
        app.installEventFilter(_file_open_filter(window))
        return _self_test(app, window, Path(self_test))
    window = MainWindow(strict=False, defer_probes=True)  # first snapshot after the first paint
    app.installEventFilter(_file_open_filter(window))
    if project:
        if not window.files.open_project(project, ask=False):
            print(f"nnstudio: could not open {project}", file=sys.stderr)
    if os.environ.get("NNSTUDIO_STARTUP_TIMING") == "1":
        from nnstudio.ui.startup_timing import StartupTimer

        timer = StartupTimer(app, window, _process_age)
        window.show()
        timer.shown()
        return int(app.exec())
    window.show()
    return int(app.exec())


def _self_test(app, window, shot: Path) -> int:
    """Train the XOR sample for a few epochs through the real worker and screenshot the window."""
    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio import resources
    from nnstudio.project import Project, ProjectFileError, load_project
    from nnstudio.ui import main_window as mw

    def done(ok: bool, message: str) -> int:
        print(f"self-test: {'OK' if ok else 'FAILED'}: {message}", flush=True)
        try:
            window.training.shutdown(5000)
        except Exception as exc:  # report, but still close
            print(f"self-test: shutdown failed: {exc}", file=sys.stderr)
        window.state.undo_stack.setClean()
        window.close()
        _dispose(app, window)
        return 0 if ok else 1

    try:
        try:
            project = load_project(resources.path("examples", "xor.nnstudio"))
        except (FileNotFoundError, ProjectFileError):
            project = Project.default()
        window.state.set_project(project, None)
        window.state.push([("set_training", "epochs", SELF_TEST_EPOCHS)], "self-test epochs")
        window.show()
        app.processEvents()
        training = window.training
        missing = [p.rsplit(".", 1)[-1] for p in mw.PLUGINS if p.rsplit(".", 1)[-1] not in window.parts]
        if missing:
            return done(False, "part(s) of the studio are not installed: " + ", ".join(missing))
        if window.state.has_errors():
            return done(False, "the sample project has errors: "
                        + "; ".join(p.message for p in window.state.problems if p.is_error))
        loop = QEventLoop()
        result: dict = {}

        def finished(reason: str = "") -> None:
            result["reason"] = reason
            loop.quit()

        def diverged(message: str = "") -> None:
            result.setdefault("diverged", message)

        training.finished.connect(finished)
        training.diverged.connect(diverged)
        QTimer.singleShot(SELF_TEST_TIMEOUT_MS, loop.quit)
        training.train()
        if "reason" not in result:
            loop.exec()
        if "reason" not in result:
            return done(False, f"training did not finish within {SELF_TEST_TIMEOUT_MS // 1000} s")
        history = getattr(training, "history", None) or (window.state.project.trained or {}).get("history") or {}
        epochs = len(history.get("loss", []))
        if epochs != SELF_TEST_EPOCHS:
            return done(False, f"expected {SELF_TEST_EPOCHS} epochs of history, got {epochs} "
                               f"(stop reason {result.get('reason')!r})")
        app.processEvents()
        shot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(shot)):
            return done(False, f"could not write the screenshot {shot}")
        return done(True, f"trained {epochs} epochs, final loss {history['loss'][-1]:.4f}, screenshot {shot}")
    except Exception as exc:  # the self-test reports every failure as exit code 1
        import traceback

        traceback.print_exc()
        return done(False, f"{type(exc).__name__}: {exc}")
