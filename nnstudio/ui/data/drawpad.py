"""The draw pad (objectName 'drawPadPanel'): the learner draws a digit with the
mouse and sees the network's class probabilities change while drawing.

The pad is 32×32 like the bitmaps the UCI digits were made from; what the
network sees is the same reduction (:func:`nnstudio.data.digits.reduce_pad`:
ink pixels counted in each 4×4 block, 0..16), optionally after fitting the
drawing to the box first (as NIST's preprocessing did).  Every stroke is
answered at once from the latest weights (the controller's snapshots while
training runs).  "Use as sample" sends the drawing through the canvas and
the activations views.
"""

from __future__ import annotations

import html

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from nnstudio.data.digits import BLOCK, SIDE, fit_to_box, reduce_pad
from nnstudio.ui.data.common import class_color
from nnstudio.ui.data.imagepix import image_vmax, ink_image, scaled_pixmap

#: brush radius in pad pixels (strokes about 3 pixels wide, like the NIST bitmaps)
BRUSH = 1.6


class DrawPad(QWidget):
    """A square of ``side × side`` pixels of ink 0..1 drawn with the mouse
    (left button draws, right button erases); ``changed`` after every stroke step."""

    changed = Signal()
    #: the mouse button was released (a stroke ended)
    strokeEnded = Signal()

    def __init__(self, side: int = 32, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPad")
        self._last: tuple[float, float] | None = None
        self._erase = False
        self.set_side(side)
        self.setMinimumSize(100, 100)
        self.setMaximumSize(288, 288)  # room for the bars below in a tall dock
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paints every pixel: no parent repaint
        self.setToolTip(self.tr("Draw a digit: left mouse button draws, right button erases. "
                                "The 32×32 pad is reduced like the UCI images: the ink pixels of "
                                "each 4×4 block are counted (0–16)."))

    def sizeHint(self) -> QSize:  # Qt API
        return QSize(120, 120)

    def hasHeightForWidth(self) -> bool:  # Qt API
        return True

    def heightForWidth(self, w: int) -> int:  # Qt API
        return w

    def set_side(self, side: int) -> None:
        """Make the pad ``side × side`` pixels (cleared)."""
        self.side = int(side)
        self.pad = np.zeros((self.side, self.side), dtype=np.float64)
        yy, xx = np.mgrid[0:self.side, 0:self.side]
        self._cy, self._cx = yy + 0.5, xx + 0.5
        self.update()

    # -- geometry -------------------------------------------------------------------
    def cell(self) -> float:
        """Screen pixels per pad pixel."""
        return max(1.0, min(self.width(), self.height()) / self.side)

    def origin(self) -> QPointF:
        c = self.cell() * self.side
        return QPointF((self.width() - c) / 2, (self.height() - c) / 2)

    def to_pad(self, pos) -> tuple[float, float]:
        """(row, column) in pad pixels of a widget position."""
        o, c = self.origin(), self.cell()
        return (pos.y() - o.y()) / c, (pos.x() - o.x()) / c

    def widget_point(self, row: float, col: float) -> QPointF:
        """The widget position of a pad position (for tests and demos)."""
        o, c = self.origin(), self.cell()
        return QPointF(o.x() + col * c, o.y() + row * c)

    # -- drawing -----------------------------------------------------------------
    def clear(self) -> None:
        self.pad[:] = 0.0
        self.update()
        self.changed.emit()

    def set_pad(self, pad: np.ndarray) -> None:
        self.pad[:] = np.clip(np.asarray(pad, dtype=np.float64), 0.0, 1.0)
        self.update()
        self.changed.emit()

    def dab(self, row: float, col: float, erase: bool = False) -> None:
        """Ink (or erase) a disc of radius :data:`BRUSH` around (row, col)."""
        r = BRUSH * self.side / 32.0
        mask = (self._cy - row) ** 2 + (self._cx - col) ** 2 <= r ** 2
        self.pad[mask] = 0.0 if erase else 1.0

    def stroke_to(self, row: float, col: float, erase: bool = False) -> None:
        """Dabs from the last point to (row, col), half a pixel apart."""
        if self._last is None:
            self.dab(row, col, erase)
        else:
            r0, c0 = self._last
            steps = max(1, int(np.ceil(np.hypot(row - r0, col - c0) / 0.5)))
            for t in np.linspace(0.0, 1.0, steps + 1)[1:]:
                self.dab(r0 + (row - r0) * t, c0 + (col - c0) * t, erase)
        self._last = (row, col)
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event) -> None:  # Qt API
        if event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return super().mousePressEvent(event)
        self._erase = event.button() == Qt.MouseButton.RightButton
        self._last = None
        self.stroke_to(*self.to_pad(event.position()), erase=self._erase)

    def mouseMoveEvent(self, event) -> None:  # Qt API
        if self._last is None or not (event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton)):
            return super().mouseMoveEvent(event)
        self.stroke_to(*self.to_pad(event.position()), erase=self._erase)

    def mouseReleaseEvent(self, event) -> None:  # Qt API
        if self._last is not None:
            self._last = None
            self.strokeEnded.emit()
        super().mouseReleaseEvent(event)

    def _picture(self, side_px: int) -> QImage:
        """The pad drawn ``side_px`` pixels wide: ink, the 4×4 block grid, a frame (numpy, nearest)."""
        ink = (255.0 * (1.0 - np.clip(self.pad, 0.0, 1.0))).astype(np.uint8)
        idx = (np.arange(side_px) * self.side // max(1, side_px)).clip(0, self.side - 1)
        img = ink[np.ix_(idx, idx)]
        edges = np.flatnonzero(np.diff(idx // BLOCK)) + 1  # first screen pixel of each new block
        img[edges, :] = (img[edges, :] * 0.88).astype(np.uint8)
        img[:, edges] = (img[:, edges] * 0.88).astype(np.uint8)
        img[[0, -1], :] = 128
        img[:, [0, -1]] = 128
        g = img.astype(np.uint32)
        rgb = np.ascontiguousarray(0xFF000000 | (g << 16) | (g << 8) | g)  # the backing store's format
        return QImage(rgb.data, side_px, side_px, 4 * side_px, QImage.Format.Format_RGB32).copy()

    def paintEvent(self, _event) -> None:  # Qt API
        p = QPainter(self)
        try:
            o = self.origin()
            side_px = int(round(self.cell() * self.side))
            p.fillRect(self.rect(), self.palette().window())
            if side_px >= 2:
                p.drawImage(QPointF(o.x(), o.y()), self._picture(side_px))
        finally:
            p.end()


class DrawPadPanel(QWidget):
    """Pad, the 8×8 the network sees, Clear / Use as sample, and the probability bars."""

    #: the prediction was recomputed: (probabilities, seconds it took)
    predicted = Signal(object, float)

    def __init__(self, state, controller=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPadPanel")
        self.state = state
        self.controller = controller
        self.probs: np.ndarray | None = None
        self.last_latency = 0.0
        self._model = None
        self._model_key = None
        self._weights_used = None
        self._brush_key = None
        self._brushes: list = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(4)
        row = QHBoxLayout()
        self.pad = DrawPad(32, self)
        row.addWidget(self.pad, 3)
        side_box = QWidget(self)
        side_box.setFixedWidth(118)
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        self.seen_title = QLabel()
        side.addWidget(self.seen_title)
        self.seen = QLabel()
        self.seen.setObjectName("drawPadReduced")
        self.seen.setFixedSize(56, 56)
        self.seen.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # its pixmap covers it
        self.seen.setToolTip(self.tr("The pad reduced to 8×8: each pixel counts the inked pad "
                                     "pixels of one 4×4 block, 0 (white) to 16 (black)."))
        side.addWidget(self.seen)
        self.fit = QCheckBox(self.tr("Fit to the box"))
        self.fit.setObjectName("drawPadFit")
        self.fit.setChecked(True)
        self.fit.setToolTip(self.tr("Scale and centre the drawing so it fills the pad before "
                                    "counting, as the UCI images were normalised."))
        self.fit.toggled.connect(lambda _on: self.recompute())
        side.addWidget(self.fit)
        side.addStretch(1)
        row.addWidget(side_box, 0)
        lay.addLayout(row, 2)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("drawPadClear")
        self.clear_button.setToolTip(self.tr("Wipe the pad."))
        self.clear_button.clicked.connect(self.pad.clear)
        buttons.addWidget(self.clear_button)
        self.use_button = QPushButton(self.tr("Use as sample"))
        self.use_button.setObjectName("drawPadUse")
        self.use_button.setToolTip(self.tr("Send the drawing through the network views: the canvas "
                                           "and the activations show its values until you pick a "
                                           "dataset sample again."))
        self.use_button.clicked.connect(self.use_as_sample)
        buttons.addWidget(self.use_button)
        self.guess = QLabel()
        self.guess.setObjectName("drawPadGuess")
        self.guess.setWordWrap(True)
        buttons.addWidget(self.guess, 1)
        lay.addLayout(buttons)

        self.bars_plot = pg.PlotWidget()
        self.bars_plot.setObjectName("drawPadBars")
        self.bars_plot.setBackground("w")
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.hideButtons()
        self.bars_plot.setYRange(0, 1, padding=0.02)
        self.bars_plot.setLabel("left", self.tr("probability"))
        self.bars_plot.setMinimumHeight(56)
        self.bars_plot.setToolTip(self.tr("The network's output for the drawing: softmax "
                                          "pᵢ = e^zᵢ / Σⱼ e^zⱼ, one bar per class."))
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7,
                                    brush=pg.mkBrush("#9ecae1"))
        self.bars_plot.addItem(self.bars)
        lay.addWidget(self.bars_plot, 1)

        self.pad.changed.connect(self.recompute)
        self.pad.strokeEnded.connect(self._stroke_ended)
        self._stale = False  # a document change arrived while hidden: recompute when shown
        state.datasetChanged.connect(self._on_structure)
        state.networkChanged.connect(self._on_model)
        state.trainingChanged.connect(lambda _key: self._on_model())
        state.nameChanged.connect(self._on_model)
        state.trainedChanged.connect(self._follow)
        state.projectReplaced.connect(self._on_structure)
        state.sampleChanged.connect(self._on_dataset_sample)
        if controller is not None:
            controller.snapshotChanged.connect(self._on_snapshot)
        self._on_structure()

    def resizeEvent(self, event) -> None:  # Qt API
        """Keep the bars readable (>= about 110 px): the pad gives way first in a short dock."""
        side = int(max(100, min(288, self.height() - 40 - 110)))
        if self.pad.maximumHeight() != side:
            self.pad.setMaximumSize(side, side)
        super().resizeEvent(event)

    def _follow(self) -> None:
        """Recompute for a document change now if shown, else when shown (no model runs for a hidden pad)."""
        if self.isVisible():
            self.recompute()
        else:
            self._stale = True

    # -- the model ------------------------------------------------------------------
    def _on_model(self) -> None:
        self._model_key = None
        self._follow()

    def image_side(self) -> int:
        """Side of the dataset's (square) images: 8 for the digits."""
        ds = self.state.dataset
        shape = getattr(ds, "image_shape", None) if ds is not None else None
        return int(shape[0]) if shape and shape[0] == shape[1] else SIDE

    def _on_structure(self) -> None:
        self._model_key = None
        n = self.image_side()
        if self.pad.side != BLOCK * n:
            self.pad.set_side(BLOCK * n)
        self.seen_title.setText(self.tr("Input {w}×{h}:").format(w=n, h=n))
        self.seen_title.setToolTip(self.tr("What the network sees: the pad reduced to {w}×{h}.")
                                   .format(w=n, h=n))
        ds = self.state.dataset
        k = ds.n_classes if ds is not None and ds.task != "regression" else 0
        names = list(ds.class_names or []) if k else []
        axis = self.bars_plot.getAxis("bottom")
        axis.setTicks([[(i, str(n)) for i, n in enumerate(names)]])
        self.bars_plot.setXRange(-0.6, max(k, 1) - 0.4, padding=0)
        self._follow()

    def _on_snapshot(self, snap) -> None:
        self._follow()  # a hidden pad catches up when it is shown (live snapshots come ~10/s)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.recompute()

    def _weights(self):
        snap = getattr(self.controller, "snapshot", None) if self.controller is not None else None
        if snap is not None and snap.weights:
            return snap.weights
        st = self.state.project.trained or {}
        return st.get("weights")

    def model(self):
        """An engine model of the document with the latest weights (None if it cannot be built)."""
        from nnstudio.project.build import build_model

        ds = self.state.dataset
        if ds is None or self.state.has_errors() or ds.n_features != (self.pad.side // BLOCK) ** 2:
            return None  # the drawing does not fit this dataset's rows: no model to build
        key = (id(ds), repr([(s.type, sorted(s.params.items())) for s in self.state.project.layers]),
               self.state.project.training.get("dtype"))
        if self._model is None or key != self._model_key:
            try:
                self._model = build_model(self.state.project, ds, compile=False)
            except Exception:
                self._model = None
                return None
            self._model_key = key
            self._weights_used = None
        weights = self._weights()
        if weights is not None and weights is not self._weights_used:
            try:
                self._model.set_weights(weights)
                self._weights_used = weights
            except Exception:
                pass
        return self._model

    # -- from the pad to the bars ------------------------------------------------------
    def reduced(self) -> np.ndarray:
        """The drawing as the network's input image: ink counted per 4×4 block (0..16 for
        the digits; rescaled to the dataset's largest pixel value for other image sets)."""
        pad = fit_to_box(self.pad.pad) if self.fit.isChecked() else self.pad.pad
        out = reduce_pad(pad, self.pad.side // BLOCK)
        ds = self.state.dataset
        if ds is not None and getattr(ds, "image_shape", None) and self.pad.side != BLOCK * SIDE:
            out *= image_vmax(ds) / float(BLOCK * BLOCK)
        return out

    def _input_row(self, reduced: np.ndarray):
        """The reduced drawing as one prepared (scaled) input row, or None if it does not fit."""
        ds = self.state.dataset
        if ds is None or ds.n_features != reduced.size:
            return None
        x = reduced.reshape(1, -1)
        prepared = self.state.prepared_or_none()
        if prepared is None:
            return None
        if hasattr(prepared, "model_input"):  # the Input layer's features, then the scaling
            return prepared.model_input(x)
        if prepared.scaler is not None:
            x = prepared.scaler.transform(x)
        return np.asarray(x, dtype=prepared.x_train.dtype)

    def recompute(self) -> None:
        """Reduce the pad, run the network, redraw the 8×8 view and the bars."""
        self._stale = False
        t0 = time.perf_counter()
        reduced = self.reduced()
        ds = self.state.dataset
        vmax = image_vmax(ds) if ds is not None and getattr(ds, "image_shape", None) else 16.0
        self.seen.setPixmap(scaled_pixmap(ink_image(reduced, vmax), self.seen.width()))
        probs = None
        model = self.model()
        x = self._input_row(reduced) if model is not None else None
        if x is not None:
            try:
                out = np.asarray(model(x))[0].astype(np.float64)
                probs = np.array([1.0 - out[0], out[0]]) if out.size == 1 else out
            except Exception:
                probs = None
        self._show(probs, not reduced.any())
        self.last_latency = time.perf_counter() - t0
        self.predicted.emit(probs, self.last_latency)

    def _show(self, probs, empty: bool) -> None:
        self.probs = probs
        if probs is None:
            self.bars.setOpts(height=np.zeros(1), x=np.zeros(1))
            ds = self.state.dataset
            if ds is None or not getattr(ds, "image_shape", None):
                self.guess.setText(self.tr("The draw pad works with image datasets such as the "
                                           "handwritten digits."))
            else:
                self.guess.setText(self.tr("Fix the network's problems to see its prediction."))
            return
        best = int(np.argmax(probs))
        key = (len(probs), best)
        if key != self._brush_key:
            self._brush_key = key
            self._brushes = [pg.mkBrush(class_color(i) if i == best else QColor("#9ecae1"))
                             for i in range(len(probs))]
        brushes = self._brushes
        self.bars.setOpts(x=np.arange(len(probs)), height=probs, brushes=brushes)
        names = list((self.state.dataset.class_names or [])) if self.state.dataset else []
        name = html.escape(str(names[best])) if best < len(names) else str(best)  # class names come from files
        if empty:
            self.guess.setText(self.tr("Draw a digit on the pad. (Empty pad: the network says "
                                       "{name}, {p:.0%}.)").format(name=name, p=probs[best]))
        else:
            trained = self._weights() is not None and self._trained()
            text = self.tr("The network says <b>{name}</b> ({p:.0%}).").format(name=name, p=probs[best])
            if not trained:
                text += " " + self.tr("It has not been trained yet: press Train.")
            self.guess.setText(text)

    def _trained(self) -> bool:
        c = self.controller
        return bool(c is not None and (getattr(c, "iterations", 0) or getattr(c, "epochs_trained", 0)))

    # -- use as sample ----------------------------------------------------------------
    def use_as_sample(self) -> bool:
        """Show the drawing in the canvas and activations views (until a dataset sample is picked)."""
        c = self.controller
        if c is None or not hasattr(c, "use_custom_sample") or self.state.dataset is None:
            return False
        reduced = self.reduced()
        if reduced.size != self.state.dataset.n_features:
            return False
        c.use_custom_sample(reduced.reshape(-1))
        self.use_button.setText(self.tr("Using the drawing"))
        return True

    def _stroke_ended(self) -> None:
        c = self.controller
        if c is not None and getattr(c, "custom_sample", None) is not None:
            self.use_as_sample()  # keep the network views on the drawing as it changes

    def _on_dataset_sample(self, _index: int) -> None:
        c = self.controller
        if c is not None and getattr(c, "custom_sample", None) is not None:
            c.use_custom_sample(None)
        self.use_button.setText(self.tr("Use as sample"))
