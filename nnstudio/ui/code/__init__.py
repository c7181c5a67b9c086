"""The code plug-in: a 'code' dock with the Keras and PyTorch code of the
network (updating as the canvas changes), File > Export actions (scripts,
Keras JSON, weights, history, plots as PNG) and File > Import > Keras model
JSON.

``install(window)`` follows the main-window plug-in API in docs/CONTRACTS.md.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from nnstudio.ui.code.actions import CodeActions
from nnstudio.ui.code.panel import CodePanel

__all__ = ["CodeActions", "CodePanel", "install"]


def install(window) -> None:
    """Add the code dock and the export / import actions to ``window``."""
    panel = CodePanel(window.state, window)
    tab_with = "problems" if "problems" in getattr(window, "docks", {}) else None
    window.add_dock(panel, "code", panel.tr("Code"), Qt.BottomDockWidgetArea, tabify_with=tab_with)
    window.code_panel = panel
    window.code_actions = CodeActions(window)
