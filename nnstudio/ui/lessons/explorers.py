"""Explorer widgets for lessons 3-5: activations, losses and mini-batches.

* :class:`ActivationExplorer` plots f and f′ of any activation in the engine
  registry, with a z slider showing the values at one point.
* :class:`LossExplorer` moves a prediction against a chosen target and shows
  MSE, MAE, BCE, CCE and sparse CCE, all computed by ``nnstudio.engine.losses``.
* :class:`BatchExplorer` shows ⌈N / B⌉ and which samples form each mini-batch.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.engine import registry
from nnstudio.lessons.checks import iterations_per_epoch

Z_RANGE = 6.0
Z_STEPS = 100  # slider units per 1.0
SOFTMAX_OTHERS = (0.0, -1.0)  # the fixed logits z₂, z₃ the softmax view uses


def activation_curves(name: str, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(f(z), f′(z)) on a grid. Softmax: p₁ of the logits (z, 0, −1) and ∂p₁/∂z₁ = p₁(1 − p₁)."""
    fn = registry.get("activation", name).obj
    z = np.asarray(z, dtype=np.float64)
    if registry.get("activation", name).name == "softmax":
        logits = np.stack([z] + [np.full_like(z, v) for v in SOFTMAX_OTHERS], axis=-1)
        p = fn(logits)[..., 0]
        return p, p * (1.0 - p)
    return np.asarray(fn(z), dtype=np.float64), np.asarray(fn.derivative(z), dtype=np.float64)


class ActivationExplorer(QWidget):
    """f (solid) and f′ (dashed) of a registry activation, with a z slider."""

    def __init__(self, activation: str = "sigmoid", z: float = 0.0, parent=None):
        super().__init__(parent)
        self.setObjectName("activationExplorer")
        self.grid = np.linspace(-Z_RANGE, Z_RANGE, 241)
        self.combo = QComboBox(objectName="activationCombo")
        self.combo.addItems(registry.names("activation"))
        self.slider = QSlider(Qt.Horizontal, objectName="activationZ")
        self.slider.setRange(int(-Z_RANGE * Z_STEPS), int(Z_RANGE * Z_STEPS))
        self.formula = QLabel("", objectName="activationFormula")
        self.formula.setWordWrap(True)
        self.values = QLabel("", objectName="activationValues")
        self.plot = pg.PlotWidget(objectName="activationPlot")
        self.plot.setBackground("w")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.addLegend(offset=(10, 10))
        self.f_curve = self.plot.plot(pen=pg.mkPen("b", width=2), name="f(z)")
        self.df_curve = self.plot.plot(pen=pg.mkPen("r", width=2, style=Qt.DashLine), name="f′(z)")
        self.z_marker = pg.InfiniteLine(angle=90, pen=pg.mkPen((120, 120, 120)))
        self.f_point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush("b"))
        self.plot.addItem(self.z_marker)
        self.plot.addItem(self.f_point)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Activation:")))
        top.addWidget(self.combo)
        top.addWidget(QLabel("z"))
        top.addWidget(self.slider, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.formula)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.values)
        self.combo.currentTextChanged.connect(self._redraw)
        self.slider.valueChanged.connect(self._update_point)
        self.set_activation(activation)
        self.set_z(z)

    @property
    def activation(self) -> str:
        return self.combo.currentText()

    @property
    def z(self) -> float:
        return self.slider.value() / Z_STEPS

    def set_activation(self, name: str) -> None:
        """Show a registry activation (aliases accepted)."""
        self.combo.setCurrentText(registry.get("activation", name).name)
        self._redraw()

    def set_z(self, z: float) -> None:
        self.slider.setValue(int(round(float(np.clip(z, -Z_RANGE, Z_RANGE)) * Z_STEPS)))
        self._update_point()

    def point_values(self) -> tuple[float, float, float]:
        """(z, f(z), f′(z)) at the slider."""
        f, df = activation_curves(self.activation, np.array([self.z]))
        return self.z, float(f[0]), float(df[0])

    def _redraw(self, *_args) -> None:
        entry = registry.get("activation", self.activation)
        f, df = activation_curves(entry.name, self.grid)
        self.f_curve.setData(self.grid, f)
        self.df_curve.setData(self.grid, df)
        text = f"{entry.formula}    {entry.derivative}"
        if entry.name == "softmax":
            text += "    " + self.tr("(shown: p₁ for logits z₁ = z, z₂ = 0, z₃ = −1)")
        self.formula.setText(text)
        self._update_point()

    def _update_point(self, *_args) -> None:
        z, f, df = self.point_values()
        self.z_marker.setValue(z)
        self.f_point.setData([z], [f])
        self.values.setText(self.tr("z = {0:+.2f}    f(z) = {1:.4f}    f′(z) = {2:.4f}").format(z, f, df))


LOSS_ROWS = (
    ("mean_squared_error", "MSE"),
    ("mean_absolute_error", "MAE"),
    ("binary_crossentropy", "BCE"),
    ("categorical_crossentropy", "CCE"),
    ("sparse_categorical_crossentropy", "sparse CCE"),
)
N_CLASSES = 3


def _loss(name: str, y_true, y_pred) -> float:
    return float(registry.get("loss", name).obj()(np.asarray(y_true, dtype=np.float64),
                                                 np.asarray(y_pred, dtype=np.float64)))


@lru_cache(maxsize=16)
def _curve_table(mode: str, target: int) -> tuple[np.ndarray, list[dict]]:
    """Every loss along a grid of predictions (depends on task and label only; cached)."""
    grid = np.linspace(0.01, 0.99, 99)
    return grid, [loss_values(mode, target, g) for g in grid]


def loss_values(mode: str, target: int, p: float) -> dict[str, float | None]:
    """Every loss for one sample (None where the loss does not apply).

    binary: the model says P(class 1) = p; CCE / sparse CCE see [1 − p, p].
    multiclass: P(class 2) = p, the rest split evenly over classes 0 and 1.
    """
    if mode == "binary":
        probs = np.array([[1.0 - p, p]])
        one_hot = np.eye(2)[[target]]
        out = {
            "mean_squared_error": _loss("mean_squared_error", [[target]], [[p]]),
            "mean_absolute_error": _loss("mean_absolute_error", [[target]], [[p]]),
            "binary_crossentropy": _loss("binary_crossentropy", [[target]], [[p]]),
        }
    else:
        rest = (1.0 - p) / (N_CLASSES - 1)
        probs = np.array([[rest] * (N_CLASSES - 1) + [p]])
        one_hot = np.eye(N_CLASSES)[[target]]
        out = {
            "mean_squared_error": _loss("mean_squared_error", one_hot, probs),
            "mean_absolute_error": _loss("mean_absolute_error", one_hot, probs),
            "binary_crossentropy": None,
        }
    out["categorical_crossentropy"] = _loss("categorical_crossentropy", one_hot, probs)
    out["sparse_categorical_crossentropy"] = _loss("sparse_categorical_crossentropy", np.array([target]), probs)
    return out


class LossExplorer(QWidget):
    """Move the prediction, pick the target, watch each loss."""

    def __init__(self, mode: str = "binary", target: int = 1, prediction: float = 0.7, parent=None):
        super().__init__(parent)
        self.setObjectName("lossExplorer")
        self.mode_combo = QComboBox(objectName="lossMode")
        self.mode_combo.addItem(self.tr("binary (sigmoid output)"), "binary")
        self.mode_combo.addItem(self.tr("multi-class (softmax, 3 classes)"), "multiclass")
        self.target_combo = QComboBox(objectName="lossTarget")
        self.slider = QSlider(Qt.Horizontal, objectName="lossPrediction")
        self.slider.setRange(1, 999)
        self.pred_label = QLabel("", objectName="lossPredictionValue")
        self.table = QTableWidget(len(LOSS_ROWS), 2, objectName="lossTable")
        self.table.setHorizontalHeaderLabels([self.tr("loss"), self.tr("value")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.plot = pg.PlotWidget(objectName="lossPlot")
        self.plot.setBackground("w")
        self.plot.addLegend(offset=(10, 10))
        self.plot.setYRange(0, 5)
        self.plot.setLabel("bottom", "p")
        colors = ("b", "g", "m", "r", (255, 140, 0))
        self.curves = {name: self.plot.plot(pen=pg.mkPen(c, width=2), name=short)
                       for (name, short), c in zip(LOSS_ROWS, colors)}
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen((120, 120, 120)))
        self.plot.addItem(self.marker)
        form = QFormLayout()
        form.addRow(self.tr("Task:"), self.mode_combo)
        form.addRow(self.tr("True label:"), self.target_combo)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.pred_label)
        form.addRow(self.tr("Prediction:"), row)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.table)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(self.plot, 1)
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self.target_combo.currentIndexChanged.connect(self._refresh)
        self.slider.valueChanged.connect(self._refresh)
        self.set_mode(mode)
        self.set_target(target)
        self.set_prediction(prediction)

    @property
    def mode(self) -> str:
        return self.mode_combo.currentData()

    @property
    def target(self) -> int:
        return max(self.target_combo.currentIndex(), 0)

    @property
    def prediction(self) -> float:
        return self.slider.value() / 1000.0

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(0 if mode == "binary" else 1)
        self._on_mode()

    def set_target(self, target: int) -> None:
        self.target_combo.setCurrentIndex(int(target))

    def set_prediction(self, p: float) -> None:
        self.slider.setValue(int(round(float(np.clip(p, 0.001, 0.999)) * 1000)))

    def losses(self) -> dict[str, float | None]:
        """Current value of every loss (keys: registry loss names)."""
        return loss_values(self.mode, self.target, self.prediction)

    def _on_mode(self, *_args) -> None:
        keep = self.target_combo.currentIndex()
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        n = 2 if self.mode == "binary" else N_CLASSES
        for k in range(n):
            self.target_combo.addItem(self.tr("class {0}").format(k))
        self.target_combo.setCurrentIndex(min(max(keep, 0), n - 1))
        self.target_combo.blockSignals(False)
        self._refresh()

    def _refresh(self, *_args) -> None:
        p = self.prediction
        which = self.tr("P(class 1)") if self.mode == "binary" else self.tr("P(class 2)")
        self.pred_label.setText(f"{which} = {p:.3f}")
        values = self.losses()
        for r, (name, short) in enumerate(LOSS_ROWS):
            v = values[name]
            self.table.setItem(r, 0, QTableWidgetItem(short))
            self.table.setItem(r, 1, QTableWidgetItem("—" if v is None else f"{v:.4f}"))
        self.marker.setValue(p)
        key = (self.mode, self.target)
        if key == getattr(self, "_curve_key", None):
            return  # the curves depend on the task and label only, not on the prediction
        self._curve_key = key
        grid, table = _curve_table(self.mode, self.target)
        for name, curve in self.curves.items():
            ys = [t[name] for t in table]
            if any(y is None for y in ys):
                curve.setData([], [])
            else:
                curve.setData(grid, np.asarray(ys))


class BatchExplorer(QWidget):
    """N and B spin boxes, ⌈N / B⌉, and the samples of the current mini-batch highlighted."""

    batchChanged = Signal(int, int)  # epoch (1-based), iteration (1-based)

    def __init__(self, n: int = 100, batch_size: int = 32, seed: int = 0, parent=None):
        super().__init__(parent)
        self.setObjectName("batchExplorer")
        self.seed = int(seed)
        self.n_spin = QSpinBox(objectName="batchN")
        self.n_spin.setRange(1, 5000)
        self.b_spin = QSpinBox(objectName="batchSize")
        self.b_spin.setRange(1, 5000)
        self.shuffle = QCheckBox(self.tr("Shuffle every epoch"), objectName="batchShuffle")
        self.shuffle.setChecked(True)
        self.formula = QLabel("", objectName="batchIterations")
        self.status = QLabel("", objectName="batchStatus")
        self.next_button = QPushButton(self.tr("Next batch"), objectName="batchNext")
        self.plot = pg.PlotWidget(objectName="batchPlot")
        self.plot.setBackground("w")
        self.plot.setMouseEnabled(False, False)
        self.all_points = pg.ScatterPlotItem(size=6, brush=pg.mkBrush(190, 190, 190))
        self.batch_points = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(255, 140, 0), pen=pg.mkPen("k"))
        self.plot.addItem(self.all_points)
        self.plot.addItem(self.batch_points)
        form = QFormLayout()
        form.addRow(self.tr("Samples N:"), self.n_spin)
        form.addRow(self.tr("Batch size B:"), self.b_spin)
        form.addRow(self.shuffle)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.formula)
        left.addWidget(self.next_button)
        left.addWidget(self.status)
        left.addStretch(1)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(self.plot, 2)
        self.n_spin.setValue(int(n))
        self.b_spin.setValue(int(batch_size))
        self.n_spin.valueChanged.connect(self.restart)
        self.b_spin.valueChanged.connect(self.restart)
        self.shuffle.toggled.connect(self.restart)
        self.next_button.clicked.connect(self.next_batch)
        self.restart()

    @property
    def n(self) -> int:
        return self.n_spin.value()

    @property
    def batch_size(self) -> int:
        return self.b_spin.value()

    def iterations(self) -> int:
        return iterations_per_epoch(self.n, self.batch_size)

    def set_sizes(self, n: int, batch_size: int) -> None:
        self.n_spin.setValue(int(n))
        self.b_spin.setValue(int(batch_size))

    def restart(self, *_args) -> None:
        """Back to epoch 1, iteration 1 with new sample positions and order."""
        rng = np.random.default_rng(self.seed)
        self._xy = rng.normal(0.0, 1.0, (self.n, 2))
        self._rng = np.random.default_rng(self.seed + 1)
        self.epoch, self.iteration = 1, 1
        self._order = self._new_order()
        self.all_points.setData(self._xy[:, 0], self._xy[:, 1])
        k = self.iterations()
        last = self.n - (k - 1) * self.batch_size
        self.formula.setText(self.tr("iterations per epoch = ⌈{0} / {1}⌉ = {2}  (last batch: {3} samples)").format(
            self.n, self.batch_size, k, last))
        self._show()

    def _new_order(self) -> np.ndarray:
        return self._rng.permutation(self.n) if self.shuffle.isChecked() else np.arange(self.n)

    def current_batch(self) -> np.ndarray:
        """Indices of the samples in the current mini-batch."""
        start = (self.iteration - 1) * self.batch_size
        return self._order[start:start + self.batch_size]

    def next_batch(self) -> None:
        """Advance one iteration (a new epoch, reshuffled, after the last batch)."""
        if self.iteration >= self.iterations():
            self.epoch += 1
            self.iteration = 1
            self._order = self._new_order()
        else:
            self.iteration += 1
        self._show()

    def _show(self) -> None:
        idx = self.current_batch()
        self.batch_points.setData(self._xy[idx, 0], self._xy[idx, 1])
        self.status.setText(self.tr("epoch {0}, iteration {1} of {2}: {3} samples in this batch").format(
            self.epoch, self.iteration, self.iterations(), len(idx)))
        self.batchChanged.emit(self.epoch, self.iteration)
