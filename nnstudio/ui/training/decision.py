"""The 'decision' dock: the model's output drawn large over the data.

* 2 input features: the decision map (classification, any number of classes:
  probability-weighted class colours) or the fitted surface (regression) over
  the input plane, in the dataset's own units, square for a square domain
  (locked aspect), with the training (circles) and validation (triangles)
  points on top; below it every neuron's map as a thumbnail (hover one to
  preview it large, click to keep it; 'output' goes back). Clicking a neuron
  on the canvas pins it here too.
* 1 input feature: the model's curve over the data points (regression: the
  prediction; classification: each class' probability).

Everything is computed in the GUI thread from the weights of the live
snapshot with the :class:`~nnstudio.project.planes.PlaneEvaluator` the canvas
shares (one ``model.trace`` per snapshot for both), and only while the view
is visible. The plot never shrinks below :data:`MIN_PLOT` pixels; the one
legend sits under the plot, off the points; colours come from
:mod:`nnstudio.ui.plotstyle` like the data view's.
"""

from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from nnstudio.project.planes import is_square
from nnstudio.ui.canvas.maps import evaluator_for, map_activation, maps_layer_rgbs, maps_qimage
from nnstudio.ui.pointcap import quantise, split_budget
from nnstudio.ui.state import RUNNING
from nnstudio.ui.plotstyle import (
    MAP_STRENGTH,
    class_colour_hex,
    class_probabilities,
    class_rgb,
    plain_axes,
)
from nnstudio.session.probes import label_of

MAX_NEURON_ICONS = 128
#: while training, the neuron thumbnails are redrawn at most this often (s); the canvas draws the same maps live
ICON_INTERVAL = 0.5
ICON = 56
#: the plot is never smaller than this (pixels, each side)
MIN_PLOT = 240
PLANE, LINE, NONE = "plane", "line", "none"


class DecisionPanel(QWidget):
    """Decision map / surface / curve and per-neuron maps (objectName 'decisionPanel')."""

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
        self.plot.setMinimumSize(MIN_PLOT, MIN_PLOT)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.curves: list = []
        self.train_points = pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen("w", width=0.8))
        self.val_points = pg.ScatterPlotItem(symbol="t", size=9, pen=pg.mkPen("k", width=1.0))
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.val_points)
        self.train_points.setZValue(10)
        self.val_points.setZValue(11)
        # the points do not move while training: cached pixmaps, so a new map under them does not
        # call their (Python) paint again
        for item in (self.train_points, self.val_points):
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.legend = QLabel(self)
        self.legend.setObjectName("decisionLegend")
        self.legend.setWordWrap(True)
        self.neurons = QListWidget(self)
        self.neurons.setObjectName("neuronResponses")
        self.neurons.setViewMode(QListView.IconMode)
        self.neurons.setIconSize(QSize(ICON, ICON))
        self.neurons.setResizeMode(QListView.Adjust)
        self.neurons.setMovement(QListView.Static)
        self.neurons.setMaximumHeight(ICON + 34)
        self.neurons.setMouseTracking(True)
        self.neurons.itemEntered.connect(lambda item: self._show(item.data(Qt.UserRole)))
        self.neurons.currentItemChanged.connect(self._on_current)
        self.neurons.viewport().installEventFilter(self)
        for bar in (self.neurons.horizontalScrollBar(), self.neurons.verticalScrollBar()):
            bar.valueChanged.connect(self._icons_scrolled)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.legend)
        lay.addWidget(self.neurons)
        # the layout's minimum (info + the 240 px plot + legend) is the panel's: a dock cannot squash the plot;
        # the neuron strip may shrink away (the canvas draws the same maps in its nodes)
        self.neurons.setMinimumHeight(0)
        self.mode = NONE
        self.pinned = None           # (layer, neuron) or None for the model output
        self.shown = None
        self.maps = None             # the PlaneMaps drawn last
        self.output_data: np.ndarray | None = None
        self.refreshes = 0
        self._icon_sig = None
        self._dirty = True
        controller.snapshotChanged.connect(lambda _snap: self.refresh())
        self.state.trainingStateChanged.connect(self._on_training_state)
        self.state.datasetChanged.connect(self.reset)
        self.state.projectReplaced.connect(self.reset)
        self.state.networkChanged.connect(self._on_network)
        self.reset()
        self._connect_canvas()

    def _connect_canvas(self) -> None:
        """Follow the canvas' pinned neuron (the main window's canvas, if there is one)."""
        window = self.controller.parent()
        view = getattr(window, "canvas", None)
        scene = getattr(view, "canvas_scene", None)
        if scene is not None and hasattr(scene, "pinnedChanged"):
            scene.pinnedChanged.connect(lambda key: self.select_neuron(*(key if key else (None,))))
            if scene.pinned is not None:  # built (lazily) after a neuron was pinned
                self.select_neuron(*scene.pinned)

    # -- events ------------------------------------------------------------------------
    def eventFilter(self, obj, event):
        if event.type() == event.Type.Leave:
            self._show(self.pinned)
        return False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _on_current(self, item, _prev=None) -> None:
        self.pinned = item.data(Qt.UserRole) if item is not None else None
        self._show(self.pinned)

    def _on_network(self) -> None:
        self._icon_sig = None
        self.refresh()

    def select_neuron(self, layer: int | None, neuron: int = 0) -> None:
        """Show one neuron's map large (None: the model output)."""
        key = None if layer is None else (int(layer), int(neuron))
        for r in range(self.neurons.count()):
            if self.neurons.item(r).data(Qt.UserRole) == key:
                self.neurons.setCurrentRow(r)
                return
        self.pinned = key
        self._show(key)

    # -- data ----------------------------------------------------------------------------
    def _prepared(self):
        return self.controller._prepared() if self.state.dataset is not None else None

    def reset(self) -> None:
        """Forget everything drawn (new project, other dataset or task) and redraw from scratch."""
        self.maps = None
        self.output_data = None
        self.pinned = self.shown = None
        self._icon_sig = None
        self.neurons.clear()
        self.image.clear()
        for c in self.curves:
            self.plot.removeItem(c)
        self.curves = []
        self.train_points.setData([], [])
        self.val_points.setData([], [])
        ds = self.state.dataset
        self.mode = NONE if ds is None or ds.n_features not in (1, 2) else (PLANE if ds.n_features == 2 else LINE)
        self.neurons.setVisible(self.mode == PLANE)
        self.update_points()
        self.plot.getPlotItem().enableAutoRange()
        self._range_rect = None
        self._dirty = True
        self.refresh()

    def update_points(self) -> None:
        """Draw the training and validation points in the dataset's own units."""
        prepared = self._prepared() if self.mode != NONE else None
        if prepared is None:
            self.train_points.setData([], [])
            self.val_points.setData([], [])
            self.plot.setAspectLocked(False)
            self.legend.setText("")
            self.info.setText(self.tr("The output view needs a dataset with 1 or 2 input features."))
            return
        ds = prepared.dataset
        x = np.asarray(ds.x, dtype=np.float64)
        y = np.asarray(ds.y)
        regression = ds.task == "regression"
        # a large dataset is drawn as an even sample of MAX_DRAWN points, with one brush per class or
        # colour level (pyqtgraph renders a symbol per distinct brush): the GUI stays responsive
        drawn = split_budget(prepared.train_idx, prepared.val_idx)
        self.drawn = sum(len(i) for i in drawn)
        cache: dict = {}

        def brush(key, make):
            if key not in cache:
                cache[key] = make()
            return cache[key]
        if regression and self.mode == PLANE:
            levels = quantise(y[:, 0], 64)
            lut = pg.colormap.get("viridis").map(np.linspace(0.0, 1.0, 64), mode="byte")
        for item, idx in zip((self.train_points, self.val_points), drawn):
            if regression and self.mode == PLANE:
                brushes = [brush(k, lambda k=k: pg.mkBrush(*lut[k])) for k in levels[idx].tolist()]
            elif regression:
                brushes = pg.mkBrush(60, 60, 60, 200)
            else:
                brushes = [brush(k, lambda k=k: pg.mkBrush(class_colour_hex(k)))
                           for k in label_of(y[idx]).tolist()]
            if self.mode == PLANE:
                py = x[idx, 1]
            elif regression:
                py = y[idx, 0].astype(np.float64)
            else:
                py = label_of(y[idx]).astype(np.float64) if ds.n_classes <= 2 else np.full(len(idx), 1.05)
            item.setData(x[idx, 0], py, brush=brushes)
        names = ds.feature_names
        self.plot.setLabel("bottom", names[0])
        if self.mode == PLANE:
            self.plot.setLabel("left", names[1])
        elif regression:
            self.plot.setLabel("left", ds.target_names[0] if ds.target_names else self.tr("target"))
        else:
            self.plot.setLabel("left", self.tr("class probability"))
        self.legend.setText(self._legend_html(ds))
        if self.mode == PLANE:
            self.info.setText(self.tr("Model output over the input plane (colour = class probabilities).")
                              if not regression else self.tr("Model output over the input plane (regression "
                                                             "surface, light = high)."))
        elif regression:
            self.info.setText(self.tr("The model's curve over the data: the line is the prediction for every x."))
        else:
            self.info.setText(self.tr("The model's class probabilities along x."))
        if self.drawn < ds.n_samples:
            self.info.setText(self.info.text() + " " + self.tr(
                "Showing an even sample of {shown:,} of the {total:,} points.").format(shown=self.drawn,
                                                                                      total=ds.n_samples))

    def _legend_html(self, ds) -> str:
        parts = [self.tr("● training"), self.tr("▲ validation")]
        if ds.task != "regression":
            names = list(ds.class_names or [])
            for k in range(max(ds.n_classes, 2)):
                name = html.escape(str(names[k])) if k < len(names) else str(k)  # class names come from files
                parts.append(f'<span style="color:{class_colour_hex(k)}">■</span> {name}')
        elif self.mode == LINE:
            parts.append(f'<span style="color:{class_colour_hex(0)}">━</span> ' + self.tr("model"))
        return "&nbsp;&nbsp; ".join(parts)

    def refresh(self) -> None:
        """Recompute from the live weights (skipped, and remembered, while the view is hidden)."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        prepared = self._prepared() if self.mode != NONE else None
        if prepared is None:
            return
        weights = self.state.live_weights
        maps = evaluator_for(self.state).evaluate(self.state.project, prepared, weights)
        if maps is None:
            return
        self.maps = maps
        self.refreshes += 1
        if maps.kind == "plane":
            now = time.perf_counter()
            if self.state.training_state != RUNNING or now - self._icons_at >= ICON_INTERVAL:
                self._icons_at = now
                self._update_icons(maps)
            else:
                self._icons_stale = True  # drawn at the next slot, or when training pauses or ends
            self._show(self.pinned)
        else:
            self._show_line(maps)

    def _show_line(self, maps) -> None:
        out = np.asarray(maps.output, dtype=np.float64)
        self.output_data = out
        x = maps.grid[:, 0]
        ds = self.state.dataset
        if ds.task == "regression":
            series = [(out[:, j], class_colour_hex(j)) for j in range(out.shape[1])]
        else:
            p = class_probabilities(out)
            series = [(p[:, k], class_colour_hex(k)) for k in range(p.shape[1])]
            if p.shape[1] == 2:
                series = series[1:]  # p(class 1); p(class 0) is 1 − p
        while len(self.curves) < len(series):
            c = self.plot.plot([], [])
            c.setZValue(20)
            self.curves.append(c)
        for c, (y, colour) in zip(self.curves, series):
            c.setData(x, y, pen=pg.mkPen(colour, width=3))
        for c in self.curves[len(series):]:
            c.setData([], [])

    def _extent_rect(self) -> QRectF | None:
        if self.maps is None or self.maps.extent is None:
            return None
        x0, x1, y0, y1 = self.maps.extent
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def _show(self, key) -> None:
        maps = self.maps
        if maps is None or maps.kind != "plane":
            return
        self.shown = key
        side = maps.side
        out = maps.output
        task = self.state.dataset.task if self.state.dataset is not None else "regression"
        if key is None:
            self.output_data = out
            if task == "regression":
                self.image.setImage(out[:, 0].reshape(side, side), autoLevels=True)
                self.image.setColorMap(pg.colormap.get("viridis"))
            else:
                rgb = class_rgb(class_probabilities(out), MAP_STRENGTH)
                self.image.setImage(rgb.reshape(side, side, 3), autoLevels=False, levels=(0, 255))
        else:
            layer, n = key
            specs = self.state.project.layers
            if maps.unit_map(layer, n) is None or layer >= len(specs):
                return
            act = map_activation(specs, layer)
            classes = task != "regression" and layer == len(specs) - 1
            rgbs = maps_layer_rgbs(maps, layer, act, classes)
            self.image.setImage(rgbs[min(n, len(rgbs) - 1)], autoLevels=False, levels=(0, 255))
        rect = self._extent_rect()
        if rect is not None:
            self.image.setRect(rect)
            if rect != self._range_rect:  # a new domain: frame it once, then leave zoom/pan to the user
                self._range_rect = rect
                self.plot.setAspectLocked(is_square(maps.extent), ratio=1.0)
                self.plot.setRange(rect=rect, padding=0.0)

    _range_rect = None
    _icons_stale = False
    _icons_at = 0.0

    def _on_training_state(self, _state: str) -> None:
        if self._icons_stale and self.maps is not None and self.maps.kind == "plane" and self.isVisible():
            self._update_icons(self.maps)

    _icons_partial = False

    def _icons_scrolled(self, _value: int) -> None:
        """Thumbnails that were out of sight when the maps changed are drawn as they scroll in."""
        if self._icons_partial and self.maps is not None and self.maps.kind == "plane":
            self._update_icons(self.maps)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if (self._icons_stale or self._icons_partial) and self.maps is not None and self.maps.kind == "plane":
            self._update_icons(self.maps)  # the strip got room again: fill in the thumbnails

    def _update_icons(self, maps) -> None:
        specs = self.state.project.layers
        keys = [(i, n) for i, a in enumerate(maps.values) if i > 0 and a is not None for n in range(a.shape[1])]
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
                item = QListWidgetItem(f"L{i} n{n + 1}")
                item.setData(Qt.UserRole, (i, n))
                kind = f"{spec.type if spec else '?'}{', ' + act if act else ''}"  # Keras names: not translated
                item.setToolTip(self.tr("Layer {layer} ({kind}), neuron {neuron}: its output over the input plane")
                                .format(layer=i, kind=kind, neuron=n + 1))
                self.neurons.addItem(item)
            self.neurons.blockSignals(False)
        if not self.neurons.isVisible() or self.neurons.height() < ICON // 2:
            self._icons_stale = True
            return  # the strip is squeezed away: no icons to paint (the canvas shows the same maps)
        self._icons_stale = False
        classifier = self.state.dataset is not None and self.state.dataset.task != "regression"
        seen = self.neurons.viewport().rect()
        self._icons_partial = False
        for r in range(1, self.neurons.count()):
            item = self.neurons.item(r)
            if not seen.intersects(self.neurons.visualItemRect(item)):
                self._icons_partial = True  # scrolled out of sight: drawn when it scrolls into view
                continue
            i, n = item.data(Qt.UserRole)
            spec = specs[i] if i < len(specs) else None
            if spec is None or i >= len(maps.values) or n >= maps.values[i].shape[1]:
                continue
            act = map_activation(specs, i)
            image = maps_qimage(maps, i, n, act, classifier and i == len(specs) - 1)
            item.setIcon(QIcon(QPixmap.fromImage(image)))
