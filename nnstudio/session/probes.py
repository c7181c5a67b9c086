"""What the live views look at, and one function that computes it (no Qt).

The worker (during training) and the controller (when idle or paused) both
call :func:`compute_snapshot` with a :class:`Probes` object: the selected
sample, a fixed batch for the heatmaps, an input-plane grid for the decision
view and the confusion-matrix rows.  All the rows are stacked once so a
snapshot costs one ``model.trace`` call (plus, at most once a second, a pass
over the training set for the dead-ReLU count).

Project layers include the Input layer at index 0; the engine's
``model.layers`` do not, so engine layer ``k`` is project layer ``k + 1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: samples in the activation heatmaps
HEAT_SAMPLES = 64
#: grid points per side of the decision view
GRID_SIDE = 60


@dataclass
class Probes:
    """Inputs the live views need (prepared/scaled like the training data)."""

    sample_index: int
    sample_x: np.ndarray                 # (1, d)
    heat_index: np.ndarray               # dataset indices of the heatmap batch
    heat_x: np.ndarray                   # (h, d)
    relu_layers: list[int]               # project layer indices whose output is ReLU
    train_x: np.ndarray | None = None    # for the dead-unit count
    grid_x: np.ndarray | None = None     # (GRID_SIDE**2, 2) for 2-feature inputs
    grid_extent: tuple | None = None     # (x0, x1, y0, y1)
    conf_x: np.ndarray | None = None     # rows for the confusion matrix
    conf_y: np.ndarray | None = None     # their integer labels
    n_classes: int = 0
    want_heat: bool = True
    want_grid: bool = True
    want_confusion: bool = True
    stack: np.ndarray = field(init=False, repr=False)
    _slices: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        parts = [("sample", self.sample_x)]
        if self.want_heat:
            parts.append(("heat", self.heat_x))
        if self.want_grid and self.grid_x is not None:
            parts.append(("grid", self.grid_x))
        self._slices = {}
        start = 0
        for name, arr in parts:
            self._slices[name] = slice(start, start + len(arr))
            start += len(arr)
        self.stack = np.ascontiguousarray(np.concatenate([a for _, a in parts], axis=0))


@dataclass
class Snapshot:
    """Copies for the live views at one moment of training."""

    iteration: int
    epoch: int
    weights: list                    # Keras order
    values: list                     # per project layer (z, a) 1-D for the selected sample; Input: (None, x)
    heat: list | None = None         # per project layer: (h, units) outputs, None for Input
    grid: list | None = None         # per project layer: (G, units) outputs over the grid, None for Input
    dead: list | None = None         # per project layer: fraction of dead ReLU units or None
    confusion: np.ndarray | None = None
    sample_index: int = 0


def label_of(y: np.ndarray) -> np.ndarray:
    """Integer labels from sparse labels or one-hot rows."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        return np.argmax(y, axis=1)
    return y.reshape(-1).astype(np.int64)


def predicted_labels(out: np.ndarray) -> np.ndarray:
    """Class predictions from the output layer (1 sigmoid unit: threshold 0.5)."""
    if out.shape[1] == 1:
        return (out[:, 0] > 0.5).astype(np.int64)
    return np.argmax(out, axis=1)


def confusion_matrix(true: np.ndarray, pred: np.ndarray, k: int) -> np.ndarray:
    """``m[t, p]`` counts samples of true class ``t`` predicted as ``p``."""
    k = max(int(k), int(true.max(initial=-1)) + 1, int(pred.max(initial=-1)) + 1, 1)
    m = np.zeros((k, k), dtype=np.int64)
    np.add.at(m, (true, pred), 1)
    return m


def full_x(prepared) -> np.ndarray:
    """The prepared (scaled) inputs of every dataset row, in dataset order."""
    n = len(prepared.train_idx) + len(prepared.val_idx)
    d = prepared.x_train.shape[1] if len(prepared.x_train) else prepared.x_val.shape[1]
    x = np.empty((n, d), dtype=prepared.x_train.dtype)
    x[prepared.train_idx] = prepared.x_train
    if len(prepared.val_idx):
        x[prepared.val_idx] = prepared.x_val
    return x


def prepared_row(prepared, index: int) -> np.ndarray:
    """Dataset row ``index`` as the model sees it, ``(1, d)``: ``full_x(prepared)[index]`` without
    building every row (the split's index arrays are sorted)."""
    for idx, x in ((prepared.train_idx, prepared.x_train), (prepared.val_idx, prepared.x_val)):
        pos = int(np.searchsorted(idx, index))
        if pos < len(idx) and int(idx[pos]) == index:
            return x[pos:pos + 1].copy()
    return full_x(prepared)[index:index + 1].copy()  # unsorted indices (never made by nnstudio)


def heat_indices(prepared, count: int = HEAT_SAMPLES) -> np.ndarray:
    """Up to ``count`` training rows spread over the set, ordered by label."""
    n = len(prepared.train_idx)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    rows = np.unique(np.linspace(0, n - 1, min(count, n)).round().astype(np.int64))
    if prepared.dataset is not None and prepared.dataset.task != "regression":
        labels = label_of(prepared.y_train[rows])
        rows = rows[np.argsort(labels, kind="stable")]
    return rows


def make_probes(project, prepared, sample_index: int, *, want_heat=True, want_grid=True,
                want_confusion=True, sample_x=None) -> Probes:
    """Build the :class:`Probes` for a project, its prepared data and a selected sample.

    ``sample_x``: an input row of raw (unscaled) features shown instead of the
    dataset sample (e.g. a drawing); ignored when its size does not fit.
    """
    n_rows = len(prepared.train_idx) + len(prepared.val_idx)
    sample_index = int(sample_index) % max(1, n_rows)
    sample_row = prepared_row(prepared, sample_index)
    parts = [a for a in (prepared.x_train, prepared.x_val) if len(a)]
    width = parts[0].shape[1] if parts else prepared.x_train.shape[1]
    ds_raw = getattr(prepared, "dataset", None)
    raw_width = ds_raw.n_features if ds_raw is not None else width
    if sample_x is not None and np.size(sample_x) == raw_width:
        row = np.asarray(sample_x, dtype=np.float64).reshape(1, -1)
        if hasattr(prepared, "model_input"):
            row = prepared.model_input(row)
        elif prepared.scaler is not None:
            row = prepared.scaler.transform(row)
        sample_row, sample_index = np.asarray(row, dtype=prepared.x_train.dtype), -1
    rows = heat_indices(prepared)
    relu = [i for i, spec in enumerate(project.layers)
            if spec.type in ("Dense", "Activation") and spec.params.get("activation") == "relu"]
    grid_x = extent = None
    if width == 2 and parts and getattr(prepared, "features", None) is None:
        lo = np.min([a.min(axis=0) for a in parts], axis=0)
        hi = np.max([a.max(axis=0) for a in parts], axis=0)
        pad = (hi - lo) * 0.1 + 1e-3
        lo, hi = lo - pad, hi + pad
        gx = np.linspace(lo[0], hi[0], GRID_SIDE)
        gy = np.linspace(lo[1], hi[1], GRID_SIDE)
        xx, yy = np.meshgrid(gx, gy, indexing="ij")  # grid[i * side + j] = (gx[i], gy[j])
        grid_x = np.stack([xx.ravel(), yy.ravel()], axis=1).astype(prepared.x_train.dtype)
        extent = (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))
    conf_x = conf_y = None
    k = 0
    ds = prepared.dataset
    if ds is not None and ds.task != "regression":
        if len(prepared.val_idx):
            conf_x, conf_y = prepared.x_val, label_of(prepared.y_val)
        else:
            conf_x, conf_y = prepared.x_train, label_of(prepared.y_train)
        k = max(ds.n_classes, 2)
    return Probes(
        sample_index=sample_index,
        sample_x=sample_row,
        heat_index=prepared.train_idx[rows],
        heat_x=prepared.x_train[rows],
        relu_layers=relu,
        train_x=prepared.x_train if relu else None,
        grid_x=grid_x,
        grid_extent=extent,
        conf_x=conf_x,
        conf_y=conf_y,
        n_classes=k,
        want_heat=want_heat,
        want_grid=want_grid,
        want_confusion=want_confusion,
    )


def dead_fractions(model, probes: Probes) -> list | None:
    """Per project layer: the fraction of ReLU units that output 0 for every training sample."""
    if not probes.relu_layers or probes.train_x is None or not len(probes.train_x):
        return None
    traces = model.trace(probes.train_x)
    out: list = [None] * (len(traces) + 1)
    for i in probes.relu_layers:
        if 1 <= i <= len(traces):
            a = traces[i - 1].a
            alive = np.logical_or.reduce(a > 0, axis=0)
            out[i] = float(1.0 - alive.mean()) if alive.size else 0.0
    return out


def compute_snapshot(model, probes: Probes, *, epoch: int = 0, with_dead: bool = False,
                     dead: list | None = None, with_confusion: bool = True,
                     confusion: np.ndarray | None = None) -> Snapshot:
    """Trace the probe rows through ``model`` and cut the result up per view.

    The dead-unit count (a pass over the training set) and the confusion
    matrix (a pass over the validation set) are only computed when asked;
    otherwise the previous values given as ``dead`` / ``confusion`` are kept.
    """
    traces = model.trace(probes.stack)
    s = probes._slices
    sl = s["sample"]
    values: list = [(None, probes.sample_x[0].copy())]
    for t in traces:
        values.append((t.z[sl][0].copy(), t.a[sl][0].copy()))
    snap = Snapshot(iteration=int(model.iterations), epoch=int(epoch), weights=model.get_weights(),
                    values=values, sample_index=probes.sample_index)
    if "heat" in s:
        snap.heat = [None] + [t.a[s["heat"]] for t in traces]
    if "grid" in s:
        snap.grid = [None] + [t.a[s["grid"]] for t in traces]
    snap.confusion = confusion
    if with_confusion and probes.want_confusion and probes.conf_x is not None and len(probes.conf_x):
        pred = predicted_labels(model(probes.conf_x))
        snap.confusion = confusion_matrix(probes.conf_y, pred, probes.n_classes)
    snap.dead = dead_fractions(model, probes) if with_dead else dead
    return snap
