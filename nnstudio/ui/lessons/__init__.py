"""Qt widgets for lessons: the lesson panel, the lesson browser and the step interactions.

All widgets are standalone (no main window needed); :class:`LessonHost`
(``host.py``) wires them to the main window, and :func:`install` is the
main-window plug-in entry point. :func:`create_widget` builds the interaction
a step names in its ``widget`` key with its ``widget_params``.
"""

from __future__ import annotations

from nnstudio.ui.lessons.browser import LessonBrowser
from nnstudio.ui.lessons.chain_rule import ChainRuleView
from nnstudio.ui.lessons.depth_quiz import DepthQuizWidget
from nnstudio.ui.lessons.explorers import ActivationExplorer, BatchExplorer, LossExplorer
from nnstudio.ui.lessons.panel import LessonPanel
from nnstudio.ui.lessons.perceptron import GateComposerWidget, PerceptronWidget
from nnstudio.ui.lessons.widgets import WIDGET_CLASSES, create_widget



def install(window):
    """Main-window plug-in: the 'lesson' dock, Help > Lessons, classroom mode and UI zoom.

    Returns the :class:`~nnstudio.ui.lessons.host.LessonHost`, also set as ``window.lessons``.
    """
    from nnstudio.ui.lessons.host import LessonHost

    host = LessonHost(window)
    window.lessons = host
    return host


__all__ = [
    "install", "LessonPanel", "LessonBrowser", "PerceptronWidget", "GateComposerWidget", "ActivationExplorer",
    "LossExplorer", "BatchExplorer", "ChainRuleView", "DepthQuizWidget", "WIDGET_CLASSES", "create_widget",
]
