"""The pinned map: a clicked neuron's response over the input plane, large, over the canvas.

It floats in the canvas' top-right corner (objectName ``pinnedMap``), at least
:data:`PINNED_SIZE` pixels square, follows the live maps while training runs,
draws the training points on top in the data view's class colours, and goes
away with its ✕ button or a second click on the neuron.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

from nnstudio.ui.canvas.hover import input_name
from nnstudio.ui.canvas.layout import tr
from nnstudio.ui.canvas.maps import map_activation, maps_qimage
from nnstudio.ui.plotstyle import CLASS_COLORS

PINNED_SIZE = 240
MAX_POINTS = 600


def point_brushes(dataset, idx) -> list[QColor]:
    """Class colours (classification) or grey (regression) of the rows ``idx``."""
    if dataset.task == "regression":
        return [QColor(70, 70, 70)] * len(idx)
    y = np.asarray(dataset.y).reshape(len(dataset.y), -1)
    labels = np.argmax(y, axis=1) if y.shape[1] > 1 else y[:, 0].astype(np.int64)
    return [QColor(CLASS_COLORS[int(labels[i]) % len(CLASS_COLORS)]) for i in idx]


class PinnedMap(QFrame):
    """The pinned neuron's map, large (see module docstring)."""

    def __init__(self, scene, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("pinnedMap")
        self.scene = scene
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        self.caption = QLabel(self)
        self.caption.setObjectName("pinnedMapCaption")
        close = QToolButton(self)
        close.setObjectName("pinnedMapClose")
        close.setText("✕")
        close.setToolTip(tr("Unpin this map"))
        close.clicked.connect(lambda: scene.pin(None))
        self.image_label = QLabel(self)
        self.image_label.setObjectName("pinnedMapImage")
        self.image_label.setMinimumSize(PINNED_SIZE, PINNED_SIZE)
        self.image_label.setAlignment(Qt.AlignCenter)
        self.image_label.setToolTip(tr(
            "This neuron's output over the whole input plane (x1 across, x2 up): orange positive, "
            "blue negative, white near zero; for the output of a classifier, the class colours. "
            "Dots: the training points."))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.caption, 1)
        head.addWidget(close)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addWidget(self.image_label)
        self.image: QImage | None = None
        scene.pinnedChanged.connect(lambda _key: self.refresh())
        scene.mapsChanged.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        """Redraw from the scene's last maps (hide when nothing is pinned or no map exists)."""
        key = self.scene.pinned
        maps = self.scene.maps.maps
        state = self.scene.state
        layers = state.project.layers
        if key is None or maps is None or not 0 <= key[0] < min(len(layers), len(maps.values)):
            self._hide()
            return
        i, unit = key
        v = maps.values[i]
        if v is None or v.ndim != 2 or unit >= v.shape[1]:
            self._hide()
            return
        spec = layers[i]
        act = map_activation(layers, i)
        classes = state.dataset is not None and state.dataset.task != "regression" and i == len(layers) - 1
        self.image = maps_qimage(maps, i, unit, act, classes)
        what = tr("input {name}").format(name=input_name(state, unit)) if spec.type == "Input" else \
            tr("layer {i}, neuron {k} ({act})").format(i=i, k=unit + 1, act=act)
        self.caption.setText(tr("Pinned: {what}").format(what=what))
        self.image_label.setPixmap(self._pixmap(maps))
        self.show()
        self.raise_()
        self._place()

    def _pixmap(self, maps) -> QPixmap:
        size = PINNED_SIZE
        pix = QPixmap.fromImage(self.image.scaled(size, size, Qt.IgnoreAspectRatio, Qt.SmoothTransformation))
        ds = self.scene.state.dataset
        try:
            prepared = self.scene.state.prepared()
        except Exception:
            prepared = None
        if ds is None or prepared is None or maps.extent is None:
            return pix
        x0, x1, y0, y1 = maps.extent
        idx = np.asarray(prepared.train_idx)[:MAX_POINTS]
        xs = (ds.x[idx, 0] - x0) / (x1 - x0) * size
        ys = size - (ds.x[idx, 1] - y0) / (y1 - y0) * size
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255), 1.0))
        for x, y, c in zip(xs.tolist(), ys.tolist(), point_brushes(ds, idx)):
            painter.setBrush(QBrush(c))
            painter.drawEllipse(QPointF(x, y), 3.0, 3.0)
        painter.end()
        return pix

    def _hide(self) -> None:
        self.image = None
        if self.isVisible():
            self.hide()
            self._reserve(0)

    def _reserve(self, width: int) -> None:
        """Keep a strip on the canvas' right for the map, so it never covers the network."""
        view = self.parentWidget()
        if view is not None and hasattr(view, "reserve_right"):
            view.reserve_right(width)

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        self._reserve(self.width() + 8)
        self.move(max(0, parent.width() - self.width() - 4), 4)
