"""Classroom mode and projector zoom for the main window.

* **Classroom mode** (View > Classroom mode, action ``classroomAction``):
  shows only the docks the open lesson (and its current step) lists in
  ``panels`` and hides the rest, arranged large by the window's workspaces
  (``window.workspaces.show_only``, the same mechanism as the Learn
  workspace's ``show_for_step``); leaving restores the dock layout saved on
  entering (``QMainWindow.saveState`` / ``restoreState``).
* **Projector zoom** (View > Zoom UI in / out / reset, Ctrl+Alt+= /
  Ctrl+Alt+- / Ctrl+Alt+0): scales the application font (the builder's
  ``settings.apply_ui_zoom``) and the fonts of every pyqtgraph axis in the
  window; the percentage is remembered in QSettings ``ui/zoom``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from nnstudio.ui import settings as app_settings
from nnstudio.ui.projector import apply_plot_fonts, apply_scale
from nnstudio.ui.workspaces import PANEL_DOCKS, docks_for

__all__ = ["Classroom", "PANEL_DOCKS", "docks_for", "next_zoom", "apply_plot_fonts", "ZOOM_LEVELS"]
#: zoom levels (percent) the zoom actions step through
ZOOM_LEVELS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


def next_zoom(percent: int, direction: int) -> int:
    """The zoom level after ``percent`` in ``direction`` (+1 larger, -1 smaller, 0 reset to 100)."""
    if direction == 0:
        return 100
    if direction > 0:
        return next((z for z in ZOOM_LEVELS if z > percent), ZOOM_LEVELS[-1])
    return next((z for z in reversed(ZOOM_LEVELS) if z < percent), ZOOM_LEVELS[0])


class Classroom(QObject):
    """Adds the classroom-mode and UI-zoom actions to a main window's View menu."""

    #: classroom mode was switched on (True) or off (False)
    toggled = Signal(bool)
    #: the UI zoom changed (percent)
    zoomChanged = Signal(int)

    def __init__(self, window, panels_fn, parent: QObject | None = None) -> None:
        """``panels_fn()`` returns the panel names the open lesson/step wants (lesson + step panels)."""
        super().__init__(parent or window)
        self.window = window
        self._panels_fn = panels_fn
        self._saved_layout = None
        view = window.menus["view"]
        view.addSeparator()
        self.action = self._action(self.tr("&Classroom mode"), "classroomAction", None,
                                   self.tr("Show only the panels the lesson needs (again to restore the layout)"))
        self.action.setCheckable(True)
        self.action.toggled.connect(self.set_enabled)
        self.zoom_in_action = self._action(self.tr("Zoom UI In"), "zoomUiInAction", ["Ctrl+Alt+=", "Ctrl+Alt++"],
                                           self.tr("Larger text everywhere (projectors)"))
        self.zoom_out_action = self._action(self.tr("Zoom UI Out"), "zoomUiOutAction", "Ctrl+Alt+-",
                                            self.tr("Smaller text everywhere"))
        self.zoom_reset_action = self._action(self.tr("Reset UI Zoom"), "zoomUiResetAction", "Ctrl+Alt+0",
                                              self.tr("Normal text size"))
        self.zoom_in_action.triggered.connect(lambda: self.zoom_step(+1))
        self.zoom_out_action.triggered.connect(lambda: self.zoom_step(-1))
        self.zoom_reset_action.triggered.connect(lambda: self.zoom_step(0))
        for a in (self.action, None, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view.addSeparator() if a is None else view.addAction(a)

    def _action(self, text: str, name: str, shortcut, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setStatusTip(tip)
        action.setToolTip(tip)
        self.window.addAction(action)
        return action

    # ------------------------------------------------------------ classroom
    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def set_enabled(self, on: bool) -> None:
        """Enter (save the layout, show only the lesson's docks) or leave (restore the layout)."""
        if self.action.isChecked() != on:
            self.action.setChecked(on)  # re-enters through toggled
            return
        if on:
            if self._saved_layout is None:
                self._saved_layout = self.window.saveState()
            self.update_docks()
        elif self._saved_layout is not None:
            self.window.restoreState(self._saved_layout)
            self._saved_layout = None
        self.toggled.emit(on)

    def wanted_docks(self) -> set[str]:
        return docks_for(self._panels_fn())

    def update_docks(self) -> None:
        """In classroom mode: show exactly the wanted docks (call when the lesson or step changes)."""
        if not self.enabled:
            return
        self.window.workspaces.show_only(self.wanted_docks())
        lesson = self.window.docks.get("lesson")
        if lesson is not None:
            lesson.raise_()

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> int:
        return app_settings.ui_zoom()

    def set_zoom(self, percent: int) -> int:
        """Store and apply a UI zoom (clamped to the settings' range); returns the value applied."""
        app_settings.set_ui_zoom(percent)
        value = app_settings.ui_zoom()
        app = QApplication.instance()
        if app is not None:
            app_settings.apply_ui_zoom(app, value)
            apply_plot_fonts(self.window)
            apply_scale(self.window, value)  # lines, points and the canvas' neurons scale too
        self.window.statusBar().showMessage(self.tr("UI zoom {0} %").format(value), 3000)
        self.zoomChanged.emit(value)
        return value

    def zoom_step(self, direction: int) -> int:
        return self.set_zoom(next_zoom(self.zoom(), direction))
