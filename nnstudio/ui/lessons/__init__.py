"""Qt widgets for lessons: the lesson panel, the lesson browser and the step interactions.

All widgets are standalone (no main window needed); a host wires their
signals to the project document. :func:`create_widget` builds the interaction
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

__all__ = [
    "LessonPanel", "LessonBrowser", "PerceptronWidget", "GateComposerWidget", "ActivationExplorer",
    "LossExplorer", "BatchExplorer", "ChainRuleView", "DepthQuizWidget", "WIDGET_CLASSES", "create_widget",
]
