"""The 'activations' dock: per layer a heatmap (samples × neurons) with a colour bar,
a histogram of the layer's outputs, and the share of dead ReLU units.

Images use pyqtgraph's default column-major order, so ``image[s, n]`` is the
output of neuron ``n`` for heatmap sample ``s`` (x axis: samples, y axis:
neurons) -- exactly ``model.trace(heat_x)[k].a``.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from nnstudio.ui.plotstyle import plain_axes

ROW_HEIGHT = 150
CMAP = "viridis"


class _LayerRow:
    """The graphics items of one layer (created once, updated with setImage/setOpts)."""

    def __init__(self, view: pg.GraphicsLayoutWidget, row: int, title: str) -> None:
        self.title = view.addLabel(title, row=2 * row, col=0, colspan=2, justify="left")
        self.plot = view.addPlot(row=2 * row + 1, col=0)
        plain_axes(self.plot)
        self.plot.setLabel("bottom", QCoreApplication.translate("ActivationsPanel", "sample"))
        self.plot.setLabel("left", QCoreApplication.translate("ActivationsPanel", "neuron"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get(CMAP), interactive=False, width=12)
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.hist_plot = view.addPlot(row=2 * row + 1, col=1)
        plain_axes(self.hist_plot)
        self.hist_plot.setLabel("bottom", QCoreApplication.translate("ActivationsPanel", "activation"))
        self.hist_plot.setMaximumWidth(220)
        self.hist_plot.setMouseEnabled(x=False, y=False)
        self.hist_plot.hideAxis("left")
        self.hist = pg.PlotDataItem([0, 1], [0], stepMode="center", pen=pg.mkPen("#1f77b4", width=1.5))
        self.hist_plot.addItem(self.hist)
        self.data: np.ndarray | None = None
        self.text = title
        self.shape: tuple | None = None

    def set_title(self, text: str) -> None:
        """Change the title only when it differs (a new text re-lays out the whole view)."""
        if text != self.text:
            self.text = text
            self.title.setText(text)

    def set_data(self, a: np.ndarray) -> None:
        a = np.asarray(a, dtype=np.float64)
        self.data = a
        finite = a[np.isfinite(a)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if hi - lo < 1e-12:
            hi = lo + 1e-6
        self.image.setImage(a, autoLevels=False, levels=(lo, hi))
        self.bar.setLevels((lo, hi))
        if a.shape != self.shape:  # fixed view of the image: no autorange (axes repaint) per update
            self.shape = a.shape
            self.plot.disableAutoRange()
            self.plot.setRange(xRange=(0, a.shape[0]), yRange=(0, a.shape[1]), padding=0)
        counts, edges = np.histogram(finite if finite.size else [0.0], bins=30, range=(lo, hi))
        self.hist.setData(edges, counts / max(1, finite.size))


class ActivationsPanel(QWidget):
    """Heatmaps + histograms for every layer after the Input (objectName 'activationsPanel')."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationsPanel")
        self.controller = controller
        self.state = controller.state
        self.info = QLabel(self)
        self.info.setObjectName("activationsInfo")
        self.info.setWordWrap(True)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setObjectName("activationsView")
        self.view.setBackground("w")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(scroll, 1)
        self.rows: dict[int, _LayerRow] = {}
        self._pool: list[_LayerRow] = []
        self._signature = None
        controller.snapshotChanged.connect(self.update_snapshot)
        self.state.datasetChanged.connect(self.reset)
        self.state.projectReplaced.connect(self.reset)
        if controller.snapshot is not None:
            self.update_snapshot(controller.snapshot)

    def _layer_title(self, index: int, dead: float | None) -> str:
        spec = self.state.project.layers[index]
        act = spec.params.get("activation")
        title = f"<b>{index}: {html.escape(spec.name or spec.type)}</b>"  # a layer name comes from the file + (f" ({act})" if act else "")
        if dead is not None:
            title += " — " + self.tr("{percent:.0f}% dead ReLU units").format(percent=dead * 100)
        return title

    def _rebuild(self, layers: list[int]) -> None:
        """Map layers to rows, reusing the rows already built (pyqtgraph plots are slow to make)."""
        pool = self._pool
        while len(pool) > len(layers):
            row = pool.pop()
            for item in (row.title, row.plot, row.hist_plot):
                self.view.removeItem(item)
        for r in range(len(pool), len(layers)):
            pool.append(_LayerRow(self.view, r, ""))
        self.rows = {}
        for row, i in zip(pool, layers):
            row.set_title(self._layer_title(i, None))
            row.shape = None  # the next set_data fits the view to the new image
            self.rows[i] = row
        self.view.setMinimumHeight(ROW_HEIGHT * max(1, len(layers)))

    def update_snapshot(self, snap) -> None:
        """Show a :class:`Snapshot`'s heatmap batch (ignored when it has none)."""
        if snap is None or snap.heat is None:
            return
        layers = [i for i, a in enumerate(snap.heat) if a is not None and i < len(self.state.project.layers)]
        sig = tuple((i, snap.heat[i].shape[1]) for i in layers)
        if sig != self._signature:
            self._signature = sig
            self._rebuild(layers)
        dead_all = []
        for i in layers:
            row = self.rows[i]
            row.set_data(snap.heat[i])
            dead = snap.dead[i] if snap.dead is not None and i < len(snap.dead) else None
            if dead is not None:
                dead_all.append((i, dead))
            row.set_title(self._layer_title(i, dead))
        n = snap.heat[layers[0]].shape[0] if layers else 0
        text = self.tr("{n} training samples (sorted by class) × neurons.").format(n=n)
        if dead_all:
            layer_text = self.tr("layer {layer}: {percent:.0f}%")
            text += " " + self.tr("Dead ReLU units (0 for every training sample):") + " " + ", ".join(
                layer_text.format(layer=i, percent=d * 100) for i, d in dead_all)
        if text != self.info.text():  # a new text re-lays out the dock: only when it changes
            self.info.setText(text)

    def reset(self) -> None:
        """Forget the previous network/data; the next snapshot maps its layers to the rows again.

        The rows themselves are kept (cleared) for reuse: building pyqtgraph plots is the slow
        part of a lesson set-up, and the next snapshot follows at once.
        """
        self._signature = None
        for row in self.rows.values():
            row.image.clear()
            row.hist.setData([0, 1], [0])
            row.data = None
        self.rows = {}
        self.info.setText("")

    def heat_data(self, layer: int) -> np.ndarray | None:
        """The array shown for project layer ``layer`` (samples × neurons)."""
        row = self.rows.get(layer)
        return None if row is None else row.data
