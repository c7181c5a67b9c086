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
from nnstudio.ui.plotstyle import CLASS_RGB, class_probabilities, class_rgb, signed_rgb

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
    # RGB32 is the raster engine's own format: drawing it needs no conversion per paint
    return QImage(img.data, w, h, 3 * w, QImage.Format_RGB888).convertToFormat(QImage.Format_RGB32)


def _signed_scale(v: np.ndarray, activation: str | None) -> np.ndarray:
    """``(G, units)`` values -> [-1, 1] per unit, around the activation's centre."""
    if activation in _UNIT_RANGE:
        return (v - 0.5) * 2.0
    if activation in _BOUNDED:
        return v
    if activation is None:  # an input feature: its own range
        lo, hi = np.nanmin(v, axis=0), np.nanmax(v, axis=0)
        half = np.where(hi > lo, (hi - lo) / 2, 1.0)
        return (v - (lo + hi) / 2) / half
    finite = np.where(np.isfinite(v), np.abs(v), 0.0)
    scale = finite.max(axis=0) if len(v) else np.ones(v.shape[1])
    return v / np.where(scale > 1e-12, scale, 1.0)


def layer_rgbs(values: np.ndarray, side: int, activation: str | None, classes: bool) -> list[np.ndarray]:
    """Every unit of one layer's ``(G, units)`` output as a ``(side, side, 3)`` colour array.

    Hidden units: blue (negative) / white / orange (positive) around the activation's
    centre (0.5 for sigmoid-like units; fixed ±1 for tanh; each unit's largest |value|
    otherwise); ``activation=None``: an input feature over its own range.
    ``classes``: the layer is a classifier's output; each unit shows its class probability
    in the class colour (one sigmoid unit: the two-class blend, like the decision map).
    One vectorised pass per layer.
    """
    v = np.asarray(values, dtype=np.float64)
    if classes and v.shape[1] == 1:
        return [class_rgb(class_probabilities(v)).reshape(side, side, 3)]
    if classes:
        p = np.clip(np.nan_to_num(v), 0, 1)  # (G, k): unit u blends white -> class colour u
        colours = CLASS_RGB[np.arange(v.shape[1]) % len(CLASS_RGB)]
        rgb = 255 + p[:, :, None] * (colours[None, :, :] - 255)
        rgb = np.clip(rgb, 0, 255).astype(np.uint8)
    else:
        rgb = signed_rgb(_signed_scale(v, activation))  # (G, units, 3)
    return [rgb[:, u].reshape(side, side, 3) for u in range(v.shape[1])]


def _passthrough(spec) -> bool:
    from nnstudio.project.layer_kinds import LAYER_KINDS

    kind = LAYER_KINDS.get(spec.type)
    return bool(kind and kind.passthrough)


def map_activation(layers, i: int) -> str | None:
    """The activation whose range colours layer ``i``'s map (None: the Input layer's features)."""
    spec = layers[i]
    if spec.type == "Input":
        return None
    if _passthrough(spec):  # passes its input on (inference, e.g. Dropout): coloured like its input
        prev = next((s for s in reversed(layers[:i]) if not _passthrough(s)), None)
        return None if prev is None or prev.type == "Input" else prev.params.get("activation")
    return spec.params.get("activation")


def maps_layer_rgbs(maps, layer: int, activation: str | None, classes: bool) -> list[np.ndarray]:
    """:func:`layer_rgbs` of one layer of a :class:`PlaneMaps`, computed once per evaluation
    (the canvas, the decision view's thumbnails and the pinned map share it)."""
    key = ("rgb", layer, activation, classes)
    out = maps.cache.get(key)
    if out is None:
        out = maps.cache[key] = layer_rgbs(maps.values[layer], maps.side, activation, classes)
    return out


def maps_qimage(maps, layer: int, unit: int, activation: str | None, classes: bool) -> QImage:
    """The QImage of one unit's map (cached per evaluation like :func:`maps_layer_rgbs`)."""
    key = ("img", layer, unit, activation, classes)
    img = maps.cache.get(key)
    if img is None:
        rgbs = maps_layer_rgbs(maps, layer, activation, classes)
        img = maps.cache[key] = rgb_qimage(rgbs[min(unit, len(rgbs) - 1)])
    return img


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
        self._input_grid = None
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
            self._input_grid = None
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
            self.images, self.maps, self._input_grid = {}, None, None
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
            if i == 0 and self._input_grid is maps.grid:  # the inputs' maps change only with the grid
                old = {k: img for k, img in self.images.items() if k[0] == 0}
                if len(old) == v.shape[1]:
                    images.update(old)
                    continue
            act = map_activation(layers, i)
            classes = classifier and i == last
            for u in range(v.shape[1]):
                images[(i, u)] = maps_qimage(maps, i, u, act, classes)
        self._input_grid = maps.grid
        self.images = images
        self.refreshes += 1
        scene.apply_maps(images)
