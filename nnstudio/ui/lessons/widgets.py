"""The step-interaction factory: a lesson step's ``widget`` name -> a Qt widget."""

from __future__ import annotations

from nnstudio.ui.lessons.chain_rule import ChainRuleView
from nnstudio.ui.lessons.depth_quiz import DepthQuizWidget
from nnstudio.ui.lessons.explorers import ActivationExplorer, BatchExplorer, LossExplorer
from nnstudio.ui.lessons.perceptron import GateComposerWidget, PerceptronWidget

WIDGET_CLASSES = {
    "perceptron": PerceptronWidget,
    "gate_composer": GateComposerWidget,
    "activation_explorer": ActivationExplorer,
    "loss_explorer": LossExplorer,
    "batch_explorer": BatchExplorer,
    "chain_rule": ChainRuleView,
    "depth_quiz": DepthQuizWidget,
}


def create_widget(kind: str, params: dict | None = None, parent=None):
    """Build the interaction ``kind`` with the step's ``widget_params``.

    Raises ``ValueError`` naming the valid kinds, or the bad parameter.
    """
    cls = WIDGET_CLASSES.get(kind)
    if cls is None:
        raise ValueError(f"unknown lesson widget {kind!r}; valid: {', '.join(WIDGET_CLASSES)}")
    try:
        return cls(**dict(params or {}), parent=parent)
    except TypeError as exc:
        raise ValueError(f"lesson widget {kind!r}: bad widget_params {params} ({exc})") from None
