"""The image data view (objectName 'imagesPanel'): a dataset whose rows are
pictures (``Dataset.image_shape``) as a grid of thumbnails with their labels,
validation samples framed in orange, the selected sample drawn large.

Clicking a thumbnail selects that sample for the live views
(``state.select_sample``): the canvas and the activations follow it.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListView, QSizePolicy, QVBoxLayout, QWidget,
)

from nnstudio.ui.data.imagepix import sample_pixmap

#: thumbnail side in pixels, and the large preview's
THUMB, LARGE = 40, 112
#: frame colours: training samples grey, validation samples orange
TRAIN_FRAME, VAL_FRAME = "#b0b0b0", "#ff7f0e"
#: the dataset index of a grid row
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class ImageGridModel(QAbstractListModel):
    """Rows = the shown dataset indices; thumbnails are drawn on first use and cached."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.dataset = None
        self.is_val = np.zeros(0, bool)
        self.rows = np.zeros(0, np.int64)
        self._cache: dict[int, object] = {}

    def set_data(self, dataset, val_idx, rows) -> None:
        self.beginResetModel()
        if dataset is not self.dataset:
            self._cache.clear()
        self.dataset = dataset
        n = dataset.n_samples if dataset is not None else 0
        is_val = np.zeros(n, bool)
        if val_idx is not None and len(val_idx):
            is_val[np.asarray(val_idx)] = True
        if not np.array_equal(is_val, self.is_val):
            self._cache.clear()
        self.is_val = is_val
        self.rows = np.asarray(rows, dtype=np.int64)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # Qt API
        return 0 if parent.isValid() or self.dataset is None else len(self.rows)

    def label(self, i: int) -> str:
        ds = self.dataset
        if ds.task == "regression":
            return f"{ds.y[i, 0]:.3g}"
        k = int(ds.y[i])
        return ds.class_names[k] if ds.class_names and k < len(ds.class_names) else str(k)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.dataset is None or not index.isValid() or index.row() >= len(self.rows):
            return None
        i = int(self.rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(i)
        if role == Qt.ItemDataRole.DecorationRole:
            pix = self._cache.get(i)
            if pix is None:
                val = bool(self.is_val[i])
                pix = sample_pixmap(self.dataset, i, THUMB, VAL_FRAME if val else TRAIN_FRAME,
                                    2 if val else 1)
                self._cache[i] = pix
            return pix
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(VAL_FRAME) if self.is_val[i] else None
        if role == Qt.ItemDataRole.ToolTipRole:
            part = self.tr("validation") if self.is_val[i] else self.tr("training")
            return self.tr("Sample {i}: {label} ({part})").format(i=i, label=self.label(i), part=part)
        if role == INDEX_ROLE:
            return i
        return None


class ImagesPanel(QWidget):
    """Thumbnail grid + large preview of ``state.dataset`` when its rows are images."""

    #: a thumbnail was clicked: the dataset index
    sampleClicked = Signal(int)

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagesPanel")
        self.state = state
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(4)

        top = QHBoxLayout()
        self.large = QLabel()
        self.large.setObjectName("imageLarge")
        self.large.setFixedSize(LARGE, LARGE)
        self.large.setToolTip(self.tr("The selected sample, pixel by pixel: darker = more ink. "
                                      "It is the input the canvas and the activations show."))
        top.addWidget(self.large)
        side = QVBoxLayout()
        self.caption = QLabel()
        self.caption.setObjectName("imageCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        side.addWidget(self.caption)
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("imageFilter")
        self.show_combo.setToolTip(self.tr("Which samples the grid shows."))
        self.show_combo.addItem(self.tr("All samples"), "all")
        self.show_combo.addItem(self.tr("Training samples"), "train")
        self.show_combo.addItem(self.tr("Validation samples"), "val")
        self.show_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        side.addWidget(self.show_combo)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("imageClassFilter")
        self.class_combo.setToolTip(self.tr("Show only the samples of one class."))
        self.class_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        side.addWidget(self.class_combo)
        for combo in (self.show_combo, self.class_combo):  # narrow docks: let the text elide
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        side.addStretch(1)
        top.addLayout(side, 1)
        lay.addLayout(top)

        self.model = ImageGridModel(self)
        self.grid = QListView()
        self.grid.setObjectName("imageGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setIconSize(QSize(THUMB, THUMB))
        self.grid.setGridSize(QSize(THUMB + 12, THUMB + 22))
        self.grid.setSpacing(2)
        self.grid.setLayoutMode(QListView.LayoutMode.Batched)
        self.grid.setBatchSize(200)
        self.grid.setModel(self.model)
        self.grid.setToolTip(self.tr("Every sample with its label. Click one to send it through the "
                                     "network (canvas, activations). Grey frame: training sample; "
                                     "orange frame: validation sample (never trained on)."))
        self.grid.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grid.setMinimumHeight(THUMB + 26)  # one row of thumbnails
        self.grid.clicked.connect(self._on_clicked)
        self.grid.activated.connect(self._on_clicked)
        lay.addWidget(self.grid, 1)

        state.datasetChanged.connect(self.refresh)
        state.sampleChanged.connect(self._show_selected)
        self.refresh()

    # -- following the state ----------------------------------------------------------
    def _split(self):
        prepared = self.state.prepared_or_none()
        if prepared is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.asarray(prepared.train_idx), np.asarray(prepared.val_idx)

    def _fill_classes(self, ds) -> None:
        names = list(ds.class_names or []) if ds is not None and ds.task != "regression" else []
        current = self.class_combo.currentData()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("Every class"), -1)
        for k, name in enumerate(names):
            self.class_combo.addItem(self.tr("Class {name}").format(name=name), k)
        j = self.class_combo.findData(current)
        self.class_combo.setCurrentIndex(max(0, j))
        self.class_combo.setVisible(bool(names))
        self.class_combo.blockSignals(False)

    def refresh(self) -> None:
        ds = self.state.dataset
        if ds is None or not getattr(ds, "image_shape", None):
            self.model.set_data(None, None, [])
            self.large.clear()
            self.caption.setText(self.tr("This view shows datasets whose samples are images "
                                         "(e.g. the handwritten digits)."))
            return
        if self.class_combo.count() != (ds.n_classes + 1 if ds.task != "regression" else 1):
            self._fill_classes(ds)
        train_idx, val_idx = self._split()
        which = self.show_combo.currentData()
        if which == "train":
            rows = np.sort(train_idx)
        elif which == "val":
            rows = np.sort(val_idx)
        else:
            rows = np.arange(ds.n_samples)
        k = self.class_combo.currentData()
        if k is not None and k >= 0 and ds.task != "regression":
            rows = rows[ds.y[rows] == k]
        self.model.set_data(ds, val_idx, rows)
        self._show_selected(self.state.selected_sample)

    def row_of(self, index: int) -> int:
        """The grid row showing dataset sample ``index`` (-1 if it is filtered out)."""
        hits = np.flatnonzero(self.model.rows == int(index))
        return int(hits[0]) if hits.size else -1

    def _show_selected(self, index: int) -> None:
        ds = self.model.dataset
        if ds is None or not (0 <= index < ds.n_samples):
            return
        val = bool(self.model.is_val[index])
        self.large.setPixmap(sample_pixmap(ds, index, LARGE, VAL_FRAME if val else TRAIN_FRAME,
                                           3 if val else 1))
        part = self.tr("validation") if val else self.tr("training")
        h, w = ds.image_shape
        self.caption.setText(self.tr("<b>Sample {i}</b>: {label}<br>{part} sample, {h}×{w} pixels")
                             .format(i=index, label=html.escape(str(self.model.label(index))), part=part, h=h, w=w)
                             + "<br><span style='color:{c}'>▢</span> ".format(c=VAL_FRAME)
                             + self.tr("orange frame = validation"))
        row = self.row_of(index)
        if row >= 0:
            mi = self.model.index(row)
            if self.grid.currentIndex() != mi:
                self.grid.setCurrentIndex(mi)
            self.grid.scrollTo(mi)
        else:
            self.grid.clearSelection()

    def _on_clicked(self, mi) -> None:
        i = self.model.data(mi, INDEX_ROLE)
        if i is None:
            return
        self.sampleClicked.emit(int(i))
        self.state.select_sample(int(i))
