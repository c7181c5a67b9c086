"""The 'confusion' dock (classification): the confusion matrix on the validation
split (or the training set when there is no split), refreshed as training runs
(at most every live interval, and always at the end)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ConfusionPanel(QWidget):
    """A table: rows = true class, columns = predicted class (objectName 'confusionPanel')."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionPanel")
        self.controller = controller
        self.state = controller.state
        self.info = QLabel(self)
        self.info.setObjectName("confusionInfo")
        self.info.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("confusionTable")
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(self.table, 1)
        self.matrix: np.ndarray | None = None
        controller.snapshotChanged.connect(self.update_snapshot)
        self.state.datasetChanged.connect(self.reset)
        self.state.projectReplaced.connect(self.reset)
        self._describe()

    def reset(self) -> None:
        """Forget the last matrix (another dataset may have another number of classes)."""
        self.matrix = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self._describe()

    def _describe(self) -> None:
        ds = self.state.dataset
        if ds is None or ds.task == "regression":
            self.info.setText(self.tr("The confusion matrix is for classification datasets."))
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.matrix = None
            return
        split = float(self.state.project.training.get("validation_split") or 0.0)
        if split > 0:
            self.info.setText(self.tr("On the validation split: rows = true class, columns = predicted class."))
        else:
            self.info.setText(self.tr("On the training set (no validation split): rows = true class, "
                                      "columns = predicted class."))

    def update_snapshot(self, snap) -> None:
        if snap is None or snap.confusion is None:
            return
        ds = self.state.dataset
        if ds is None or ds.task == "regression":
            return
        m = np.asarray(snap.confusion)
        self.matrix = m
        k = m.shape[0]
        names = list(ds.class_names or [])[:k] + [str(i) for i in range(len(ds.class_names or []), k)]
        if self.table.rowCount() != k:
            self.table.setRowCount(k)
            self.table.setColumnCount(k)
            true_text, pred_text = self.tr("true {name}"), self.tr("pred {name}")
            self.table.setVerticalHeaderLabels([true_text.format(name=n) for n in names])
            self.table.setHorizontalHeaderLabels([pred_text.format(name=n) for n in names])
        row_sums = np.maximum(m.sum(axis=1), 1)
        for t in range(k):
            for p in range(k):
                item = self.table.item(t, p)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignCenter)
                    self.table.setItem(t, p, item)
                item.setText(str(int(m[t, p])))
                share = m[t, p] / row_sums[t]
                base = (44, 160, 44) if t == p else (214, 39, 40)
                item.setBackground(QBrush(QColor(*base, int(30 + 170 * share))))
        total = int(m.sum())
        acc = float(np.trace(m)) / total if total else 0.0
        self._describe()
        self.info.setText(self.info.text() + " "
                          + self.tr("Accuracy {accuracy:.1%} on {total} samples.").format(accuracy=acc, total=total))
