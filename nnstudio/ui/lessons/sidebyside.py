"""Several trained runs replayed side by side: one decision map per run, one epoch slider for all.

Lesson 9's race opens it after training zeros and He: both decision maps at the
same epoch, from each run's own recorded snapshots
(:class:`nnstudio.session.replays.SideBySide`), so the class sees the zero-init
network stay one flat colour while the He network's boundary bends epoch by
epoch. The slider (←/→, Home/End), the play button (Space) and the speed box
drive both maps at once.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.project.planes import is_square
from nnstudio.session.probes import label_of
from nnstudio.ui.plotstyle import MAP_STRENGTH, class_colour_hex, class_probabilities, class_rgb, plain_axes

# the maps are never drawn smaller than this (pixels, each side)
MIN_MAP = 220


class SideBySideView(QWidget):
    """A window with one decision map per run (objectName 'sideBySideView')."""

    epochShown = Signal(int)

    def __init__(self, compare, speed: float = 2.0, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.Window)
        self.setObjectName("sideBySideView")
        self.compare = compare
        names = compare.names()
        self.setWindowTitle(self.tr("Side by side: {names}").format(names=self.tr(" vs ").join(names)))
        self.info = QLabel(self.tr("The same network trained from {n} starting points, each map from its own "
                                   "run's recorded weights at the epoch on the slider.").format(n=len(names)), self)
        self.info.setObjectName("sideBySideInfo")
        self.info.setWordWrap(True)
        grid = QGridLayout()
        self.titles: list[QLabel] = []
        self.plots: list[pg.PlotWidget] = []
        self.images: list[pg.ImageItem] = []
        for i, run in enumerate(compare.runs):
            title = QLabel(self)
            title.setObjectName(f"sideBySideTitle{i}")
            title.setAlignment(Qt.AlignCenter)
            plot = pg.PlotWidget(self, background="w")
            plain_axes(plot)
            plot.setObjectName(f"sideBySidePlot{i}")
            plot.setMinimumSize(MIN_MAP, MIN_MAP)
            plot.setMouseEnabled(False, False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            image = pg.ImageItem(axisOrder="col-major")
            plot.addItem(image)
            self._add_points(plot, run.prepared)
            grid.addWidget(title, 0, i)
            grid.addWidget(plot, 1, i)
            grid.setColumnStretch(i, 1)
            self.titles.append(title)
            self.plots.append(plot)
            self.images.append(image)
        grid.setRowStretch(1, 1)
        epochs = compare.epochs()
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("sideBySidePlay")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(self.tr("Play both runs' epochs together from the slider's epoch (Space)."))
        self.play_button.toggled.connect(self._play_toggled)
        self.slider = QSlider(Qt.Horizontal, self)
        self.slider.setObjectName("sideBySideSlider")
        self.slider.setRange(epochs[0], epochs[-1])
        self.slider.setPageStep(1)
        self.slider.setToolTip(self.tr("The epoch shown in every map (epoch k = after k epochs, 0 = the starting "
                                       "weights). ← → step one epoch, Home/End jump."))
        self.slider.valueChanged.connect(self._draw)
        self.epoch_label = QLabel(self)
        self.epoch_label.setObjectName("sideBySideEpoch")
        self.epoch_label.setMinimumWidth(110)
        self.speed = QSpinBox(self)
        self.speed.setObjectName("sideBySideSpeed")
        self.speed.setRange(1, 30)
        self.speed.setValue(max(1, min(30, int(round(speed)))))
        self.speed.setSuffix(self.tr(" epochs/s"))
        self.speed.setToolTip(self.tr("Replay speed in epochs a second."))
        self.speed.valueChanged.connect(self._speed_changed)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.epoch_label)
        controls.addWidget(self.speed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(grid, 1)
        lay.addLayout(controls)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        QShortcut(QKeySequence(Qt.Key_Space), self, activated=self.play_button.toggle)
        self.shown: list[int | None] = []       # each map's epoch (its run's nearest recorded one)
        self.weights: list = []                 # each map's weights (the snapshot's arrays)
        self.outputs: list[np.ndarray | None] = []  # each map's model output over the grid
        self._draw(self.slider.value())
        self.slider.setFocus()

    # -- drawing ----------------------------------------------------------------------------
    def _add_points(self, plot, prepared) -> None:
        ds = prepared.dataset
        if ds.n_features != 2 or ds.task == "regression":
            return
        x, labels = np.asarray(ds.x, dtype=np.float64), label_of(np.asarray(ds.y))
        idx = np.asarray(prepared.train_idx)
        brushes = {k: pg.mkBrush(class_colour_hex(k)) for k in np.unique(labels[idx]).tolist()}
        points = pg.ScatterPlotItem(x[idx, 0], x[idx, 1], symbol="o", size=6, pen=pg.mkPen("w", width=0.8),
                                    brush=[brushes[k] for k in labels[idx].tolist()])
        points.setZValue(10)
        plot.addItem(points)

    def epoch(self) -> int:
        return self.slider.value()

    def show_epoch(self, epoch: int) -> None:
        """Move the shared slider (both maps follow)."""
        self.slider.setValue(int(epoch))

    def _draw(self, epoch: int) -> None:
        self.shown, self.weights, self.outputs = [], [], []
        for run, title, plot, image, (snap, maps) in zip(self.compare.runs, self.titles, self.plots, self.images,
                                                         self.compare.at(epoch)):
            self.shown.append(None if snap is None else snap.epoch)
            self.weights.append(None if snap is None else snap.weights)
            self.outputs.append(None if maps is None else np.asarray(maps.output))
            if maps is None or maps.kind != "plane":
                title.setText(self.tr("{name}: no map (needs 2 input features)").format(name=run.name))
                image.clear()
                continue
            side = maps.side
            rgb = class_rgb(class_probabilities(maps.output), MAP_STRENGTH)
            image.setImage(rgb.reshape(side, side, 3), autoLevels=False, levels=(0, 255))
            x0, x1, y0, y1 = maps.extent
            image.setRect(x0, y0, x1 - x0, y1 - y0)
            if getattr(plot, "_framed", None) != maps.extent:
                plot._framed = maps.extent
                plot.setAspectLocked(is_square(maps.extent), ratio=1.0)
                plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
            loss = run.value_at("loss", snap.epoch)
            text = self.tr("{name} · epoch {epoch}").format(name=run.name, epoch=snap.epoch)
            if loss is not None:
                text += self.tr(" · loss {loss:.3f}").format(loss=loss)
            acc = run.value_at("accuracy", snap.epoch)
            if acc is not None:
                text += self.tr(" · accuracy {acc:.0%}").format(acc=acc)
            title.setText(f"<b>{text}</b>")
        self.epoch_label.setText(self.tr("epoch {epoch} of {last}").format(epoch=epoch,
                                                                            last=self.compare.last_epoch))
        self.epochShown.emit(int(epoch))

    # -- playing ----------------------------------------------------------------------------
    def play(self, start: int | None = None) -> None:
        """Play from ``start`` (default: the slider's epoch; from the first when at the end)."""
        if start is not None:
            self.slider.setValue(int(start))
        elif self.slider.value() >= self.slider.maximum():
            self.slider.setValue(self.slider.minimum())
        self.play_button.setChecked(True)

    def is_playing(self) -> bool:
        return self.timer.isActive()

    def _play_toggled(self, on: bool) -> None:
        if on:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(self.slider.minimum())
            self.timer.start(int(round(1000 / self.speed.value())))
            self.play_button.setText(self.tr("Pause"))
        else:
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))

    def _speed_changed(self, value: int) -> None:
        if self.timer.isActive():
            self.timer.start(int(round(1000 / value)))

    def _tick(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 1)
        if self.slider.value() >= self.slider.maximum():
            self.play_button.setChecked(False)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.play_button.setChecked(False)
        super().closeEvent(event)
