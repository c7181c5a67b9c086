"""Training part of the main window: the Train toolbar and menu, and the live views.

The :class:`TrainingController` itself is core: the main window creates it
(``window.training``) before any part is installed. ``install(studio)`` adds
the 'Train' toolbar and menu entries and registers the panels 'loss_plot',
'metric_plot', 'activations', 'decision', 'backprop' and 'confusion', each
built the first time it is shown (pyqtgraph is imported then, not before).
It returns a :class:`TrainingPart`.

Modules: :mod:`.worker` (QThread worker), :mod:`.controller`, :mod:`.probes`
(what the live views compute, no Qt), :mod:`.toolbar`, :mod:`.plots`,
:mod:`.runs`, :mod:`.activations`, :mod:`.decision`, :mod:`.backprop`,
:mod:`.confusion`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from nnstudio.ui.training.controller import TrainingController

__all__ = ["TrainingController", "TrainingPart", "install", "VIEWS"]

#: panel name -> (module, class, area, workspaces, tabify with)
VIEWS = {
    "loss_plot": ("plots", "LossPanel", Qt.BottomDockWidgetArea, ("build", "inspect"), None),
    "metric_plot": ("plots", "MetricPanel", Qt.BottomDockWidgetArea, ("build", "inspect"), "loss_plot"),
    "activations": ("activations", "ActivationsPanel", Qt.RightDockWidgetArea, ("inspect",), None),
    "decision": ("decision", "DecisionPanel", Qt.RightDockWidgetArea, ("build", "inspect"), None),
    "backprop": ("backprop", "BackpropPanel", Qt.BottomDockWidgetArea, ("inspect",), "loss_plot"),
    "confusion": ("confusion", "ConfusionPanel", Qt.RightDockWidgetArea, ("inspect",), "activations"),
}


def titles() -> dict[str, str]:
    """The panels' dock titles, translated (literal calls, so lupdate finds them)."""
    return {"loss_plot": QCoreApplication.translate("LossPanel", "Loss"),
            "metric_plot": QCoreApplication.translate("MetricPanel", "Metric"),
            "activations": QCoreApplication.translate("ActivationsPanel", "Activations"),
            "decision": QCoreApplication.translate("DecisionPanel", "Decision boundary"),
            "backprop": QCoreApplication.translate("BackpropPanel", "Backprop step"),
            "confusion": QCoreApplication.translate("ConfusionPanel", "Confusion matrix")}
#: panels whose live data the controller computes only while they are visible
WANTED_KEYS = {"activations": "heat", "decision": "grid", "confusion": "confusion"}


class LiveViews(Mapping):
    """Panel name -> the live-view widget, built on first access (``window.training_views``)."""

    def __init__(self, window) -> None:
        self._window = window

    def __getitem__(self, name: str):
        if name not in VIEWS:
            raise KeyError(name)
        return self._window.panel(name)

    def __iter__(self):
        return iter(VIEWS)

    def __len__(self) -> int:
        return len(VIEWS)


@dataclass
class TrainingPart:
    """What the training part installed: its toolbar and the live views."""

    toolbar: object
    views: LiveViews


def _factory(controller, module: str, cls: str):
    def build():
        import importlib

        return getattr(importlib.import_module(f"nnstudio.ui.training.{module}"), cls)(controller)

    return build


def install(studio) -> TrainingPart:
    """Add the Train toolbar and menu and register the live-view panels."""
    from nnstudio.ui.training.toolbar import TrainToolbar, add_menu, install_shortcut_guard

    from nnstudio.ui.settings import apply_timeline_budget

    window, controller = studio.window, studio.training
    apply_timeline_budget(controller)  # the remembered rewind memory budget (Preferences)
    toolbar = TrainToolbar(window, controller)
    window.addToolBarBreak(Qt.TopToolBarArea)  # a row of its own: the big Train button and the speed, unclipped
    studio.add_toolbar(toolbar)
    install_shortcut_guard(toolbar)
    add_menu(window, toolbar)
    names = titles()
    for name, (module, cls, area, workspaces, tab) in VIEWS.items():
        dock = studio.add_panel(name, names[name], _factory(controller, module, cls), area, workspaces=workspaces,
                                tabify_with=tab)
        key = WANTED_KEYS.get(name)
        if key is not None:  # compute the optional live views only while someone can see them
            dock.visibilityChanged.connect(lambda visible, key=key: controller.set_wanted(**{key: visible}))
    loss_dock = window.docks["loss_plot"]
    controller.diverged.connect(lambda _msg: (loss_dock.show(), loss_dock.raise_()))
    return TrainingPart(toolbar, LiveViews(window))
