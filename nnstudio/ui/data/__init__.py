"""The Data plug-in: the 'data' dock (built-in datasets, parameters, split,
scaling, label format, CSV import) and the 'data_view' dock (scatter or table).

``install(window)`` is called by :class:`nnstudio.ui.main_window.MainWindow`
at the end of its ``__init__``; it uses only the documented plug-in API
(``window.state``, ``window.add_dock``, ``window.import_menu``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from nnstudio.ui.data.dock import DataDock
from nnstudio.ui.data.view import DataView

__all__ = ["DataDock", "DataView", "install"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPanel", text)


def install(window) -> None:
    """Add the Data and Data view docks and File > Import > CSV dataset… to ``window``."""
    state = window.state
    panel = DataDock(state)
    window.add_dock(panel, "data", _tr("Data"), Qt.DockWidgetArea.LeftDockWidgetArea)
    view = DataView(state)
    window.add_dock(view, "data_view", _tr("Data view"), Qt.DockWidgetArea.RightDockWidgetArea)
    action = QAction(_tr("CSV dataset…"), window)
    action.setObjectName("importCsvAction")
    action.setStatusTip(_tr("Load your own data from a CSV file into the project."))
    action.triggered.connect(lambda _checked=False: panel.import_csv())
    menu = getattr(window, "import_menu", None)
    if menu is not None:
        menu.addAction(action)
    window.data_panel = panel
    window.data_view = view
    window.import_csv_action = action
