"""A model evaluated over its input plane (2 features) or input line (1 feature). No Qt.

The canvas draws every neuron's response over the input plane inside its node
and the decision view draws the output over the plane (or, for one input, the
model's curve over the data). Both ask this module:

* :func:`plane_extent` / :func:`plane_grid`: a padded box around the data in the
  dataset's own units (what the data view shows), and a ``side × side`` grid in
  it; grid row ``i * side + j`` is the point ``(gx[i], gy[j])`` (column-major,
  ``values.reshape(side, side)[ix, iy]``);
* :func:`line_grid`: evenly spaced x values over a 1-feature dataset;
* :func:`to_model_space`: raw inputs scaled the way the model was trained;
* :func:`layer_maps`: one ``model.trace`` call over the grid, returned per
  *project* layer (index 0 is the Input layer: the grid itself).

Nothing here keeps state; callers cache the grid (it changes only with the
dataset) and call :func:`layer_maps` with each new set of weights.
"""

from __future__ import annotations

import weakref

import numpy as np

from nnstudio.data.features import derive as derive_features

#: layers wider than this fall back to coloured circles on the canvas (maps would be too small to read)
MAX_MAP_UNITS = 16
#: grid points per side of the input plane (the node maps and the decision map share one grid)
MAP_SIDE = 60
#: x points of a 1-feature model's curve
LINE_POINTS = 200
#: a domain whose two sides differ by at most this factor is drawn square (locked aspect)
SQUARE_RATIO = 2.0


def plane_extent(x: np.ndarray, pad: float = 0.1) -> tuple[float, float, float, float]:
    """``(x0, x1, y0, y1)``: the box around the first two columns of ``x``, padded by ``pad`` of each side.

    When both sides are within :data:`SQUARE_RATIO` of each other the box is made
    square (the shorter side grows about its centre), so a round data set is drawn
    round and the map can be shown with a locked aspect ratio.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] < 2 or not len(x):
        return (-1.0, 1.0, -1.0, 1.0)
    global _extent_memo
    memo = _extent_memo
    if memo is not None and memo[0]() is x and memo[1] == (pad, x.shape):
        return memo[2]  # the same data again (the data view, the maps and the decision view ask)
    extent = _extent(x, pad)
    if len(x) >= 10_000:
        _extent_memo = (weakref.ref(x), (pad, x.shape), extent)
    return extent


#: (weak reference to the last large array, (pad, shape), its extent): one pass per dataset
_extent_memo = None


def _extent(x: np.ndarray, pad: float) -> tuple[float, float, float, float]:
    finite = x[np.all(np.isfinite(x[:, :2]), axis=1), :2]
    if not len(finite):
        return (-1.0, 1.0, -1.0, 1.0)
    lo, hi = finite.min(axis=0), finite.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    lo, hi = lo - pad * span - 1e-3, hi + pad * span + 1e-3
    span = hi - lo
    if max(span) <= SQUARE_RATIO * min(span):
        mid, half = (lo + hi) / 2, max(span) / 2
        lo, hi = mid - half, mid + half
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def is_square(extent) -> bool:
    """True if the box is square (drawn with a locked 1:1 aspect ratio)."""
    x0, x1, y0, y1 = extent
    return abs((x1 - x0) - (y1 - y0)) <= 1e-9 * max(abs(x1 - x0), 1.0)


def plane_grid(extent, side: int = MAP_SIDE) -> np.ndarray:
    """``(side*side, 2)`` points covering ``extent``; row ``i*side + j`` is ``(gx[i], gy[j])``."""
    x0, x1, y0, y1 = extent
    gx = np.linspace(x0, x1, side)
    gy = np.linspace(y0, y1, side)
    xx, yy = np.meshgrid(gx, gy, indexing="ij")
    return np.stack([xx.ravel(), yy.ravel()], axis=1)


def line_grid(x: np.ndarray, n: int = LINE_POINTS, pad: float = 0.05) -> np.ndarray:
    """``(n, 1)`` evenly spaced values over the first column of ``x`` (padded)."""
    x = np.asarray(x, dtype=np.float64).reshape(len(x), -1)[:, 0] if len(x) else np.zeros(1)
    x = x[np.isfinite(x)]
    lo, hi = (float(x.min()), float(x.max())) if x.size else (0.0, 1.0)
    span = max(hi - lo, 1e-9)
    return np.linspace(lo - pad * span, hi + pad * span, n).reshape(n, 1)


def to_model_space(prepared, x_raw: np.ndarray) -> np.ndarray:
    """Raw inputs scaled like the training data (the prepared split's standardizer), in its dtype."""
    if hasattr(prepared, "model_input"):
        return prepared.model_input(x_raw)
    x = np.asarray(x_raw, dtype=np.float64)
    scaler = getattr(prepared, "scaler", None)
    if scaler is not None and getattr(scaler, "mean_", None) is not None:
        x = scaler.transform(x)
    dtype = prepared.x_train.dtype if getattr(prepared, "x_train", None) is not None else np.float64
    return np.ascontiguousarray(x, dtype=dtype)


def raw_extent(prepared, extent_model) -> tuple[float, float, float, float]:
    """A box given in model (scaled) space expressed in the dataset's own units."""
    x0, x1, y0, y1 = extent_model
    scaler = getattr(prepared, "scaler", None)
    if scaler is None or getattr(scaler, "mean_", None) is None:
        return (float(x0), float(x1), float(y0), float(y1))
    lo = scaler.inverse_transform(np.array([[x0, y0]], dtype=np.float64))[0]
    hi = scaler.inverse_transform(np.array([[x1, y1]], dtype=np.float64))[0]
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def layer_maps(model, grid_model: np.ndarray) -> list[np.ndarray]:
    """Every project layer's output over the grid, from one ``model.trace`` call.

    Index 0 (the Input layer) is the grid itself; index ``k`` is engine layer
    ``k - 1``'s activation, shape ``(len(grid), units)``.
    """
    traces = model.trace(grid_model)
    return [np.asarray(grid_model)] + [t.a for t in traces]


def maps_fit(units: list, n_features: int | None, limit: int = MAX_MAP_UNITS) -> bool:
    """True if the canvas can draw maps: 2 input features and no layer wider than ``limit``."""
    return n_features == 2 and bool(units) and all(u is not None and 0 < u <= limit for u in units)


class PlaneMaps:
    """One evaluation of a model over its input plane (2 features) or line (1 feature).

    ``kind`` is ``'plane'`` or ``'line'``; ``grid`` holds the raw (dataset-unit)
    points, ``extent`` the plane's box (``None`` for a line), ``side`` the grid
    side (planes), and ``values[k]`` project layer ``k``'s output over the grid
    (index 0: the raw inputs themselves).
    """

    __slots__ = ("kind", "grid", "extent", "side", "values", "cache")

    def __init__(self, kind, grid, extent, side, values) -> None:
        self.kind, self.grid, self.extent, self.side, self.values = kind, grid, extent, side, values
        self.cache: dict = {}  # what views derived from this evaluation (colours), shared between them

    @property
    def output(self) -> np.ndarray:
        return self.values[-1]

    def unit_map(self, layer: int, unit: int) -> np.ndarray | None:
        """``(side, side)`` response of one unit, ``[ix, iy]`` (planes only)."""
        if self.kind != "plane" or not 0 <= layer < len(self.values):
            return None
        v = self.values[layer]
        if v is None or v.ndim != 2 or not 0 <= unit < v.shape[1]:
            return None
        return v[:, unit].reshape(self.side, self.side)


class PlaneEvaluator:
    """Evaluates a project's model over the input plane for a list of weights, with caches.

    The model is rebuilt only when the layers or dtype change, the grid only
    when the prepared data (or the side) change, and the evaluation only for a
    new weights list: the canvas and the decision view asking for the same
    snapshot share one ``model.trace`` call.
    """

    def __init__(self) -> None:
        self._model_key = None
        self._model = None
        self._grid_key = None
        self._grid = None
        self._prepared = None  # held so that id(prepared) in the cache keys stays unique
        self._result_key = None
        self._result: PlaneMaps | None = None
        self._weights = None  # the weights list of the cached result (held so its id stays unique)
        self._initial = None
        self.evaluations = 0  # how many model.trace calls were made (for tests and benchmarks)

    def _model_for(self, project, dataset):
        # repr of the params, not to_dict(): that deep-copies them (called for every live snapshot)
        key = (repr([(layer.type, layer.params) for layer in project.layers]), project.training.get("dtype"),
               dataset.n_features)
        if key != self._model_key:
            from nnstudio.project.build import build_model

            self._model_key, self._model = None, None  # a network that cannot be built is retried, not cached
            model = build_model(project, dataset, compile=False)
            self._initial = model.get_weights()
            self._model_key, self._model = key, model
        return self._model

    def grid(self, prepared, side: int = MAP_SIDE):
        """``(kind, raw grid, extent, model-space grid)`` for the prepared data (cached)."""
        ds = prepared.dataset
        key = (id(prepared), side)
        if key != self._grid_key or prepared is not self._prepared:
            self._prepared = prepared
            x = np.asarray(ds.x, dtype=np.float64)
            if ds.n_features == 2:
                extent = plane_extent(x)
                raw = plane_grid(extent, side)
                kind = "plane"
            else:
                extent, raw, kind = None, line_grid(x), "line"
            self._grid = (kind, raw, extent, to_model_space(prepared, raw))
            self._grid_key = key
        return self._grid

    def evaluate(self, project, prepared, weights, side: int = MAP_SIDE) -> PlaneMaps | None:
        """Every layer's output over the grid for ``weights`` (``None``: the document's weights).

        Returns ``None`` when the data are not 1- or 2-D or the weights do not fit the network.
        """
        ds = getattr(prepared, "dataset", None)
        if ds is None or ds.n_features not in (1, 2):
            return None
        try:
            model = self._model_for(project, ds)
        except Exception:
            return None
        if not weights:
            weights = (project.trained or {}).get("weights") or self._initial
        key = (self._model_key, id(prepared), side, id(weights))
        if (key == self._result_key and self._result is not None and weights is self._weights
                and prepared is self._prepared):
            return self._result
        try:
            model.set_weights(weights)
        except (ValueError, TypeError):
            return None
        kind, raw, extent, grid_model = self.grid(prepared, side)
        with np.errstate(all="ignore"):
            values = layer_maps(model, grid_model)
        # the Input layer's nodes show the features the network sees (derived ones included), in raw units
        values[0] = derive_features(raw, getattr(prepared, "features", None))
        self.evaluations += 1
        self._result_key, self._weights = key, weights
        self._result = PlaneMaps(kind, raw, extent, side if kind == "plane" else len(raw), values)
        return self._result
