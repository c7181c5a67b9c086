"""A loss that starts far above the rest of the run (lesson 8: 4.6, then 0.04-0.3) does not flatten
the curves the lesson is about: the y axis stops above the run's later values, a note beside Log
scale says the first epochs are cut off, and Log scale shows everything again."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from nnstudio.lessons import registry
from nnstudio.lessons.setups import as_applied
from nnstudio.project import Project, setup_edits
from nnstudio.session.runs import first_epochs_spike


def test_first_epochs_spike_by_hand():
    assert first_epochs_spike([1.0, 0.9, 0.8, 0.7, 0.6, 0.5]) is None            # an ordinary fall
    assert first_epochs_spike([5.0, 0.5, 0.4]) is None                            # too short to judge
    top, n, peak = first_epochs_spike([4.6, 0.9, 0.4, 0.3, 0.2, 0.1], [0.8, 0.6, 0.5, 0.4, 0.3, 0.3])
    assert peak == 4.6 and np.isclose(top, 0.9 * 1.15) and n == 1                 # only 4.6 is above the top
    assert first_epochs_spike([np.nan, 0.5, 0.4, 0.3, 0.2, 0.1]) is None          # non-finite values are ignored


def _lesson8(epochs: int) -> Project:
    p = Project.default()
    p.apply_all(setup_edits(p, as_applied(registry.get("overfitting").steps[0].setup)))
    p.training["epochs"] = epochs
    return p


def test_lesson8_loss_plot_is_cut_below_the_first_epoch(window, qtbot):
    w = window(_lesson8(40))
    panel = w.training_views["loss_plot"]
    label = panel.findChild(QLabel, "lossSpikeLabel")
    assert not label.isVisibleTo(panel)
    with qtbot.waitSignal(w.training.finished, timeout=30000):
        w.training.train()
    loss = w.training.history["loss"]
    assert loss[0] > 3 * max(loss[4:])
    (_x0, _x1), (y0, y1) = panel.item.getViewBox().viewRange()
    assert y1 < loss[0] and y1 >= max(max(loss[4:]), max(w.training.history["val_loss"][4:]))
    assert label.isVisibleTo(panel) and "4.5" in label.text() and "Log scale" in label.toolTip()
    # Log scale shows every value: the note goes, the axis spans the first epoch again
    log = panel.findChild(QCheckBox, "lossLogScale")
    qtbot.mouseClick(log, Qt.LeftButton, pos=log.rect().center())
    assert log.isChecked() and not label.isVisibleTo(panel)
    vb = panel.item.getViewBox()
    assert vb.autoRangeEnabled()[1]       # y follows all the data again (pyqtgraph ranges it when painted)
    vb.updateAutoRange()
    assert vb.viewRange()[1][1] >= np.log10(loss[0])
