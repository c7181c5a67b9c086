"""Neuron maps on the canvas: every neuron's response over the input plane, live.

For a dataset with 2 input features and a network whose layers are all at
most :data:`~nnstudio.project.planes.MAX_MAP_UNITS` wide, each drawn neuron is
a small square image of its output over a grid of the input plane (TensorFlow
Playground's picture). The input neurons show x1 and x2 themselves; hidden
units are blue (negative) / white / orange (positive); the output of a
classifier shows the class colours of the data view, so the output node is a
small decision map.

:class:`CanvasMaps` recomputes the maps from the weights the scene already
receives (``AppState.weightsChanged``): one ``model.trace`` over a cached grid
(:class:`~nnstudio.project.planes.PlaneEvaluator`, shared with the decision
view), at most :data:`MAX_RATE` times a second, and not at all while no
canvas view is visible (it catches up when one is shown).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage

from nnstudio.project.planes import MAX_MAP_UNITS, PlaneEvaluator, maps_fit
from nnstudio.ui.plotstyle import class_probabilities, class_rgb, signed_rgb

#: at most this many map refreshes per second (the worker sends ~10 snapshots a second)
MAX_RATE = 20.0
#: activations whose output lies in [0, 1]: coloured around 0.5
_UNIT_RANGE = {"sigmoid", "hard_sigmoid", "softmax", "step"}
#: activations bounded by ±1: a fixed colour scale (saturation shows)
_BOUNDED = {"tanh", "softsign"}

def evaluator_for(state) -> PlaneEvaluator:
    """The plane evaluator shared by every view of one :class:`AppState`."""
    ev = getattr(state, "_plane_evaluator", None)
    if ev is None:
        ev = PlaneEvaluator()
        state._plane_evaluator = ev  # lives and dies with the state
    return ev


def rgb_qimage(rgb: np.ndarray) -> QImage:
    """``(side, side, 3)`` uint8 indexed ``[ix, iy]`` -> a QImage with y up."""
    img = np.ascontiguousarray(np.transpose(rgb, (1, 0, 2))[::-1])
    h, w = img.shape[:2]
    return QImage(img.data, w, h, 3 * w, QImage.Format_RGB888).copy()


def unit_rgb(values: np.ndarray, activation: str | None) -> np.ndarray:
    """One unit's values over the grid -> colours (sign colours around the activation's centre)."""
    v = np.asarray(values, dtype=np.float64)
    if activation in _UNIT_RANGE:
        t = (v - 0.5) * 2.0
    elif activation in _BOUNDED:
        t = v
    else:
        finite = np.abs(v[np.isfinite(v)])
        scale = float(finite.max()) if finite.size else 0.0
        t = v / scale if scale > 1e-12 else np.zeros_like(v)
    return signed_rgb(t)


def layer_rgbs(values: np.ndarray, side: int, activation: str | None, classes: bool,
               standardize: bool = True) -> list[np.ndarray]:
    """Every unit of one layer's ``(G, units)`` output as a ``(side, side, 3)`` colour array.

    ``classes``: the layer is a classifier's output; each unit shows its class probability
    in the class colour (one sigmoid unit: the two-class blend, like the decision map).
    """
    v = np.asarray(values, dtype=np.float64)
    out = []
    if classes and v.shape[1] == 1:
        out.append(class_rgb(class_probabilities(v)).reshape(side, side, 3))
        return out
    for u in range(v.shape[1]):
        if classes:
            p = np.zeros((len(v), u + 1))
            p[:, u] = np.clip(v[:, u], 0, 1)
            out.append(class_rgb(p).reshape(side, side, 3))
        elif activation is None and standardize:  # an input feature: its own range
            col = v[:, u]
            lo, hi = float(np.nanmin(col)), float(np.nanmax(col))
            t = (col - (lo + hi) / 2) / ((hi - lo) / 2) if hi > lo else np.zeros_like(col)
            out.append(signed_rgb(t).reshape(side, side, 3))
        else:
            out.append(unit_rgb(v[:, u], activation).reshape(side, side, 3))
    return out


class CanvasMaps(QObject):
    """Keeps the scene's neuron maps in step with the live weights (see module docstring)."""

    def __init__(self, scene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.state = scene.state
        self.enabled = True
        self.maps = None                 # the last PlaneMaps drawn
        self.images: dict = {}           # (layer index, unit) -> QImage
        self.refreshes = 0
        self._dirty = True
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)

    # -- when maps are drawn --------------------------------------------------
    def wanted(self) -> bool:
        """True if the current network and data are drawn as maps."""
        if not self.enabled or self.state.dataset is None:
            return False
        return maps_fit(self.scene.units(), self.state.dataset.n_features, MAX_MAP_UNITS) and not self.state.has_errors()

    def _visible(self) -> bool:
        return any(v.isVisible() for v in self.scene.views())

    # -- refreshing -------------------------------------------------------------
    def request(self) -> None:
        """New weights (or data): refresh now, or later if the last refresh was moments ago."""
        self._dirty = True
        if not self._visible():
            return  # caught up in showEvent -> request()
        wait = 1.0 / MAX_RATE - (time.perf_counter() - self._last)
        if wait <= 0:
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def refresh(self) -> None:
        """Recompute every map from ``state.live_weights`` and hand the images to the blocks."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        self._last = time.perf_counter()
        scene = self.scene
        if not self.wanted():
            if self.images:
                self.images = {}
                self.maps = None
                scene.apply_maps({})
            return
        try:
            prepared = self.state.prepared()
        except Exception:
            prepared = None
        maps = evaluator_for(self.state).evaluate(self.state.project, prepared, self.state.live_weights) \
            if prepared is not None else None
        if maps is None or maps.kind != "plane":
            self.images, self.maps = {}, None
            scene.apply_maps({})
            return
        self.maps = maps
        images = {}
        ds = self.state.dataset
        classifier = ds.task != "regression"
        layers = self.state.project.layers
        last = len(layers) - 1
        for i, spec in enumerate(layers):
            v = maps.values[i] if i < len(maps.values) else None
            if v is None or v.ndim != 2:
                continue
            act = None if spec.type == "Input" else spec.params.get("activation")
            if spec.type == "Dropout":  # passes its input on (inference): colour like its input
                act = next((s.params.get("activation") for s in reversed(layers[:i]) if s.type != "Dropout"), None)
            rgbs = layer_rgbs(v, maps.side, act, classes=classifier and i == last)
            for u, rgb in enumerate(rgbs):
                images[(i, u)] = rgb_qimage(rgb)
        self.images = images
        self.refreshes += 1
        scene.apply_maps(images)
