"""The studio's colours, Qt-free: the views (``nnstudio.ui.plotstyle``) and the
replay pictures (``nnstudio.export.replay``) both draw with these."""

from __future__ import annotations

import numpy as np

#: One colour per class (colour-blind friendly Tableau palette), cycled.
CLASS_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)
CLASS_RGB = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in CLASS_COLORS], dtype=np.float64)
#: the canvas' sign colours: orange for positive, blue for negative
POSITIVE_RGB = np.array([242.0, 142.0, 43.0])
NEGATIVE_RGB = np.array([59.0, 125.0, 216.0])
#: how light the class colours are under the points of a decision map (1: full colour)
MAP_STRENGTH = 0.75
