"""One palette and a few plot settings shared by every view.

* :data:`CLASS_COLORS`: the class colours of the data view, the decision map,
  the canvas node maps and the pinned map (one list, so class 1 is the same
  orange everywhere);
* :func:`class_rgb`: class probabilities over a grid -> blended class colours;
* :func:`signed_rgb`: values -> blue (negative) / white / orange (positive),
  the canvas' weight and activation colours;
* :func:`plain_axes`: no automatic SI prefix on pyqtgraph axes.

No pyqtgraph import here: the canvas uses the palette before any plot exists.
"""

from __future__ import annotations

import numpy as np

from nnstudio.project.colors import CLASS_COLORS, CLASS_RGB, MAP_STRENGTH, NEGATIVE_RGB, POSITIVE_RGB  # noqa: F401


def class_colour_hex(k: int) -> str:
    """The colour of class ``k`` as ``#rrggbb``."""
    return CLASS_COLORS[int(k) % len(CLASS_COLORS)]


def class_probabilities(out: np.ndarray) -> np.ndarray:
    """``(G, k)`` class probabilities from an output layer (1 sigmoid unit -> 2 columns)."""
    out = np.asarray(out, dtype=np.float64)
    if out.ndim == 1:
        out = out[:, None]
    if out.shape[1] == 1:
        p = np.clip(out[:, 0], 0.0, 1.0)
        return np.stack([1.0 - p, p], axis=1)
    return out


def class_rgb(p: np.ndarray, strength: float = 1.0) -> np.ndarray:
    """(G, k) class probabilities -> (G, 3) uint8: the probability-weighted class colours over white."""
    p = np.nan_to_num(np.clip(np.asarray(p, dtype=np.float64), 0, 1))
    k = p.shape[1]
    colours = CLASS_RGB[np.arange(k) % len(CLASS_RGB)]
    rgb = p @ colours + (1 - np.clip(p.sum(axis=1, keepdims=True), 0, 1)) * 255
    rgb = 255 + strength * (rgb - 255)
    return np.clip(rgb, 0, 255).astype(np.uint8)


def _signed_lut(levels: int = 256) -> np.ndarray:
    t = np.linspace(-1.0, 1.0, levels)[:, None]
    target = np.where(t >= 0, POSITIVE_RGB, NEGATIVE_RGB)
    return np.clip(np.rint(255 + (target - 255) * np.abs(t)), 0, 255).astype(np.uint8)


#: 256 colours from blue (−1) through white (0) to orange (+1)
SIGNED_LUT = _signed_lut()


def signed_rgb(t: np.ndarray) -> np.ndarray:
    """Values in [-1, 1] -> (…, 3) uint8: blue (−1) through white (0) to orange (+1) (256 levels)."""
    t = np.asarray(t, dtype=np.float64)
    idx = np.rint((np.clip(t, -1.0, 1.0) + 1.0) * 127.5)
    idx[~np.isfinite(idx)] = 127.5  # NaN: white-ish middle
    return SIGNED_LUT[idx.astype(np.intp)]


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
