"""The typed facade a UI part installs itself through.

Each part package (``nnstudio.ui.data``, ``.training``, ``.code``,
``.lessons``) has ``install(studio: Studio) -> handle``. The window keeps the
returned handle in ``window.parts[<part>]``; nothing else is set on the
window, and no part needs another part to have been installed first: what
every part may rely on (the document state, the training controller, menus,
toolbar, the panel/workspace API) is core and exists before any part runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QWidget

from nnstudio.ui.state import AppState
from nnstudio.ui.training.controller import TrainingController
from nnstudio.ui.workspaces import Workspaces


class Studio:
    """What a part may use of the main window (see the module docstring)."""

    def __init__(self, window) -> None:
        """``window``: the :class:`~nnstudio.ui.main_window.MainWindow`."""
        self.window = window

    @property
    def state(self) -> AppState:
        return self.window.state

    @property
    def training(self) -> TrainingController:
        return self.window.training

    @property
    def workspaces(self) -> Workspaces:
        return self.window.workspaces

    @property
    def menus(self) -> dict[str, QMenu]:
        return self.window.menus

    @property
    def toolbar(self) -> QToolBar:
        return self.window.toolbar

    @property
    def import_menu(self) -> QMenu:
        return self.window.import_menu

    @property
    def export_menu(self) -> QMenu:
        return self.window.export_menu

    def add_panel(self, name: str, title: str, factory: Callable[[], QWidget], area=Qt.RightDockWidgetArea,
                  workspaces: Iterable[str] = ("build",), tabify_with: str | None = None,
                  scrollable: bool = False) -> QDockWidget:
        """A panel built lazily by ``factory`` (see :meth:`MainWindow.add_panel`)."""
        return self.window.add_panel(name, title, factory, area, workspaces=workspaces, tabify_with=tabify_with,
                                     scrollable=scrollable)

    def add_dock(self, widget: QWidget, name: str, title: str, area=Qt.RightDockWidgetArea,
                 tabify_with: str | None = None, workspaces: Iterable[str] | None = None) -> QDockWidget:
        return self.window.add_dock(widget, name, title, area, tabify_with=tabify_with, workspaces=workspaces)

    def panel(self, name: str) -> QWidget:
        """The widget of panel ``name`` (built now if needed)."""
        return self.window.panel(name)

    def add_toolbar(self, toolbar: QToolBar, area=Qt.TopToolBarArea) -> QToolBar:
        self.window.addToolBar(area, toolbar)
        return toolbar

    def add_action(self, action: QAction) -> QAction:
        """Make ``action``'s shortcut work anywhere in the window."""
        self.window.addAction(action)
        return action

    def show_status(self, text: str, ms: int = 5000) -> None:
        self.window.statusBar().showMessage(text, ms)
