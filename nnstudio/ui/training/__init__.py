"""Training plug-in of the main window: train in a background worker with live views.

``install(window)`` creates the :class:`TrainingController` (``window.training``),
the 'Train' toolbar and menu entries, and the docks 'loss_plot',
'metric_plot', 'activations', 'decision', 'backprop' and 'confusion'.

Modules: :mod:`.worker` (QThread worker), :mod:`.controller`, :mod:`.probes`
(what the live views compute, no Qt), :mod:`.toolbar`, :mod:`.plots`,
:mod:`.runs`, :mod:`.activations`, :mod:`.decision`, :mod:`.backprop`,
:mod:`.confusion`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from nnstudio.ui.training.controller import TrainingController

__all__ = ["TrainingController", "install"]


def install(window) -> TrainingController:
    """Add the training controller, toolbar, menu and docks to ``window``."""
    from nnstudio.ui.training.activations import ActivationsPanel
    from nnstudio.ui.training.backprop import BackpropPanel
    from nnstudio.ui.training.confusion import ConfusionPanel
    from nnstudio.ui.training.decision import DecisionPanel
    from nnstudio.ui.training.plots import LossPanel, MetricPanel
    from nnstudio.ui.training.toolbar import (
        TrainToolbar,
        add_menu,
        install_shortcut_guard,
    )

    controller = TrainingController(window.state, window)
    controller.setObjectName("trainingController")
    window.training = controller
    toolbar = TrainToolbar(window, controller)
    window.addToolBar(Qt.TopToolBarArea, toolbar)
    window.train_toolbar = toolbar
    install_shortcut_guard(toolbar)
    add_menu(window, toolbar)

    loss = LossPanel(controller)
    metric = MetricPanel(controller)
    acts = ActivationsPanel(controller)
    decision = DecisionPanel(controller)
    backprop = BackpropPanel(controller)
    confusion = ConfusionPanel(controller)
    window.training_views = {"loss_plot": loss, "metric_plot": metric, "activations": acts,
                             "decision": decision, "backprop": backprop, "confusion": confusion}
    area = Qt.BottomDockWidgetArea
    d_loss = window.add_dock(loss, "loss_plot", QCoreApplication.translate("LossPanel", "Loss"), area)
    window.add_dock(metric, "metric_plot", QCoreApplication.translate("MetricPanel", "Metric"), area,
                    tabify_with=None)
    d_acts = window.add_dock(acts, "activations", QCoreApplication.translate("ActivationsPanel", "Activations"),
                             Qt.RightDockWidgetArea)
    d_dec = window.add_dock(decision, "decision", QCoreApplication.translate("DecisionPanel", "Decision boundary"),
                            Qt.RightDockWidgetArea, tabify_with="activations")
    window.add_dock(backprop, "backprop", QCoreApplication.translate("BackpropPanel", "Backprop step"), area,
                    tabify_with="loss_plot")
    d_conf = window.add_dock(confusion, "confusion", QCoreApplication.translate("ConfusionPanel", "Confusion matrix"),
                             Qt.RightDockWidgetArea, tabify_with="activations")
    # Compute the optional live views only while someone can see them.
    for dock, key in ((d_acts, "heat"), (d_dec, "grid"), (d_conf, "confusion")):
        if dock is not None:
            dock.visibilityChanged.connect(lambda visible, key=key: controller.set_wanted(**{key: visible}))
    controller.diverged.connect(lambda _msg: d_loss.raise_() if d_loss is not None else None)
    return controller
