"""Qt widgets for lessons: the lesson panel, the lesson browser and the step interactions.

All widgets are standalone (no main window needed); :class:`LessonHost`
(``host.py``) wires them to the main window, and :func:`install` is the
main-window part entry point. :func:`create_widget` builds the interaction
a step names in its ``widget`` key with its ``widget_params``. The widget
classes are imported on first use (several import pyqtgraph).
"""

from __future__ import annotations

import importlib

_LAZY = {
    "LessonBrowser": "browser", "LessonPanel": "panel", "PerceptronWidget": "perceptron",
    "GateComposerWidget": "perceptron", "ActivationExplorer": "explorers", "LossExplorer": "explorers",
    "BatchExplorer": "explorers", "ChainRuleView": "chain_rule", "DepthQuizWidget": "depth_quiz",
    "WIDGET_CLASSES": "widgets", "create_widget": "widgets",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"nnstudio.ui.lessons.{module}"), name)


def install(studio):
    """Main-window part: the 'lesson' dock, Help > Lessons, classroom mode and UI zoom.

    Returns the :class:`~nnstudio.ui.lessons.host.LessonHost` (``window.lessons``).
    """
    from nnstudio.ui.lessons.host import LessonHost

    return LessonHost(studio.window)


__all__ = [
    "install", "LessonPanel", "LessonBrowser", "PerceptronWidget", "GateComposerWidget", "ActivationExplorer",
    "LossExplorer", "BatchExplorer", "ChainRuleView", "DepthQuizWidget", "WIDGET_CLASSES", "create_widget",
]
