"""Lesson 6: one weight's gradient through the chain rule, with real numbers.

:class:`ChainRuleView` holds a tiny 2-2-1 sigmoid network (engine
``Sequential``, binary cross-entropy, SGD) and the four XOR samples as one
batch. For a chosen kernel entry it tabulates, per sample, every factor of
the chain rule and their product; the batch mean of the products is the
gradient. Beside it: the engine's backprop gradient
(``model.compute_gradients``), a central finite-difference estimate, and the
SGD update w ← w − η·∂L/∂w (``model.preview_update``), which "Apply update"
performs on all weights.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from nnstudio import engine

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
Y = np.array([[0], [1], [1], [0]], dtype=np.float64)


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ChainRuleView(QWidget):
    """Chain-rule factors, backprop gradient, finite difference and SGD update for one weight."""

    updated = Signal(float)  # batch loss after "Apply update"

    def __init__(self, layer: int = 0, row: int = 0, col: int = 0, seed: int = 1,
                 learning_rate: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("chainRuleView")
        self.model = engine.Sequential([engine.Input(shape=(2,)), engine.Dense(2, activation="sigmoid"),
                                        engine.Dense(1, activation="sigmoid")], seed=seed, dtype="float64")
        self.model.compile(optimizer=engine.SGD(learning_rate=learning_rate), loss="binary_crossentropy")
        self.model.build(2)
        self.weight_combo = QComboBox(objectName="chainRuleWeight")
        for li, (rows, cols) in enumerate(((2, 2), (2, 1))):
            for r in range(rows):
                for c in range(cols):
                    label = (f"W¹[{r},{c}]: x{r + 1} → h{c + 1}" if li == 0 else f"W²[{r},{c}]: h{r + 1} → ŷ")
                    self.weight_combo.addItem(label, (li, r, c))
        self.lr_spin = QDoubleSpinBox(objectName="chainRuleLr")
        self.lr_spin.setRange(0.001, 10.0)
        self.lr_spin.setDecimals(3)
        self.lr_spin.setSingleStep(0.1)
        self.lr_spin.setValue(learning_rate)
        self.formula = QLabel("", objectName="chainRuleFormula")
        self.formula.setWordWrap(True)
        self.table = QTableWidget(0, 0, objectName="chainRuleTable")
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.backprop_label = QLabel("", objectName="chainRuleBackprop")
        self.fd_label = QLabel("", objectName="chainRuleFiniteDiff")
        self.update_label = QLabel("", objectName="chainRuleUpdate")
        self.apply_button = QPushButton(self.tr("Apply update"), objectName="chainRuleApply")
        form = QFormLayout()
        form.addRow(self.tr("Weight:"), self.weight_combo)
        form.addRow(self.tr("Learning rate η:"), self.lr_spin)
        side = QHBoxLayout()
        side.addWidget(self.backprop_label)
        side.addWidget(self.fd_label)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.formula)
        lay.addWidget(self.table, 1)
        lay.addLayout(side)
        lay.addWidget(self.update_label)
        lay.addWidget(self.apply_button)
        self.weight_combo.currentIndexChanged.connect(self.refresh)
        self.lr_spin.valueChanged.connect(self._on_lr)
        self.apply_button.clicked.connect(self.apply_update)
        self.select_weight(layer, row, col)

    # ------------------------------------------------------------------ math
    @property
    def selected(self) -> tuple[int, int, int]:
        return self.weight_combo.currentData()

    def select_weight(self, layer: int, row: int, col: int) -> None:
        """Choose kernel entry [row, col] of Dense layer ``layer`` (0 = hidden, 1 = output)."""
        for i in range(self.weight_combo.count()):
            if self.weight_combo.itemData(i) == (layer, row, col):
                self.weight_combo.setCurrentIndex(i)
                self.refresh()
                return
        raise ValueError(f"no kernel entry layer={layer} row={row} col={col} in the 2-2-1 network")

    def _weight_index(self) -> int:
        return 0 if self.selected[0] == 0 else 2  # get_weights(): [W1, b1, W2, b2]

    def loss(self) -> float:
        return float(self.model.compute_gradients(X, Y)[0])

    def factors(self) -> tuple[list[str], np.ndarray]:
        """(column names, per-sample factor matrix); the last column is the per-sample product."""
        w1, b1, w2, b2 = self.model.get_weights()
        h = _sigmoid(X @ w1 + b1)
        yhat = _sigmoid(h @ w2 + b2)[:, 0]
        y = Y[:, 0]
        dl_dy = -(y / yhat) + (1.0 - y) / (1.0 - yhat)
        dy_dz = yhat * (1.0 - yhat)
        layer, r, c = self.selected
        if layer == 1:
            names = ["∂ℓ/∂ŷ", "∂ŷ/∂z_out", f"∂z_out/∂w = h{r + 1}"]
            cols = [dl_dy, dy_dz, h[:, r]]
        else:
            names = ["∂ℓ/∂ŷ", "∂ŷ/∂z_out", f"∂z_out/∂h{c + 1} = W²[{c},0]", f"∂h{c + 1}/∂z{c + 1}",
                     f"∂z{c + 1}/∂w = x{r + 1}"]
            cols = [dl_dy, dy_dz, np.full(4, w2[c, 0]), h[:, c] * (1.0 - h[:, c]), X[:, r]]
        mat = np.stack(cols, axis=1)
        return names + [self.tr("product")], np.column_stack([mat, np.prod(mat, axis=1)])

    def chain_rule_gradient(self) -> float:
        """Mean over the batch of the per-sample chain-rule products."""
        return float(np.mean(self.factors()[1][:, -1]))

    def backprop_gradient(self) -> float:
        """∂L/∂w from the engine's backward pass."""
        _, r, c = self.selected
        return float(self.model.compute_gradients(X, Y)[1][self._weight_index()][r, c])

    def finite_difference(self, eps: float = 1e-4) -> float:
        """[L(w + ε) − L(w − ε)] / (2ε), the weights restored afterwards."""
        weights = self.model.get_weights()
        i = self._weight_index()
        _, r, c = self.selected
        losses = []
        for sign in (1.0, -1.0):
            trial = [w.copy() for w in weights]
            trial[i][r, c] += sign * eps
            self.model.set_weights(trial)
            losses.append(self.loss())
        self.model.set_weights(weights)
        return (losses[0] - losses[1]) / (2.0 * eps)

    def weight_value(self) -> float:
        _, r, c = self.selected
        return float(self.model.get_weights()[self._weight_index()][r, c])

    def apply_update(self) -> float:
        """One SGD step on all weights (w ← w − η·∂L/∂w); returns the new batch loss."""
        _, grads = self.model.compute_gradients(X, Y)
        deltas = self.model.preview_update(grads)
        self.model.set_weights([w + d for w, d in zip(self.model.get_weights(), deltas)])
        self.refresh()
        loss = self.loss()
        self.updated.emit(loss)
        return loss

    # ------------------------------------------------------------------ view
    def _on_lr(self, value: float) -> None:
        self.model.optimizer.learning_rate = float(value)
        self.refresh()

    def refresh(self, *_args) -> None:
        names, mat = self.factors()
        self.table.clear()
        self.table.setColumnCount(len(names) + 1)
        self.table.setRowCount(len(mat))
        self.table.setHorizontalHeaderLabels(["(x₁, x₂) → y"] + names)
        for r in range(len(mat)):
            self.table.setItem(r, 0, QTableWidgetItem(f"({int(X[r, 0])}, {int(X[r, 1])}) → {int(Y[r, 0])}"))
            for c, v in enumerate(mat[r]):
                self.table.setItem(r, c + 1, QTableWidgetItem(f"{v:+.5f}"))
        self.formula.setText("∂L/∂w = (1/4) Σ " + " · ".join(n.split(" = ")[0] for n in names[:-1]))
        g_chain, g_bp, g_fd = self.chain_rule_gradient(), self.backprop_gradient(), self.finite_difference()
        self.backprop_label.setText(self.tr("backprop: ∂L/∂w = {0:+.6f}  (chain rule: {1:+.6f})").format(g_bp, g_chain))
        self.fd_label.setText(self.tr("finite difference (ε = 1e-4): {0:+.6f}").format(g_fd))
        _, grads = self.model.compute_gradients(X, Y)
        _, r, c = self.selected
        delta = float(self.model.preview_update(grads)[self._weight_index()][r, c])
        w = self.weight_value()
        self.update_label.setText(self.tr("w ← w − η·∂L/∂w:  {0:+.5f} {1:+.5f} = {2:+.5f}   (batch loss {3:.5f})").format(
            w, delta, w + delta, self.loss()))
