"""The 'weight_images' dock (objectName 'weightImagesPanel'): for an image
dataset, each first-layer unit's incoming weights drawn as an image of the
input's shape (8×8 for the digits), live while training runs.

Column ``j`` of the first Dense kernel ``W`` (shape ``(pixels, units)``)
holds the weight of every pixel into unit ``j``: red pixels push the unit's
``z = Σ wᵢ xᵢ + b`` up when inked, blue ones push it down.  With no hidden
layer the first Dense layer *is* the output layer and each image is one
class's template.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nnstudio.ui.data.imagepix import weight_image

#: gap between tiles and the caption height (pixels)
GAP, CAPTION = 6, 14


def first_kernel(project, weights, n_features: int):
    """(project layer index, kernel) of the first Dense layer fed by the inputs, or (None, None)."""
    if not weights:
        return None, None
    k = 0
    for i, spec in enumerate(project.layers):
        if spec.type != "Dense":
            continue
        kernel = np.asarray(weights[k]) if k < len(weights) else None
        if kernel is None or kernel.ndim != 2 or kernel.shape[0] != n_features:
            return None, None
        return i, kernel
    return None, None


class WeightMosaic(QWidget):
    """Tiles of weight images with captions, sized to fit the widget (no scrolling)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightMosaic")
        self.tiles: list[np.ndarray] = []
        self.captions: list[str] = []
        self.shared_scale = False
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # Qt API
        return QSize(240, 150)

    def set_tiles(self, tiles: list[np.ndarray], captions: list[str]) -> None:
        self.tiles, self.captions = tiles, captions
        self.update()

    def layout_tiles(self) -> tuple[int, int, float]:
        """(columns, rows, tile side in pixels) fitting every tile into the widget."""
        n = len(self.tiles)
        if not n:
            return 0, 0, 0.0
        h, w = self.tiles[0].shape
        best = (1, n, 0.0)
        for cols in range(1, n + 1):
            rows = math.ceil(n / cols)
            side = min((self.width() - GAP * (cols + 1)) / cols / (w / max(h, w)),
                       (self.height() - (GAP + CAPTION) * rows - GAP) / rows / (h / max(h, w)))
            if side > best[2]:
                best = (cols, rows, side)
        return best

    def tile_rect(self, k: int) -> QRectF:
        cols, _rows, side = self.layout_tiles()
        h, w = self.tiles[k].shape
        tw, th = side * w / max(h, w), side * h / max(h, w)
        r, c = divmod(k, cols)
        return QRectF(GAP + c * (tw + GAP), GAP + r * (th + GAP + CAPTION), tw, th)

    def tile_at(self, pos) -> int:
        for k in range(len(self.tiles)):
            if self.tile_rect(k).adjusted(0, 0, 0, CAPTION).contains(QPointF(pos)):
                return k
        return -1

    def mouseMoveEvent(self, event) -> None:  # Qt API
        k = self.tile_at(event.position())
        if k < 0:
            self.setToolTip("")
            return
        t = self.tiles[k]
        self.setToolTip(self.tr("{caption}: weights from {lo:+.3f} (blue) to {hi:+.3f} (red)")
                        .format(caption=self.captions[k], lo=float(t.min()), hi=float(t.max())))

    def paintEvent(self, _event) -> None:  # Qt API
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor("white"))
            if not self.tiles:
                return
            scale = max(float(np.max(np.abs(t))) for t in self.tiles) if self.shared_scale else None
            font = p.font()
            font.setPixelSize(11)
            p.setFont(font)
            for k, tile in enumerate(self.tiles):
                rect = self.tile_rect(k)
                if rect.width() < 2:
                    break
                p.drawImage(rect, weight_image(tile, scale))
                p.setPen(QPen(QColor("#909090")))
                p.drawRect(rect)
                p.setPen(QPen(QColor("#303030")))
                p.drawText(QRectF(rect.left() - GAP / 2, rect.bottom(), rect.width() + GAP, CAPTION),
                           Qt.AlignmentFlag.AlignCenter, self.captions[k])
        finally:
            p.end()


class WeightImagesPanel(QWidget):
    """First-layer weights as images of the input (see module docstring)."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightImagesPanel")
        self.controller = controller
        self.state = controller.state
        self.layer_index: int | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.info = QLabel()
        self.info.setObjectName("weightImagesInfo")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.mosaic = WeightMosaic(self)
        lay.addWidget(self.mosaic, 1)
        row = QVBoxLayout()
        row.setSpacing(0)
        self.shared = QCheckBox(self.tr("One colour scale for all"))
        self.shared.setObjectName("weightImagesShared")
        self.shared.setToolTip(self.tr("Off: each image uses its own range (patterns are easier to "
                                       "see). On: the same range for every image (sizes compare)."))
        self.shared.toggled.connect(self._set_shared)
        row.addWidget(self.shared)
        self.key = QLabel(self.tr("<span style='color:#b2182b'>red</span> = positive weight, "
                                  "<span style='color:#2166ac'>blue</span> = negative"))
        self.key.setObjectName("weightImagesKey")
        self.key.setWordWrap(True)
        row.addWidget(self.key)
        lay.addLayout(row)
        self.state.weightsChanged.connect(self.update_weights)
        self.state.datasetChanged.connect(self._refresh)
        self.state.documentChanged.connect(lambda _e, _i: self._refresh())
        self._refresh()

    def _set_shared(self, on: bool) -> None:
        self.mosaic.shared_scale = bool(on)
        self.mosaic.update()

    def _refresh(self) -> None:
        self.update_weights(self.state.live_weights)

    def images(self) -> list[np.ndarray]:
        """The arrays drawn, one per unit (copies of the kernel columns, reshaped)."""
        return [t.copy() for t in self.mosaic.tiles]

    def update_weights(self, weights) -> None:
        ds = self.state.dataset
        shape = getattr(ds, "image_shape", None) if ds is not None else None
        if not shape:
            self.layer_index = None
            self.mosaic.set_tiles([], [])
            self.info.setText(self.tr("Weight images are shown for image datasets "
                                      "(e.g. the handwritten digits)."))
            return
        if weights is None:
            weights = self.state.live_weights or (self.state.project.trained or {}).get("weights")
        index, kernel = first_kernel(self.state.project, weights, ds.n_features)
        if kernel is None:
            self.layer_index = None
            self.mosaic.set_tiles([], [])
            self.info.setText(self.tr("Add a Dense layer after the input (and train or step once) to "
                                      "see its weights as images."))
            return
        self.layer_index = index
        is_output = not any(s.type == "Dense" for s in self.state.project.layers[index + 1:])
        units = kernel.shape[1]
        tiles = [np.asarray(kernel[:, j], dtype=np.float64).reshape(shape) for j in range(units)]
        names = list(ds.class_names or []) if ds.task != "regression" else []
        if is_output and len(names) == units:
            captions = [self.tr("class {name}").format(name=n) for n in names]
            self.info.setText(self.tr("No hidden layer: each image is one output's weights, what "
                                      "that class looks for in the {h}×{w} input.")
                              .format(h=shape[0], w=shape[1]))
        else:
            captions = [self.tr("unit {j}").format(j=j) for j in range(units)]
            self.info.setText(self.tr("Layer {layer}: the incoming weights of each of its {n} units "
                                      "as a {h}×{w} image (column j of the kernel).")
                              .format(layer=index, n=units, h=shape[0], w=shape[1]))
        self.mosaic.set_tiles(tiles, captions)
