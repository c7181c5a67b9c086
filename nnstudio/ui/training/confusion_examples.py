"""The 'confusion_examples' dock (objectName 'confusionExamplesPanel'): click a
cell of the confusion matrix and see the samples in it, as images for an
image dataset (as rows otherwise).  Clicking an example selects that sample
for the live views.

The hook is the confusion table's own ``cellClicked(row, column)`` signal:
row = true class, column = predicted class, computed on the same rows as the
matrix (the validation split, or the training set without one).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from nnstudio.ui.data.imagepix import sample_pixmap
from nnstudio.session.probes import label_of, predicted_labels

#: thumbnail side, and the most examples listed
THUMB, MAX_EXAMPLES = 48, 200
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


def cell_members(model, prepared, true_class: int, pred_class: int):
    """Dataset indices, and the predicted class's probability, of the rows in cell (true, pred)."""
    if len(prepared.val_idx):
        x, y, idx = prepared.x_val, prepared.y_val, prepared.val_idx
    else:
        x, y, idx = prepared.x_train, prepared.y_train, prepared.train_idx
    if not len(x):
        return np.zeros(0, np.int64), np.zeros(0)
    out = np.asarray(model(x))
    pred = predicted_labels(out)
    true = label_of(y)
    hit = (true == true_class) & (pred == pred_class)
    if out.shape[1] == 1:
        p = out[:, 0] if pred_class == 1 else 1.0 - out[:, 0]
    else:
        p = out[:, min(pred_class, out.shape[1] - 1)]
    order = np.argsort(-p[hit], kind="stable")  # the most confident mistakes first
    return np.asarray(idx)[hit][order], np.asarray(p[hit], dtype=np.float64)[order]


class ConfusionExamplesPanel(QWidget):
    """The samples of one confusion-matrix cell (see module docstring)."""

    def __init__(self, controller, confusion_panel=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionExamplesPanel")
        self.controller = controller
        self.state = controller.state
        self.cell: tuple[int, int] | None = None
        self.indices = np.zeros(0, np.int64)
        self._last_refresh = 0.0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.info = QLabel()
        self.info.setObjectName("confusionExamplesInfo")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.list = QListWidget()
        self.list.setObjectName("confusionExamplesList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 22, THUMB + 24))
        self.list.setUniformItemSizes(True)
        self.list.itemClicked.connect(self._on_item)
        lay.addWidget(self.list, 1)
        if confusion_panel is not None:
            confusion_panel.table.cellClicked.connect(self.show_cell)
        controller.snapshotChanged.connect(self._on_snapshot)
        controller.finished.connect(lambda _reason: self.refresh())
        self.state.datasetChanged.connect(self._reset)
        self.state.projectReplaced.connect(self._reset)
        self._reset()

    def _reset(self) -> None:
        self.cell = None
        self.indices = np.zeros(0, np.int64)
        self.list.clear()
        ds = self.state.dataset
        if ds is None or ds.task == "regression":
            self.info.setText(self.tr("For classification datasets: click a cell of the confusion "
                                      "matrix to see its samples."))
        else:
            self.info.setText(self.tr("Click a cell of the confusion matrix to see its samples "
                                      "(off the diagonal: the mistakes)."))

    def _on_snapshot(self, _snap) -> None:
        if self.cell is None:
            return
        now = time.perf_counter()
        if now - self._last_refresh >= 0.5:  # at most twice a second while training runs
            self.refresh()

    def show_cell(self, true_class: int, pred_class: int) -> None:
        """List the samples of true class ``true_class`` predicted as ``pred_class``."""
        self.cell = (int(true_class), int(pred_class))
        self.refresh()

    def class_name(self, k: int) -> str:
        names = list(self.state.dataset.class_names or [])
        return names[k] if 0 <= k < len(names) else str(k)

    def refresh(self) -> None:
        self._last_refresh = time.perf_counter()
        if self.cell is None:
            return
        ds = self.state.dataset
        prepared = self.state.prepared_or_none()
        model = self.controller.view_model() if prepared is not None else None
        if model is None or ds.task == "regression":
            self._reset()
            return
        t, p = self.cell
        try:
            idx, probs = cell_members(model, prepared, t, p)
        except Exception:
            self._reset()
            return
        self.indices = idx
        where = self.tr("validation") if len(prepared.val_idx) else self.tr("training")
        tn, pn = self.class_name(t), self.class_name(p)
        if t == p:
            text = self.tr("{n} {where} samples of {true} recognised correctly.")
        else:
            text = self.tr("{n} {where} samples of {true} taken for {pred}, most confident first.")
        text = text.format(n=len(idx), where=where, true=tn, pred=pn)
        if len(idx) > MAX_EXAMPLES:
            text += " " + self.tr("The first {m} are shown.").format(m=MAX_EXAMPLES)
        self.info.setText(text)
        self.list.clear()
        image = bool(getattr(ds, "image_shape", None))
        for i, prob in zip(idx[:MAX_EXAMPLES], probs[:MAX_EXAMPLES]):
            i = int(i)
            item = QListWidgetItem(f"#{i} {prob:.0%}")
            if image:
                item.setIcon(sample_pixmap(ds, i, THUMB))
            item.setData(INDEX_ROLE, i)
            item.setToolTip(self.tr("Sample {i}: a {true}; the network says {pred} with p = {p:.3f}. "
                                    "Click to select it.").format(i=i, true=tn, pred=pn, p=prob))
            self.list.addItem(item)

    def _on_item(self, item) -> None:
        i = item.data(INDEX_ROLE)
        if i is not None:
            self.state.select_sample(int(i))
