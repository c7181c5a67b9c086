"""Cold-start timing for the benchmarks (``NNSTUDIO_STARTUP_TIMING=1``, see :mod:`nnstudio.ui.app`).

Prints, in seconds since the process started:

* ``startup-to-window`` - the window was shown (``show()`` returned);
* ``first-paint`` - the window's first paint event, and whether pyqtgraph was imported by then;
* ``workspace-ready`` - every panel visible in the current workspace is built and was painted;

then closes the window and quits.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer


class StartupTimer(QObject):
    """Watches one main window from ``show()`` until its workspace is ready (then quits ``app``)."""

    def __init__(self, app, window, age) -> None:
        super().__init__(window)
        self.app, self.window, self.age = app, window, age
        self.first_paint: float | None = None
        self.painted_after_build = False
        self.built_count = -1
        window.installEventFilter(self)
        self.poll = QTimer(self)
        self.poll.setInterval(5)
        self.poll.timeout.connect(self._check)
        QTimer.singleShot(10_000, self._finish)

    def shown(self) -> None:
        print(f"startup-to-window: {self.age():.3f} s", flush=True)
        self.poll.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            if self.first_paint is None:
                self.first_paint = self.age()
                print(f"first-paint: {self.first_paint:.3f} s (pyqtgraph imported: "
                      f"{'pyqtgraph' in sys.modules})", flush=True)
            self.painted_after_build = True
        return False

    def _pending(self) -> list[str]:
        ws = self.window.workspaces
        return [n for n, p in ws.panels.items() if not p.built and p.dock.isVisible()
                and not p.dock.visibleRegion().isEmpty()]

    def _check(self) -> None:
        if self.first_paint is None:
            return
        built = len(self.window.workspaces.built())
        if built != self.built_count:  # something was built since: wait for the paint after it
            self.built_count = built
            self.painted_after_build = False
            self.window.update()
            return
        if not self._pending() and self.painted_after_build:
            print(f"workspace-ready: {self.age():.3f} s (workspace {self.window.workspaces.current}, "
                  f"{built} panels built of {len(self.window.workspaces.panels)})", flush=True)
            self._finish()

    def _finish(self) -> None:
        self.poll.stop()
        self.window.state.undo_stack.setClean()
        self.window.close()
        self.app.quit()
