"""The data view (objectName 'dataView'): the dataset as a picture or a table.

* 2 features: a pyqtgraph scatter of x1 against x2, coloured by class (or by
  target value for regression); training points filled, validation points
  hollow; the selected sample ringed; the current mini-batch marked.
  Clicking a point selects that sample (``state.select_sample``).
* 1 feature: x against the target (regression) or the class number.
* more features: per-column statistics and a table of the rows.
"""

from __future__ import annotations

import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QSplitter, QStackedWidget, QTableView, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from nnstudio.data.drawn import is_drawn
from nnstudio.ui.data.common import class_color, plot_coords, point_colors, task_label, value_colors
from nnstudio.ui.pointcap import quantise, split_budget, subset
from nnstudio.ui.i18n import tr_dataset
from nnstudio.ui.plotstyle import plain_axes

SCATTER, XY, TABLE, EMPTY = "scatter", "xy", "table", "empty"


class RowsModel(QAbstractTableModel):
    """Read-only table of a dataset's rows: features, target(s) and train/validation."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.dataset = None
        self.is_val = np.zeros(0, bool)

    def set_dataset(self, dataset, val_idx) -> None:
        self.beginResetModel()
        self.dataset = dataset
        self.is_val = np.zeros(dataset.n_samples if dataset is not None else 0, bool)
        if dataset is not None and val_idx is not None and len(val_idx):
            self.is_val[np.asarray(val_idx)] = True
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # Qt API
        if (parent is not None and parent.isValid()) or self.dataset is None:
            return 0
        return self.dataset.n_samples

    def columnCount(self, parent=None) -> int:  # Qt API
        if (parent is not None and parent.isValid()) or self.dataset is None:
            return 0
        return self.dataset.n_features + len(self.dataset.target_names) + 1

    def _target_count(self) -> int:
        return len(self.dataset.target_names)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.dataset is None or not index.isValid():
            return None
        ds, i, j = self.dataset, index.row(), index.column()
        d = ds.n_features
        if j < d:
            return f"{ds.x[i, j]:.4g}"
        j -= d
        if j < self._target_count():
            if ds.task == "regression":
                return f"{ds.y[i, j]:.4g}"
            k = int(ds.y[i])
            name = ds.class_names[k] if ds.class_names else str(k)
            return f"{name} ({k})" if name != str(k) else name
        return self.tr("validation") if self.is_val[i] else self.tr("train")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.dataset is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section)
        names = list(self.dataset.feature_names) + list(self.dataset.target_names) + [self.tr("set")]
        return names[section] if section < len(names) else None


class DataView(QWidget):
    """Scatter or table of ``state.dataset`` that follows selection and mini-batches."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataView")
        self.state = state
        self.mode = EMPTY
        self.coords: tuple[np.ndarray, np.ndarray] | None = None
        self.train_idx = np.zeros(0, np.int64)
        self.val_idx = np.zeros(0, np.int64)
        self.batch_idx = np.zeros(0, np.int64)
        self._stale = False
        self._square_memo: tuple = (None, False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.info = QLabel()
        self.info.setObjectName("dataViewInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)  # file names and column names come from files
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.stack = QStackedWidget()
        self.stack.setObjectName("dataViewStack")
        layout.addWidget(self.stack, 1)

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("dataScatter")
        self.plot.setBackground("w")
        plain_axes(self.plot)  # "x1 (x0.001)" with ticks −500…500 puzzled learners: plain units
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.train_item = pg.ScatterPlotItem(size=8, pen=pg.mkPen(None), symbol="o")
        self.val_item = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(None), symbol="o")
        self.batch_item = pg.ScatterPlotItem(size=13, pen=pg.mkPen("#ffb000", width=2), brush=pg.mkBrush(None))
        self.selected_item = pg.ScatterPlotItem(size=18, pen=pg.mkPen("k", width=2.5), brush=pg.mkBrush(None))
        for item in (self.train_item, self.val_item, self.batch_item, self.selected_item):
            self.plot.addItem(item)
        self.batch_item.setZValue(5)
        self.selected_item.setZValue(10)
        self.train_item.sigClicked.connect(self.on_points_clicked)
        self.val_item.sigClicked.connect(self.on_points_clicked)
        self.stack.addWidget(self.plot)

        split = QSplitter(Qt.Orientation.Vertical)
        self.stats_table = QTableWidget()
        self.stats_table.setObjectName("dataStatsTable")
        self.stats_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_model = RowsModel(self)
        self.rows_table = QTableView()
        self.rows_table.setObjectName("dataRowsTable")
        self.rows_table.setModel(self.rows_model)
        self.rows_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows_table.clicked.connect(lambda index: self.state.select_sample(index.row()))
        split.addWidget(self.stats_table)
        split.addWidget(self.rows_table)
        self.stack.addWidget(split)

        self.message = QLabel()
        self.message.setObjectName("dataViewMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # CSV errors quote the file's cells
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.message)

        state.datasetChanged.connect(self.refresh)
        state.projectReplaced.connect(self.refresh)
        state.sampleChanged.connect(self._show_selected)
        state.batchChanged.connect(self.show_batch)
        from nnstudio.ui.data.drawmode import DrawTool

        self.draw_tool = DrawTool(self)  # draw your own 2-D data (tool bar above the scatter)
        self.refresh()

    # -- whole refresh ------------------------------------------------------------
    def _unseen(self) -> bool:
        """True when the window is shown but this view is not (a closed or tabbed-away dock)."""
        return self.window().isVisible() and not self.isVisible()

    def showEvent(self, event) -> None:  # Qt API
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw everything from ``state.dataset`` and the current split (when next shown if unseen now)."""
        if self._unseen():
            self._stale = True  # nobody sees it: draw the new data when the view is shown again
            return
        self._stale = False
        ds = self.state.dataset
        self.batch_idx = np.zeros(0, np.int64)
        self.drawn = ds.n_samples if ds is not None else 0
        if ds is None:
            self.mode, self.coords = EMPTY, None
            if getattr(self.state, "dataset_pending", False):
                self.message.setText(self.tr("Preparing the data… (a large dataset is generated, split and "
                                             "scaled in the background; the window stays usable)"))
            else:
                self.message.setText(self.tr("No data to show: {0}").format(self.state.dataset_error
                                                                            or self.tr("no dataset")))
            self.stack.setCurrentWidget(self.message)
            self.info.clear()
            self._clear_items()
            return
        try:
            prep = self.state.prepared()
            self.train_idx, self.val_idx = np.asarray(prep.train_idx), np.asarray(prep.val_idx)
        except Exception:  # an impossible split: show every point as training data
            self.train_idx, self.val_idx = np.arange(ds.n_samples), np.zeros(0, np.int64)
        self.coords = plot_coords(ds)
        if self.coords is None:
            self.mode = TABLE
            self._fill_tables(ds)
            self.stack.setCurrentIndex(1)
            self._clear_items()
        else:
            self.mode = SCATTER if ds.n_features == 2 else XY
            self._draw_points(ds)
            self.stack.setCurrentWidget(self.plot)
            self.plot.setAspectLocked(self.mode == SCATTER and self._square(), ratio=1.0)
        self.info.setText(self._info_text(ds))
        self._show_selected(self.state.selected_sample)

    def _source_text(self, ds) -> str:
        """The dataset's name in the UI language (a built-in set's title; a CSV's file name)."""
        choice = self.state.project.dataset
        if choice.get("source", "builtin") == "builtin" and choice.get("name"):
            try:
                from nnstudio.data.registry import get_generator

                return tr_dataset(get_generator(choice["name"]).title)
            except Exception:  # an unknown name: fall back to the dataset's own text
                pass
        csv = choice.get("csv") or {}
        if is_drawn(choice):
            return self.tr("drawn by hand")
        if csv.get("filename"):
            return self.tr("imported from {name}").format(name=csv["filename"])
        return ds.source or ""

    def _info_text(self, ds) -> str:
        head = f"{self._source_text(ds)} · {ds.n_samples} × {ds.n_features} · {task_label(ds.task)}".strip(" ·")
        if self.mode == TABLE:
            return head
        text = head + "  —  " + self.tr("● training   ○ validation   ◎ selected sample (click a point to select)")
        if getattr(self, "drawn", ds.n_samples) < ds.n_samples:
            text += "  —  " + self.tr("showing an even sample of {shown:,} of the {total:,} points "
                                      "(training uses all of them)").format(shown=self.drawn, total=ds.n_samples)
        return text

    def _square(self) -> bool:
        """Both features span a similar range: draw the scatter 1:1 like the decision map."""
        from nnstudio.project.planes import is_square, plane_extent

        ds = self.state.dataset
        if self._square_memo[0] is None or self._square_memo[0]() is not ds:  # once per dataset
            self._square_memo = (weakref.ref(ds), is_square(plane_extent(ds.x)))
        return self._square_memo[1]

    def _clear_items(self) -> None:
        for item in (self.train_item, self.val_item, self.batch_item, self.selected_item):
            item.clear()

    def _levels(self, ds) -> tuple[list[QColor], np.ndarray]:
        """The palette (classes, or 64 value levels) and every sample's index into it."""
        if ds.task == "regression":
            return value_colors(np.linspace(0.0, 1.0, 64)), quantise(ds.y[:, 0], 64)
        return [class_color(i) for i in range(max(1, ds.n_classes))], np.asarray(ds.y, dtype=np.int64)

    def _draw_points(self, ds) -> None:
        xs, ys = self.coords
        # a large dataset is drawn as an even sample of MAX_DRAWN points (the GUI stays responsive)
        t, v = split_budget(self.train_idx, self.val_idx)
        self.drawn = len(t) + len(v)
        palette, levels = self._levels(ds)  # one brush (pen) per colour, shared by its points
        brushes = [pg.mkBrush(c) for c in palette]
        pens = [pg.mkPen(c, width=1.6) for c in palette]
        self.train_item.setData(x=xs[t], y=ys[t], data=t, brush=[brushes[k] for k in levels[t].tolist()])
        self.val_item.setData(x=xs[v], y=ys[v], data=v, brush=pg.mkBrush(None),
                              pen=[pens[k] for k in levels[v].tolist()])
        self.batch_item.clear()
        plot = self.plot.getPlotItem()
        plot.setLabel("bottom", self.tr("{name} (input)").format(name=ds.feature_names[0]))
        if self.mode == SCATTER:
            plot.setLabel("left", self.tr("{name} (input)").format(name=ds.feature_names[1]))
        elif ds.task == "regression":
            plot.setLabel("left", self.tr("{name} (target)").format(
                name=ds.target_names[0] if ds.target_names else "y"))
        else:
            plot.setLabel("left", self.tr("class"))
        plot.enableAutoRange()

    def _fill_tables(self, ds) -> None:
        from nnstudio.ui.dataload import column_stats

        stats = column_stats(ds)  # made by the data worker for a large set
        heads = [self.tr("column"), self.tr("mean"), self.tr("std"), self.tr("min"), self.tr("max"), self.tr("missing")]
        self.stats_table.clear()
        self.stats_table.setColumnCount(len(heads))
        self.stats_table.setHorizontalHeaderLabels(heads)
        self.stats_table.setRowCount(len(stats))
        for r, s in enumerate(stats):
            cells = [s.name, f"{s.mean:.4g}", f"{s.std:.4g}", f"{s.min:.4g}", f"{s.max:.4g}", str(s.missing)]
            for c, text in enumerate(cells):
                self.stats_table.setItem(r, c, QTableWidgetItem(text))
        self.rows_model.set_dataset(ds, self.val_idx)

    # -- selection, clicks, mini-batch ----------------------------------------------
    def on_points_clicked(self, _item, points, _ev=None) -> None:
        """sigClicked handler: select the (first) clicked point's sample."""
        if points is None or len(points) == 0:
            return
        index = points[0].data()
        if index is not None:
            self.state.select_sample(int(index))

    def _show_selected(self, index: int) -> None:
        ds = self.state.dataset
        if self._stale:
            return  # drawn when shown
        if ds is None or not 0 <= int(index) < ds.n_samples:
            self.selected_item.clear()
            return
        if self.mode == TABLE:
            self.rows_table.selectRow(int(index))
            self.rows_table.scrollTo(self.rows_model.index(int(index), 0))
            return
        xs, ys = self.coords
        self.selected_item.setData(x=[xs[index]], y=[ys[index]], data=[int(index)])

    def show_batch(self, indices) -> None:
        """Mark the samples of the current mini-batch (None or empty: no marks)."""
        if indices is None or self.coords is None or self.state.dataset is None or self._stale:
            self.batch_idx = np.zeros(0, np.int64)
            self.batch_item.clear()
            return
        idx = np.asarray(indices, dtype=np.int64).ravel()
        idx = subset(idx[(idx >= 0) & (idx < self.state.dataset.n_samples)])
        self.batch_idx = idx
        xs, ys = self.coords
        self.batch_item.setData(x=xs[idx], y=ys[idx], data=idx)

    def point_colors(self) -> list[QColor]:
        """The colour of every sample (for tests and legends)."""
        return point_colors(self.state.dataset) if self.state.dataset is not None else []
