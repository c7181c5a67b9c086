"""Live loss and metric plots (pyqtgraph), kept-run overlays and the divergence banner.

Curves are created once and updated with ``setData``; x is the epoch number
(1-based, so epoch ``i`` of ``History`` is drawn at ``x = i + 1``) and the
optional per-iteration loss sits under the epoch curve at fractional epochs.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.session import runs as runlib
from nnstudio.ui.plotstyle import plain_axes
from nnstudio.ui.training.timeline import EpochMarker, PlotScrubber, TimelineBar

TRAIN_PEN = pg.mkPen("#1f77b4", width=2)
VAL_PEN = pg.mkPen("#ff7f0e", width=2)
ITER_PEN = pg.mkPen((31, 119, 180, 70), width=1)
RUN_COLOURS = ["#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


def _xy(values) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(values, dtype=np.float64)
    return np.arange(1, len(y) + 1, dtype=np.float64), y


def _run_pen(i: int, val: bool = False):
    return pg.mkPen(RUN_COLOURS[i % len(RUN_COLOURS)], width=1.5,
                    style=Qt.DotLine if val else Qt.DashLine)


class Banner(QFrame):
    """An in-window message bar (objectName 'divergenceBanner'), closable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setStyleSheet("#divergenceBanner { background: #fdecea; border: 1px solid #e0a39d; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("divergenceText")
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(close, 0, Qt.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class _PlotPanel(QWidget):
    """Shared parts: a plot widget, a legend and dashed curves for kept runs."""

    def __init__(self, controller, plot_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.plot = pg.PlotWidget(self, background="w")
        plain_axes(self.plot)
        self.plot.setObjectName(plot_name)
        self.item = self.plot.getPlotItem()
        # no grid: grid lines belong to the axes, so every curve update would repaint both axes
        self.item.setLabel("bottom", self.tr("epoch"))
        self.legend = self.item.addLegend(offset=(-10, 10))
        self.legend.setBrush(255, 255, 255, 210)  # a curve passing under the legend leaves it readable
        self.run_curves: list = []
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self._layout = lay
        lay.addLayout(self.toolbar)
        lay.addWidget(self.plot, 1)
        controller.historyChanged.connect(self.update_curves)
        controller.runsChanged.connect(self.update_runs)
        self._user_range = False
        self.item.getViewBox().sigRangeChangedManually.connect(lambda *_: setattr(self, "_user_range", True))
        controller.started.connect(lambda: setattr(self, "_user_range", False))
        controller.finished.connect(self._after_run)
        controller.state.trainingChanged.connect(self._on_training_setting)
        #: the viewed epoch of the rewind timeline (hidden when live)
        self.epoch_marker = EpochMarker(controller, self.item, self)

    def _after_run(self, _reason=None) -> None:
        if not self._user_range:
            self.item.enableAutoRange()

    def steady_range(self, series, cap: float | None = None) -> None:
        """While training runs, move the axes in steps only (a new range re-lays out and repaints both axes).

        x spans the whole run from its start; y changes only when a value leaves the range
        or the values use less than 40 % of it. Idle, or once the user zoomed, pyqtgraph's
        auto range applies.
        """
        c = self.controller
        if not c.is_running() or self._user_range:
            return
        vals = [np.asarray(v, dtype=np.float64).ravel() for v in series if v is not None and len(v)]
        vals = np.concatenate(vals) if vals else np.zeros(0)
        if self.item.ctrl.logYCheck.isChecked():
            vals = np.log10(vals[vals > 0])
        vals = vals[np.isfinite(vals)]
        if cap is not None:  # the first epochs' spike is left above the top (see LossPanel.spike)
            vals = vals[vals <= (np.log10(cap) if self.item.ctrl.logYCheck.isChecked() else cap)]
        if not vals.size:
            return
        vb = self.item.getViewBox()
        vb.disableAutoRange()
        target = max(1.0, float(getattr(c, "_run_target", 0) or 0))
        (x0, x1), (y0, y1) = vb.viewRange()
        if abs(x1 - target) > 1e-9 or x0 != 0.0:
            vb.setXRange(0.0, target, padding=0.0)
        lo, hi = float(vals.min()), float(vals.max())
        if lo < y0 or hi > y1 or (hi - lo) < 0.4 * (y1 - y0):
            pad = max(hi - lo, abs(hi) * 1e-3, 1e-12) * 0.08
            vb.setYRange(lo - pad, hi + pad, padding=0.0)

    def _run_series(self, run: dict) -> list[tuple[str, list, bool]]:
        raise NotImplementedError

    def metric_label(self, key: str | None) -> str:
        """:func:`runs.metric_label` in the UI language (other Keras keys stay as they are)."""
        words = {"accuracy": self.tr("accuracy"), "mean absolute error": self.tr("mean absolute error"),
                 "mean squared error": self.tr("mean squared error"), "metric": self.tr("metric")}
        label = runlib.metric_label(key)
        return words.get(label, label)

    def update_runs(self) -> None:
        """Redraw the kept runs as dashed curves (one legend entry each)."""
        for c in self.run_curves:
            self.item.removeItem(c)
            self.legend.removeItem(c)
        self.run_curves = []
        for i, run in enumerate(self.controller.runs):
            for label, values, val in self._run_series(run):
                x, y = _xy(values)
                name = self.tr("{run}: {series}").format(run=run.get("name", ""), series=label)
                c = self.item.plot(x, y, pen=_run_pen(i, val), name=name)
                self.run_curves.append(c)

    def update_curves(self) -> None:
        raise NotImplementedError

    def _on_training_setting(self, key: str) -> None:
        if key == "validation_split" and not self.controller.history.get("loss"):
            self.list_in_legend(self.val_curve, self.validation_shown(None))

    def validation_shown(self, values) -> bool:
        """Whether the validation curve has a place in the legend: it has values, or nothing
        has been trained yet and the project holds out a validation split."""
        if values:
            return True
        c = self.controller
        if c.history.get("loss"):
            return False
        try:
            return float(c.state.project.training.get("validation_split") or 0.0) > 0.0
        except (TypeError, ValueError):
            return False

    def list_in_legend(self, curve, shown: bool) -> None:
        """Add or remove one curve's legend entry (a run without validation data lists no
        validation curve)."""
        listed = any(sample.item is curve for sample, _label in self.legend.items)
        if shown and not listed:
            self.legend.addItem(curve, curve.name())
        elif not shown and listed:
            self.legend.removeItem(curve)

    def _reset_axes_if_empty(self) -> None:
        """No history (New, another dataset, Reset): forget the old run's axis ranges."""
        c = self.controller
        if not c.history.get("loss") and not len(c.iter_x) and not self.run_curves:
            self.item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            self.item.enableAutoRange()


class LossPanel(_PlotPanel):
    """The 'loss_plot' dock: train/val loss per epoch, iteration loss, markers, runs, export."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, "lossPlot", parent)
        self.setObjectName("lossPanel")
        self.banner = Banner(self)
        self._layout.insertWidget(0, self.banner)
        self.item.setLabel("left", self.tr("loss"))
        self.item.setDownsampling(auto=True, mode="peak")
        self.item.setClipToView(True)
        self.iter_curve = self.item.plot([], [], pen=ITER_PEN)
        self.train_curve = self.item.plot([], [], pen=TRAIN_PEN, name=self.tr("train loss"))
        self.val_curve = self.item.plot([], [], pen=VAL_PEN, name=self.tr("validation loss"))
        self.best_marker = pg.ScatterPlotItem(size=12, symbol="star", brush=pg.mkBrush("#2ca02c"), pen=None)
        self.item.addItem(self.best_marker)
        self.stop_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#d62728", style=Qt.DashLine),
                                         label="", labelOpts={"position": 0.85, "color": "#d62728"})
        self.item.addItem(self.stop_line)
        self.stop_line.hide()
        self._build_toolbar()
        self.timeline = TimelineBar(controller, self)
        self._layout.addWidget(self.timeline)
        self.scrubber = PlotScrubber(self.timeline, self.plot, self)
        controller.diverged.connect(self.banner.show_message)
        controller.started.connect(self.banner.hide)
        self.update_runs()
        self.update_curves()

    def _build_toolbar(self) -> None:
        self.log_box = QCheckBox(self.tr("Log scale"), self)
        self.log_box.setObjectName("lossLogScale")
        self.log_box.toggled.connect(lambda on: self.item.setLogMode(y=on))
        self.iter_box = QCheckBox(self.tr("Per iteration"), self)
        self.iter_box.setObjectName("lossShowIterations")
        self.iter_box.setChecked(True)
        self.iter_box.setToolTip(self.tr("Show the loss of every mini-batch as a thin light curve"))
        self.iter_box.toggled.connect(self.iter_curve.setVisible)
        keep = QToolButton(self)
        keep.setObjectName("keepRunButton")
        keep.setText(self.tr("Keep this run"))
        keep.setToolTip(self.tr("Keep this run's curves to compare them with the next runs"))
        keep.clicked.connect(self._ask_keep)
        self.runs_button = QToolButton(self)
        self.runs_button.setObjectName("runsButton")
        self.runs_button.setText(self.tr("Runs"))
        self.runs_button.setPopupMode(QToolButton.InstantPopup)
        self.runs_menu = QMenu(self.runs_button)
        self.runs_menu.aboutToShow.connect(self._fill_runs_menu)
        self.runs_button.setMenu(self.runs_menu)
        export = QToolButton(self)
        export.setObjectName("lossExportButton")
        export.setText(self.tr("Export"))
        export.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(export)
        self.export_png_action = QAction(self.tr("Export PNG…"), self)
        self.export_png_action.setObjectName("exportLossPng")
        self.export_png_action.triggered.connect(self._ask_png)
        self.export_csv_action = QAction(self.tr("Export CSV…"), self)
        self.export_csv_action.setObjectName("exportLossCsv")
        self.export_csv_action.triggered.connect(self._ask_csv)
        menu.addAction(self.export_png_action)
        menu.addAction(self.export_csv_action)
        export.setMenu(menu)
        self.spike_label = QLabel(self)
        self.spike_label.setObjectName("lossSpikeLabel")
        self.spike_label.setStyleSheet("color: #666;")
        self.spike_label.setMinimumWidth(1)  # a narrow panel clips the note rather than widening the tool bar
        self.spike_label.hide()
        for w in (self.log_box, self.iter_box, self.spike_label):
            self.toolbar.addWidget(w)
        self.log_box.toggled.connect(lambda _on: self._apply_spike_cut())
        self.toolbar.addStretch(1)
        for w in (keep, self.runs_button, export):
            self.toolbar.addWidget(w)

    # -- data --------------------------------------------------------------------
    def _run_series(self, run: dict):
        h = run.get("history") or {}
        out = [(self.tr("loss"), h.get("loss") or [], False)]
        if h.get("val_loss"):
            out.append((self.tr("val loss"), h["val_loss"], True))
        return out

    def update_curves(self) -> None:
        c = self.controller
        h = c.history
        self.train_curve.setData(*_xy(h.get("loss") or []))
        if h.get("val_loss"):
            self.val_curve.setData(*_xy(h["val_loss"]))
        else:
            self.val_curve.setData([], [])
        self.list_in_legend(self.val_curve, self.validation_shown(h.get("val_loss")))
        self.iter_curve.setData(c.iter_x, c.iter_loss, connect="finite")
        self._update_markers()
        self._reset_axes_if_empty()
        self.spike = None if self.log_box.isChecked() else runlib.first_epochs_spike(h.get("loss"), h.get("val_loss"))
        self.steady_range([h.get("loss"), h.get("val_loss"), c.iter_loss if self.iter_box.isChecked() else None],
                          cap=self.spike[0] if self.spike else None)
        self._apply_spike_cut()

    def _after_run(self, _reason=None) -> None:
        super()._after_run(_reason)
        self._apply_spike_cut()

    def _apply_spike_cut(self) -> None:
        """Idle: cut the y axis below a towering first-epochs loss, and say so beside Log scale."""
        h = self.controller.history
        if self.log_box.isChecked():
            self.spike = None
        elif not self.controller.is_running():
            self.spike = runlib.first_epochs_spike(h.get("loss"), h.get("val_loss"))
        spike = getattr(self, "spike", None)
        self.spike_label.setVisible(spike is not None)
        if spike is None:
            if getattr(self, "_cut", False) and not self.controller.is_running() and not self._user_range:
                self.item.enableAutoRange()  # the cut is lifted (Log scale, a new run): show everything
            self._cut = False
            return
        top, _n, peak = spike
        self.spike_label.setText(self.tr("↑ first epochs cut off (up to {peak:.3g})").format(peak=peak))
        self.spike_label.setToolTip(self.tr("The loss of the first epochs is far above the rest of the run, so "
                                            "the y axis stops at {top:.3g} to show where the run spends its "
                                            "time. Tick Log scale to see every value.").format(top=top))
        if self.controller.is_running() or self._user_range:
            return
        vals = [np.asarray(v, dtype=np.float64) for v in (h.get("loss"), h.get("val_loss")) if v]
        if self.iter_box.isChecked() and len(self.controller.iter_loss):
            vals.append(np.asarray(self.controller.iter_loss, dtype=np.float64))
        vals = np.concatenate(vals) if vals else np.zeros(0)
        vals = vals[np.isfinite(vals) & (vals <= top)]
        lo = float(vals.min()) if vals.size else 0.0
        vb = self.item.getViewBox()
        vb.enableAutoRange(axis=pg.ViewBox.XAxis)
        vb.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
        bottom = lo - 0.05 * (top - lo)
        vb.setYRange(max(0.0, bottom) if lo >= 0 else bottom, top, padding=0.0)
        self._cut = True

    def _update_markers(self) -> None:
        c = self.controller
        es = (c.state.project.training.get("early_stopping") or {})
        h = c.history
        if es.get("enabled") and c.best_epoch is not None:
            key = es.get("monitor", "val_loss")
            series = h.get(key) if key in ("loss", "val_loss") else None
            series = series or h.get("val_loss") or h.get("loss") or []
            if 0 <= c.best_epoch < len(series):
                tip = self.tr("best epoch {epoch}")
                self.best_marker.setData([c.best_epoch + 1], [series[c.best_epoch]],
                                         tip=lambda x, y, data: tip.format(epoch=int(x)))
            else:
                self.best_marker.setData([], [])
        else:
            self.best_marker.setData([], [])
        if c.stop_reason in ("early_stopping", "diverged") and h.get("loss"):
            text = self.tr("stopped: diverged") if c.stop_reason == "diverged" else self.tr("early stop")
            if c.stop_reason == "early_stopping" and c.restored_best and c.best_epoch is not None:
                text += "; " + self.tr("weights of epoch {epoch} restored").format(epoch=c.best_epoch + 1)
            self.stop_line.setValue(len(h["loss"]))
            self.stop_line.label.setFormat(text)
            self.stop_line.show()
        else:
            self.stop_line.hide()

    # -- actions ----------------------------------------------------------------------
    def _ask_keep(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Keep this run"), self.tr("Name:"),
                                        text=self.tr("Run {n}").format(n=len(self.controller.runs) + 1))
        if ok:
            self.controller.keep_run(name)

    def _fill_runs_menu(self) -> None:
        self.runs_menu.clear()
        if not self.controller.runs:
            a = self.runs_menu.addAction(self.tr("No kept runs"))
            a.setEnabled(False)
        for i, run in enumerate(self.controller.runs):
            sub = self.runs_menu.addMenu(run["name"] if "name" in run else self.tr("Run {n}").format(n=i + 1))
            sub.addAction(self.tr("Rename…"), lambda i=i: self._ask_rename(i))
            sub.addAction(self.tr("Remove"), lambda i=i: self.controller.remove_run(i))

    def _ask_rename(self, index: int) -> None:
        old = self.controller.runs[index].get("name", "")
        name, ok = QInputDialog.getText(self, self.tr("Rename run"), self.tr("Name:"), text=old)
        if ok and name.strip():
            self.controller.rename_run(index, name)

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export loss plot"), "loss.png",
                                              self.tr("PNG image (*.png)"))
        if path:
            self.export_png(path)

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export history"), "history.csv", "CSV (*.csv)")
        if path:
            self.export_csv(path)

    def export_png(self, path: str) -> None:
        """Save the loss plot as a PNG image."""
        from pyqtgraph.exporters import ImageExporter

        ImageExporter(self.item).export(str(path))

    def export_csv(self, path: str) -> None:
        """Save the training history (one row per epoch) as CSV: the file ``nnstudio export --format history`` writes."""
        from nnstudio.export import save_history

        save_history(self.controller.history, path)


class MetricPanel(_PlotPanel):
    """The 'metric_plot' dock: accuracy (classification) or MAE (regression), train + val."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, "metricPlot", parent)
        self.setObjectName("metricPanel")
        self.train_curve = self.item.plot([], [], pen=TRAIN_PEN, name=self.tr("train"))
        self.val_curve = self.item.plot([], [], pen=VAL_PEN, name=self.tr("validation"))
        self.key: str | None = None
        self._shown_n = None
        self.update_runs()
        self.update_curves()

    def _run_series(self, run: dict):
        h = run.get("history") or {}
        key = self.key or runlib.metric_key(h)
        out = []
        if key and h.get(key):
            out.append((self.metric_label(key), h[key], False))
        if key and h.get("val_" + key):
            out.append((self.tr("val {metric}").format(metric=self.metric_label(key)), h["val_" + key], True))
        return out

    def update_curves(self) -> None:
        h = self.controller.history
        key = runlib.metric_key(h)
        if key != self.key:
            self.key = key
            self.item.setLabel("left", self.metric_label(key))
            # an accuracy climbs to the top right: its legend sits at the bottom right, out of its way
            self.legend.setOffset((-10, -10) if runlib.metric_rises(key) else (-10, 10))
            self.update_runs()
        a, b = (h.get(key) or [], h.get("val_" + key) or []) if key else ([], [])
        n = (key, len(a), len(b), a[0] if a else None, a[-1] if a else None, b[-1] if b else None)
        if n != self._shown_n:  # the metric changes once an epoch: no repaint for iteration-only progress
            self._shown_n = n
            self.train_curve.setData(*_xy(h.get(key) or [] if key else []))
            self.val_curve.setData(*_xy(h.get("val_" + key) or [] if key else []))
            self.list_in_legend(self.val_curve, self.validation_shown(b))
            self.steady_range([h.get(key) if key else None, h.get("val_" + key) if key else None])
        self._reset_axes_if_empty()
