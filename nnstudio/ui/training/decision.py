"""The 'decision' dock (datasets with 2 input features): the model's decision boundary
(classification: class probabilities) or surface (regression) over the input
plane, with the training (circles) and validation (triangles) points on top,
and every hidden/output neuron's response over the plane as small heatmaps
(hover one to preview it large, click to keep it; 'Model output' goes back).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.ui.plotstyle import plain_axes
from nnstudio.ui.training.probes import GRID_SIDE, full_x, label_of

CLASS_COLOURS = np.array([[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189],
                          [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]],
                         dtype=np.float64)
MAX_NEURON_ICONS = 128
ICON = 56


def class_rgb(p: np.ndarray) -> np.ndarray:
    """(G, k) class probabilities -> (G, 3) uint8 colours (probability-weighted class colours)."""
    k = p.shape[1]
    colours = CLASS_COLOURS[np.arange(k) % len(CLASS_COLOURS)]
    rgb = np.clip(p, 0, 1) @ colours + (1 - np.clip(p.sum(axis=1, keepdims=True), 0, 1)) * 255
    return np.clip(rgb, 0, 255).astype(np.uint8)


def response_qimage(values: np.ndarray, side: int = GRID_SIDE, cmap: str = "CET-D1") -> QImage:
    """A neuron's response over the grid as a QImage (y up)."""
    v = np.asarray(values, dtype=np.float64).reshape(side, side)  # [ix, iy]
    finite = v[np.isfinite(v)]
    lo, hi = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
    norm = (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)
    rgba = pg.colormap.get(cmap).map(norm.T[::-1].ravel(), mode="byte").reshape(side, side, 4)
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    return QImage(rgba.data, side, side, 4 * side, QImage.Format_RGBA8888).copy()


class DecisionPanel(QWidget):
    """Decision boundary / surface and per-neuron responses (objectName 'decisionPanel')."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.controller = controller
        self.state = controller.state
        self.info = QLabel(self)
        self.info.setObjectName("decisionInfo")
        self.info.setWordWrap(True)
        self.plot = pg.PlotWidget(self, background="w")
        plain_axes(self.plot)
        self.plot.setObjectName("decisionPlot")
        self.plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen("k", width=0.8))
        self.val_points = pg.ScatterPlotItem(symbol="t", size=9, pen=pg.mkPen("w", width=1.2))
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.val_points)
        self.plot.addLegend(offset=(5, 5))
        self.plot.getPlotItem().legend.addItem(self.train_points, self.tr("train"))
        self.plot.getPlotItem().legend.addItem(self.val_points, self.tr("validation"))
        self.neurons = QListWidget(self)
        self.neurons.setObjectName("neuronResponses")
        self.neurons.setViewMode(QListView.IconMode)
        self.neurons.setIconSize(QSize(ICON, ICON))
        self.neurons.setResizeMode(QListView.Adjust)
        self.neurons.setMovement(QListView.Static)
        self.neurons.setMaximumHeight(2 * ICON + 40)
        self.neurons.setMouseTracking(True)
        self.neurons.itemEntered.connect(lambda item: self._show(item.data(Qt.UserRole)))
        self.neurons.currentItemChanged.connect(self._on_current)
        self.neurons.viewport().installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.neurons)
        self.pinned = None           # (layer, neuron) or None for the model output
        self.shown = None
        self.snapshot = None
        self.output_data: np.ndarray | None = None
        self._icon_sig = None
        controller.snapshotChanged.connect(self.update_snapshot)
        self.state.datasetChanged.connect(self.update_points)
        self.update_points()

    # -- events ------------------------------------------------------------------------
    def eventFilter(self, obj, event):
        if event.type() == event.Type.Leave:
            self._show(self.pinned)
        return False

    def _on_current(self, item, _prev=None) -> None:
        self.pinned = item.data(Qt.UserRole) if item is not None else None
        self._show(self.pinned)

    def select_neuron(self, layer: int | None, neuron: int = 0) -> None:
        """Show one neuron's response large (None: the model output)."""
        key = None if layer is None else (int(layer), int(neuron))
        for r in range(self.neurons.count()):
            if self.neurons.item(r).data(Qt.UserRole) == key:
                self.neurons.setCurrentRow(r)
                return
        self.pinned = key
        self._show(key)

    # -- data --------------------------------------------------------------------------------
    def _active(self) -> bool:
        ds = self.state.dataset
        return ds is not None and ds.n_features == 2

    def update_points(self) -> None:
        """Draw the training and validation points (in the scaled input space)."""
        prepared = self.controller._prepared() if self._active() else None
        if prepared is None:
            self.train_points.setData([], [])
            self.val_points.setData([], [])
            self.image.clear()
            self.info.setText(self.tr("The decision view needs a dataset with exactly 2 input features."))
            return
        ds = prepared.dataset
        x = full_x(prepared)
        for item, idx in ((self.train_points, prepared.train_idx), (self.val_points, prepared.val_idx)):
            pts = x[idx]
            if ds.task == "regression":
                y = np.asarray(ds.y)[idx, 0]
                lo, hi = (y.min(), y.max()) if len(y) else (0, 1)
                norm = (y - lo) / (hi - lo) if hi > lo else np.zeros_like(y)
                cols = pg.colormap.get("viridis").map(norm, mode="byte")
                brushes = [pg.mkBrush(*c) for c in cols]
            else:
                lab = label_of(np.asarray(ds.y)[idx])
                brushes = [pg.mkBrush(*CLASS_COLOURS[k % len(CLASS_COLOURS)]) for k in lab]
            item.setData(pts[:, 0], pts[:, 1], brush=brushes)
        names = prepared.dataset.feature_names
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", names[1])
        if ds.task != "regression":
            self.info.setText(self.tr("Model output over the input plane (colour = class probabilities). "
                                      "Circles: training points, triangles: validation points."))
        else:
            self.info.setText(self.tr("Model output over the input plane (regression surface). "
                                      "Circles: training points, triangles: validation points."))

    def update_snapshot(self, snap) -> None:
        """Redraw from a :class:`Snapshot` that has grid values."""
        if snap is None or snap.grid is None or not self._active():
            return
        self.snapshot = snap
        self._update_icons(snap)
        self._show(self.pinned)

    def _extent_rect(self) -> QRectF | None:
        probes = self.controller._probes
        if probes is None or probes.grid_extent is None:
            return None
        x0, x1, y0, y1 = probes.grid_extent
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def _show(self, key) -> None:
        snap = self.snapshot
        if snap is None or snap.grid is None:
            return
        self.shown = key
        rect = self._extent_rect()
        side = GRID_SIDE
        out = snap.grid[-1]
        task = self.state.dataset.task if self.state.dataset is not None else "regression"
        if key is None:
            self.output_data = out
            if task == "regression":
                img = out[:, 0].reshape(side, side)
                self.image.setImage(img, autoLevels=True)
                self.image.setColorMap(pg.colormap.get("viridis"))
            else:
                p = out if out.shape[1] > 1 else np.concatenate([1 - out, out], axis=1)
                self.image.setImage(class_rgb(p).reshape(side, side, 3), autoLevels=False, levels=(0, 255))
        else:
            layer, n = key
            vals = snap.grid[layer][:, n].reshape(side, side)
            self.image.setImage(vals, autoLevels=True)
            self.image.setColorMap(pg.colormap.get("CET-D1"))
        if rect is not None:
            self.image.setRect(rect)

    def _update_icons(self, snap) -> None:
        specs = self.state.project.layers
        keys = [(i, n) for i, a in enumerate(snap.grid) if a is not None for n in range(a.shape[1])]
        keys = keys[:MAX_NEURON_ICONS]
        sig = tuple(keys)
        if sig != self._icon_sig:
            self._icon_sig = sig
            self.neurons.blockSignals(True)
            self.neurons.clear()
            out_item = QListWidgetItem(self.tr("output"))
            out_item.setData(Qt.UserRole, None)
            out_item.setToolTip(self.tr("The model output (decision boundary / surface)"))
            self.neurons.addItem(out_item)
            for i, n in keys:
                spec = specs[i] if i < len(specs) else None
                act = spec.params.get("activation", "") if spec is not None else ""
                item = QListWidgetItem(f"L{i} n{n}")
                item.setData(Qt.UserRole, (i, n))
                kind = f"{spec.type if spec else '?'}{', ' + act if act else ''}"  # Keras names: not translated
                item.setToolTip(self.tr("Layer {layer} ({kind}), neuron {neuron}: its output over the input plane")
                                .format(layer=i, kind=kind, neuron=n))
                self.neurons.addItem(item)
            self.neurons.blockSignals(False)
        for r in range(1, self.neurons.count()):
            item = self.neurons.item(r)
            i, n = item.data(Qt.UserRole)
            item.setIcon(QIcon(QPixmap.fromImage(response_qimage(snap.grid[i][:, n]))))
