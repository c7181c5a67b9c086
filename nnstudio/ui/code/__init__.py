"""The code part: a 'code' panel with the Keras and PyTorch code of the
network (updating as the canvas changes), File > Export actions (scripts,
Keras JSON, weights, history, plots as PNG) and File > Import > Keras model
JSON.

``install(studio)`` follows the part API in docs/CONTRACTS.md and returns a :class:`CodePart`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from nnstudio.ui.code.actions import CodeActions

# the panel (and the export modules it uses) is imported when it is first built, not at start-up

__all__ = ["CodeActions", "CodePanel", "CodePart", "install"]


def __getattr__(name: str):
    if name == "CodePanel":
        from nnstudio.ui.code.panel import CodePanel

        return CodePanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _code_panel(state, window):
    from nnstudio.ui.code.panel import CodePanel

    return CodePanel(state, window)


@dataclass
class CodePart:
    """What the code part installed."""

    actions: CodeActions


def install(studio) -> CodePart:
    """Register the code panel and add the export / import actions."""
    state, window = studio.state, studio.window
    studio.add_panel("code", QCoreApplication.translate("CodePanel", "Code"), lambda: _code_panel(state, window),
                     Qt.BottomDockWidgetArea, workspaces=("build",), tabify_with="problems")
    return CodePart(CodeActions(window))
