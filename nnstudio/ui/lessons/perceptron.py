"""Lesson 1 interactions: a single perceptron with sliders, and XOR composed of gates.

:class:`PerceptronWidget` shows one step neuron on the four inputs of a
logic gate: sliders for w₁, w₂, b, a truth table whose rows light up green
(right) or red (wrong), and a pyqtgraph plot of the four points with the
decision line w₁x₁ + w₂x₂ + b = 0. "Train one step" / "Train" run
:class:`nnstudio.engine.Perceptron` sample by sample (its ``iter_updates``
iterator) on a QTimer, so the line visibly moves.

:class:`GateComposerWidget` shows XOR = AND(NAND(x₁, x₂), OR(x₁, x₂)) with the
intermediate columns, and the points re-drawn in the (NAND, OR) plane where a
single line separates them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from nnstudio import engine

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
GATES = ("AND", "NAND", "OR", "XOR")
GOOD = QColor(170, 230, 170)
BAD = QColor(240, 170, 170)
SCALE = 20  # slider units per 1.0 (steps of 0.05)
LIMIT = 3.0


def gate_targets(gate: str) -> np.ndarray:
    """The gate's outputs for the four inputs (0,0), (0,1), (1,0), (1,1)."""
    fn = {"AND": engine.AND, "NAND": engine.NAND, "OR": engine.OR, "XOR": engine.XOR}[gate.upper()]
    return np.asarray(fn(INPUTS[:, 0], INPUTS[:, 1]), dtype=np.int64)


def decision_line(w1: float, w2: float, b: float, lo: float = -0.5, hi: float = 1.5):
    """Two end points of w1·x1 + w2·x2 + b = 0 inside [lo, hi]²; empty arrays if there is no line."""
    if abs(w2) > 1e-12:
        xs = np.array([lo, hi])
        return xs, -(w1 * xs + b) / w2
    if abs(w1) > 1e-12:
        x = -b / w1
        return np.array([x, x]), np.array([lo, hi])
    return np.array([]), np.array([])


def _plot(name: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    plot.setBackground("w")
    plot.setXRange(-0.5, 1.5, padding=0)
    plot.setYRange(-0.5, 1.5, padding=0)
    plot.setAspectLocked(True)
    plot.showGrid(x=True, y=True, alpha=0.3)
    plot.setMouseEnabled(False, False)
    return plot


class PerceptronWidget(QWidget):
    """One step neuron on a logic gate, set by hand or trained with the perceptron rule."""

    completed = Signal()  # all rows right (manual) or training finished as the step expects
    trainingFinished = Signal(bool, int)  # converged, epochs run

    def __init__(self, gate: str = "AND", w1: float = 0.0, w2: float = 0.0, b: float = 0.0,
                 mode: str = "manual", learning_rate: float = 0.1, max_epochs: int = 50,
                 interval_ms: int = 120, parent=None):
        super().__init__(parent)
        self.setObjectName("perceptronWidget")
        self.mode = mode
        self.learning_rate = float(learning_rate)
        self.max_epochs = int(max_epochs)
        self.history: list[int] = []
        self.converged: bool | None = None
        self._updates = None
        self._perceptron = None
        self._updating = False

        self.gate_combo = QComboBox(objectName="perceptronGate")
        self.gate_combo.addItems(list(GATES))
        self.sliders = {}
        self.value_labels = {}
        grid = QGridLayout()
        for row, (key, text) in enumerate((("w1", "w₁"), ("w2", "w₂"), ("b", "b"))):
            s = QSlider(Qt.Horizontal, objectName=f"perceptron{key.upper() if key == 'b' else key.capitalize()}")
            s.setRange(int(-LIMIT * SCALE), int(LIMIT * SCALE))
            s.valueChanged.connect(self._on_slider)
            lab = QLabel("0.00", objectName=f"perceptron{key}Value")
            lab.setMinimumWidth(48)
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(s, row, 1)
            grid.addWidget(lab, row, 2)
            self.sliders[key], self.value_labels[key] = s, lab
        self.table = QTableWidget(4, 5, objectName="perceptronTable")
        self.table.setHorizontalHeaderLabels(["x₁", "x₂", "z", self.tr("output"), self.tr("target")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.plot = _plot("perceptronPlot")
        self.points = pg.ScatterPlotItem(size=16)
        self.decision_curve = pg.PlotDataItem(pen=pg.mkPen("b", width=2))
        self.plot.addItem(self.points)
        self.plot.addItem(self.decision_curve)
        self.step_button = QPushButton(self.tr("Train one step"), objectName="perceptronStep")
        self.train_button = QPushButton(self.tr("Train"), objectName="perceptronTrain")
        self.reset_button = QPushButton(self.tr("Reset"), objectName="perceptronReset")
        self.status = QLabel("", objectName="perceptronStatus")
        self.status.setWordWrap(True)
        self.timer = QTimer(self, objectName="perceptronTimer")
        self.timer.setInterval(int(interval_ms))
        self.timer.timeout.connect(self._tick)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Gate:")))
        top.addWidget(self.gate_combo)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for w in (self.step_button, self.train_button, self.reset_button):
            buttons.addWidget(w)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addLayout(grid)
        left.addWidget(self.table)
        left.addLayout(buttons)
        left.addWidget(self.status)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(self.plot, 1)

        self.gate_combo.currentTextChanged.connect(self._on_gate)
        self.step_button.clicked.connect(self.train_step)
        self.train_button.clicked.connect(self.toggle_training)
        self.reset_button.clicked.connect(lambda: self.set_weights(0.0, 0.0, 0.0))
        self.set_gate(gate)
        self.set_weights(w1, w2, b)

    # ---------------------------------------------------------------- state
    @property
    def gate(self) -> str:
        return self.gate_combo.currentText()

    def set_gate(self, gate: str) -> None:
        """Choose AND, NAND, OR or XOR (stops any training)."""
        self.gate_combo.setCurrentText(gate.upper())
        self._on_gate()

    def weights(self) -> tuple[float, float, float]:
        return self._w1, self._w2, self._b

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        """Set w₁, w₂, b (sliders follow, clipped to their range for display)."""
        self._w1, self._w2, self._b = float(w1), float(w2), float(b)
        self._updating = True
        for key, v in zip(("w1", "w2", "b"), (w1, w2, b)):
            self.sliders[key].setValue(int(round(np.clip(v, -LIMIT, LIMIT) * SCALE)))
        self._updating = False
        self._refresh()

    def targets(self) -> np.ndarray:
        return gate_targets(self.gate)

    def outputs(self) -> np.ndarray:
        """The neuron's 0/1 outputs for the four inputs (step: 1 when z > 0)."""
        z = INPUTS @ np.array([self._w1, self._w2]) + self._b
        return (z > 0).astype(np.int64)

    def rows_correct(self) -> list[bool]:
        return [bool(v) for v in self.outputs() == self.targets()]

    def all_correct(self) -> bool:
        return all(self.rows_correct())

    # -------------------------------------------------------------- training
    def _ensure_iterator(self) -> None:
        if self._updates is None:
            self._perceptron = engine.Perceptron(2, learning_rate=self.learning_rate)
            self._perceptron.weights = np.array([self._w1, self._w2], dtype=float)
            self._perceptron.bias = float(self._b)
            self._updates = self._perceptron.iter_updates(INPUTS, self.targets(), max_epochs=self.max_epochs)
            self.history = []
            self.converged = None

    def train_step(self) -> bool:
        """Apply the perceptron rule to the next sample; False once training has ended."""
        self._ensure_iterator()
        try:
            epoch, index, w, b, err = next(self._updates)
        except StopIteration:
            self._finish()
            return False
        self.set_weights(w[0], w[1], b)
        self.history = list(self._perceptron.history)
        x = INPUTS[index].astype(int)
        self.status.setText(self.tr("epoch {0}, sample ({1}, {2}): error {3:+d}").format(
            epoch + 1, x[0], x[1], int(err)))
        return True

    def toggle_training(self) -> None:
        if self.timer.isActive():
            self.stop_training()
        else:
            self.start_training()

    def start_training(self) -> None:
        self._ensure_iterator()
        self.train_button.setText(self.tr("Pause"))
        self.timer.start()

    def stop_training(self) -> None:
        self.timer.stop()
        self.train_button.setText(self.tr("Train"))

    def run_to_end(self) -> None:
        """Train synchronously until the rule converges or max epochs pass."""
        while self.train_step():
            pass

    def _tick(self) -> None:
        if not self.train_step():
            self.stop_training()

    def _finish(self) -> None:
        self.stop_training()
        p = self._perceptron
        self.history = list(p.history) if p is not None else []
        self.converged = bool(p.converged) if p is not None else False
        epochs = len(self.history)
        if self.converged:
            self.status.setText(self.tr("Converged: no mistakes in epoch {0}.").format(epochs))
        else:
            self.status.setText(self.tr("After {0} epochs there are still {1} mistake(s) per epoch: "
                                        "the line never settles.").format(epochs, self.history[-1] if self.history else 0))
        self._updates = None
        self.trainingFinished.emit(self.converged, epochs)
        if self.converged or self.gate == "XOR":
            self.completed.emit()

    # ------------------------------------------------------------------ view
    def _on_gate(self, *_args) -> None:
        self.stop_training()
        self._updates = None
        self.history = []
        self.converged = None
        self.status.setText("")
        if hasattr(self, "_w1"):
            self._refresh()

    def _on_slider(self, *_args) -> None:
        if self._updating:
            return
        self._updates = None  # hand edits restart the rule from the new weights
        self._w1, self._w2, self._b = (self.sliders[k].value() / SCALE for k in ("w1", "w2", "b"))
        self._refresh()
        if self.mode == "manual" and self.all_correct():
            self.completed.emit()

    def _refresh(self) -> None:
        for key, v in zip(("w1", "w2", "b"), self.weights()):
            self.value_labels[key].setText(f"{v:+.2f}")
        z = INPUTS @ np.array([self._w1, self._w2]) + self._b
        out, target = self.outputs(), self.targets()
        for r in range(4):
            cells = [str(int(INPUTS[r, 0])), str(int(INPUTS[r, 1])), f"{z[r]:+.2f}", str(out[r]), str(target[r])]
            color = GOOD if out[r] == target[r] else BAD
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignCenter)
                item.setBackground(QBrush(color))
                self.table.setItem(r, c, item)
        brushes = [pg.mkBrush(40, 160, 40) if t else pg.mkBrush(220, 60, 60) for t in target]
        pens = [pg.mkPen("k", width=3 if o != t else 1) for o, t in zip(out, target)]
        self.points.setData(x=INPUTS[:, 0], y=INPUTS[:, 1], brush=brushes, pen=pens)
        xs, ys = decision_line(self._w1, self._w2, self._b)
        self.decision_curve.setData(xs, ys)

    def closeEvent(self, event):  # noqa: N802 (Qt name)
        self.stop_training()
        super().closeEvent(event)


class GateComposerWidget(QWidget):
    """XOR built from gates: the table with NAND and OR columns, and the (NAND, OR) plane."""

    COLUMNS = ("x₁", "x₂", "NAND(x₁, x₂)", "OR(x₁, x₂)", "AND(NAND, OR)", "XOR")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gateComposer")
        self.table = QTableWidget(4, len(self.COLUMNS), objectName="gateComposerTable")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.result = QLabel("", objectName="gateComposerResult")
        self.plot = _plot("gateComposerPlot")
        self.plot.setLabel("bottom", "NAND")
        self.plot.setLabel("left", "OR")
        self.points = pg.ScatterPlotItem(size=16)
        self.and_line = pg.PlotDataItem(pen=pg.mkPen("b", width=2))
        self.plot.addItem(self.points)
        self.plot.addItem(self.and_line)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("XOR(x₁, x₂) = AND(NAND(x₁, x₂), OR(x₁, x₂))")))
        left.addWidget(self.table)
        left.addWidget(self.result)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 3)
        lay.addWidget(self.plot, 2)
        self._fill()

    def columns(self) -> dict[str, np.ndarray]:
        """Every column of the table as an int array (keys: x1, x2, nand, or, and, xor)."""
        x1, x2 = INPUTS[:, 0], INPUTS[:, 1]
        nand = np.asarray(engine.NAND(x1, x2), dtype=np.int64)
        or_ = np.asarray(engine.OR(x1, x2), dtype=np.int64)
        return {"x1": x1.astype(np.int64), "x2": x2.astype(np.int64), "nand": nand, "or": or_,
                "and": np.asarray(engine.AND(nand, or_), dtype=np.int64), "xor": gate_targets("XOR")}

    def composed_matches(self) -> bool:
        c = self.columns()
        return bool(np.array_equal(c["and"], c["xor"]))

    def _fill(self) -> None:
        c = self.columns()
        keys = ("x1", "x2", "nand", "or", "and", "xor")
        for r in range(4):
            ok = c["and"][r] == c["xor"][r]
            for col, key in enumerate(keys):
                item = QTableWidgetItem(str(int(c[key][r])))
                item.setTextAlignment(Qt.AlignCenter)
                if key in ("and", "xor"):
                    item.setBackground(QBrush(GOOD if ok else BAD))
                self.table.setItem(r, col, item)
        n_ok = int(np.sum(c["and"] == c["xor"]))
        self.result.setText(self.tr("{0} of 4 rows match XOR.").format(n_ok))
        brushes = [pg.mkBrush(40, 160, 40) if t else pg.mkBrush(220, 60, 60) for t in c["xor"]]
        self.points.setData(x=c["nand"].astype(float), y=c["or"].astype(float), brush=brushes)
        w = engine.AND.weights
        xs, ys = decision_line(w[0], w[1], engine.AND.bias)
        self.and_line.setData(xs, ys)
