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

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from nnstudio.data.digits import BLOCK, fit_to_box, reduce_pad
from nnstudio.ui.data.common import class_color
from nnstudio.ui.data.imagepix import ink_image, scaled_pixmap

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
        self.side = int(side)
        self.pad = np.zeros((self.side, self.side), dtype=np.float64)
        self._last: tuple[float, float] | None = None
        self._erase = False
        yy, xx = np.mgrid[0:self.side, 0:self.side]
        self._cy, self._cx = yy + 0.5, xx + 0.5
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit: left mouse button draws, right button erases. "
                                "The 32×32 pad is reduced like the UCI images: the ink pixels of "
                                "each 4×4 block are counted (0–16)."))

    def sizeHint(self) -> QSize:  # Qt API
        return QSize(224, 224)

    def hasHeightForWidth(self) -> bool:  # Qt API
        return True

    def heightForWidth(self, w: int) -> int:  # Qt API
        return w

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
        mask = (self._cy - row) ** 2 + (self._cx - col) ** 2 <= BRUSH ** 2
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

    def paintEvent(self, _event) -> None:  # Qt API
        p = QPainter(self)
        try:
            o, c = self.origin(), self.cell()
            rect = QRectF(o.x(), o.y(), c * self.side, c * self.side)
            p.fillRect(self.rect(), self.palette().window())
            p.drawImage(rect, ink_image(self.pad, 1.0))
            pen = QPen(QColor(0, 0, 0, 28))
            p.setPen(pen)
            for k in range(BLOCK, self.side, BLOCK):  # the 4×4 blocks that become one pixel
                p.drawLine(QPointF(o.x() + k * c, rect.top()), QPointF(o.x() + k * c, rect.bottom()))
                p.drawLine(QPointF(rect.left(), o.y() + k * c), QPointF(rect.right(), o.y() + k * c))
            p.setPen(QPen(QColor("#808080")))
            p.drawRect(rect)
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

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        row = QHBoxLayout()
        self.pad = DrawPad(32, self)
        row.addWidget(self.pad, 3)
        side = QVBoxLayout()
        self.seen_title = QLabel(self.tr("What the network sees (8×8):"))
        self.seen_title.setWordWrap(True)
        side.addWidget(self.seen_title)
        self.seen = QLabel()
        self.seen.setObjectName("drawPadReduced")
        self.seen.setFixedSize(88, 88)
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
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("drawPadClear")
        self.clear_button.setToolTip(self.tr("Wipe the pad."))
        self.clear_button.clicked.connect(self.pad.clear)
        side.addWidget(self.clear_button)
        self.use_button = QPushButton(self.tr("Use as sample"))
        self.use_button.setObjectName("drawPadUse")
        self.use_button.setToolTip(self.tr("Send the drawing through the network views: the canvas "
                                           "and the activations show its values until you pick a "
                                           "dataset sample again."))
        self.use_button.clicked.connect(self.use_as_sample)
        side.addWidget(self.use_button)
        side.addStretch(1)
        row.addLayout(side, 1)
        lay.addLayout(row, 3)

        self.guess = QLabel()
        self.guess.setObjectName("drawPadGuess")
        self.guess.setWordWrap(True)
        lay.addWidget(self.guess)
        self.bars_plot = pg.PlotWidget()
        self.bars_plot.setObjectName("drawPadBars")
        self.bars_plot.setBackground("w")
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.hideButtons()
        self.bars_plot.setYRange(0, 1, padding=0.02)
        self.bars_plot.setLabel("left", self.tr("probability"))
        self.bars_plot.setMinimumHeight(120)
        self.bars_plot.setToolTip(self.tr("The network's output for the drawing: softmax "
                                          "pᵢ = e^zᵢ / Σⱼ e^zⱼ, one bar per class."))
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7,
                                    brush=pg.mkBrush("#9ecae1"))
        self.bars_plot.addItem(self.bars)
        lay.addWidget(self.bars_plot, 2)

        self.pad.changed.connect(self.recompute)
        self.pad.strokeEnded.connect(self._stroke_ended)
        state.datasetChanged.connect(self._on_structure)
        state.documentChanged.connect(self._on_document)
        state.projectReplaced.connect(self._on_structure)
        state.sampleChanged.connect(self._on_dataset_sample)
        if controller is not None:
            controller.snapshotChanged.connect(self._on_snapshot)
        self._on_structure()

    # -- the model ------------------------------------------------------------------
    def _on_document(self, event: str, _info: dict) -> None:
        if event != "state_changed":
            self._model_key = None
        self.recompute()

    def _on_structure(self) -> None:
        self._model_key = None
        ds = self.state.dataset
        k = ds.n_classes if ds is not None and ds.task != "regression" else 0
        names = list(ds.class_names or []) if k else []
        axis = self.bars_plot.getAxis("bottom")
        axis.setTicks([[(i, str(n)) for i, n in enumerate(names)]])
        self.bars_plot.setXRange(-0.6, max(k, 1) - 0.4, padding=0)
        self.recompute()

    def _on_snapshot(self, snap) -> None:
        self.recompute()

    def _weights(self):
        snap = getattr(self.controller, "snapshot", None) if self.controller is not None else None
        if snap is not None and snap.weights:
            return snap.weights
        st = self.state.project.state or {}
        return st.get("weights")

    def model(self):
        """An engine model of the document with the latest weights (None if it cannot be built)."""
        from nnstudio.project.build import build_model

        ds = self.state.dataset
        if ds is None or self.state.has_errors():
            return None
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
        """The drawing as the network's 8×8 input (0..16)."""
        pad = fit_to_box(self.pad.pad) if self.fit.isChecked() else self.pad.pad
        return reduce_pad(pad)

    def _input_row(self, reduced: np.ndarray):
        """The reduced drawing as one prepared (scaled) input row, or None if it does not fit."""
        ds = self.state.dataset
        if ds is None or ds.n_features != reduced.size:
            return None
        x = reduced.reshape(1, -1)
        prepared = self.state.prepared()
        if prepared is None:
            return None
        if prepared.scaler is not None:
            x = prepared.scaler.transform(x)
        return np.asarray(x, dtype=prepared.x_train.dtype)

    def recompute(self) -> None:
        """Reduce the pad, run the network, redraw the 8×8 view and the bars."""
        t0 = time.perf_counter()
        reduced = self.reduced()
        self.seen.setPixmap(scaled_pixmap(ink_image(reduced, 16.0), self.seen.width()))
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
        brushes = [pg.mkBrush(class_color(i) if i == best else QColor("#9ecae1"))
                   for i in range(len(probs))]
        self.bars.setOpts(x=np.arange(len(probs)), height=probs, brushes=brushes)
        names = list((self.state.dataset.class_names or [])) if self.state.dataset else []
        name = names[best] if best < len(names) else str(best)
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
