"""The Data part: the 'data' panel (built-in datasets, parameters, split,
scaling, label format, CSV import) and the 'data_view' panel (scatter or table).

``install(studio)`` registers both panels (built when first shown) and adds
File > Import > CSV dataset…; it returns a :class:`DataPart`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

__all__ = ["DataDock", "DataView", "DataPart", "install"]


def __getattr__(name: str):  # the widgets import pyqtgraph: only when someone asks for them
    if name == "DataDock":
        from nnstudio.ui.data.dock import DataDock

        return DataDock
    if name == "DataView":
        from nnstudio.ui.data.view import DataView

        return DataView
    raise AttributeError(name)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPanel", text)


@dataclass
class DataPart:
    """What the data part installed."""

    import_action: QAction


def install(studio) -> DataPart:
    """Register the Data and Data view panels and File > Import > CSV dataset…."""
    state = studio.state

    def data_panel():
        from nnstudio.ui.data.dock import DataDock

        return DataDock(state)

    def data_view():
        from nnstudio.ui.data.view import DataView

        return DataView(state)

    studio.add_panel("data", _tr("Data"), data_panel, Qt.DockWidgetArea.LeftDockWidgetArea, workspaces=("build",),
                     scrollable=True)
    studio.add_panel("data_view", _tr("Data view"), data_view, Qt.DockWidgetArea.RightDockWidgetArea,
                     workspaces=("build",))
    action = QAction(_tr("CSV dataset…"), studio.window)
    action.setObjectName("importCsvAction")
    action.setStatusTip(_tr("Load your own data from a CSV file into the project."))
    action.triggered.connect(lambda _checked=False: studio.panel("data").import_csv())
    studio.import_menu.addAction(action)
    return DataPart(action)
