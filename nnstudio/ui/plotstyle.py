"""Small pyqtgraph settings shared by every live plot."""

from __future__ import annotations


def plain_axes(plot) -> None:
    """Turn off pyqtgraph's automatic SI prefix on every axis of ``plot``.

    The prefix relabels an axis "loss (x0.001)" whenever its range changes, which
    puzzles learners and re-lays out the label on every live update.
    ``plot`` is a PlotItem or a PlotWidget.
    """
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        if axis is not None:
            axis.enableAutoSIPrefix(False)
