"""The step-interaction factory: a lesson step's ``widget`` name -> a Qt widget."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

#: widget name -> (module in nnstudio.ui.lessons, class); imported on first use (pyqtgraph is heavy)
_WIDGETS = {
    "perceptron": ("perceptron", "PerceptronWidget"),
    "gate_composer": ("perceptron", "GateComposerWidget"),
    "activation_explorer": ("explorers", "ActivationExplorer"),
    "loss_explorer": ("explorers", "LossExplorer"),
    "batch_explorer": ("explorers", "BatchExplorer"),
    "chain_rule": ("chain_rule", "ChainRuleView"),
    "depth_quiz": ("depth_quiz", "DepthQuizWidget"),
    "replay": ("replay", "ReplayWidget"),
}


class _WidgetClasses(Mapping):
    """Widget name -> class, importing the class's module when it is first looked up."""

    def __getitem__(self, kind: str):
        module, cls = _WIDGETS[kind]
        return getattr(importlib.import_module(f"nnstudio.ui.lessons.{module}"), cls)

    def __iter__(self):
        return iter(_WIDGETS)

    def __len__(self) -> int:
        return len(_WIDGETS)


WIDGET_CLASSES = _WidgetClasses()


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
