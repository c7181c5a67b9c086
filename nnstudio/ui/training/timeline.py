"""The rewind timeline under the loss plot: scrub back to any recorded epoch and replay it.

:class:`TimelineBar` (objectName ``timelineBar``) is a row of controls in the
loss panel: Play/Pause, the replay speed (1–30 epochs a second), Loop, a
slider over the epochs the controller's snapshot store holds, the epoch as
text, "Live" and "Continue from here". :class:`EpochMarker` draws
the viewed epoch as a vertical line on a plot (loss and metric panels); a
click on the loss plot, or dragging the line, moves every view there too.

Everything moves through the controller (``show_epoch`` / ``go_live`` /
``continue_from``, see docs/CONTRACTS.md): the views only listen to its
snapshots. Epoch ``k`` is the state after ``k`` epochs, drawn at ``x = k`` on
the plots (epoch 0 is the initial weights).

Keys, when the slider or the loss plot has the focus: Left/Right one
recorded epoch, Home/End the first/last, Space in the bar plays/pauses;
Escape returns to Live. Text fields and the canvas keep their arrows.
"""

from __future__ import annotations

import bisect

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.ui.projector import current_scale

#: replay speeds the spin box allows (epochs per second)
SPEED_RANGE = (1, 30)
MARKER_PEN = pg.mkPen("#6a1b9a", width=2)
#: the epoch text while the views show the past
PAST_STYLE = "background: #6a1b9a; color: white; font-weight: bold; padding: 1px 4px;"
#: the keys the timeline (and the focused loss plot) answer
KEYS = (Qt.Key_Left, Qt.Key_Right, Qt.Key_Home, Qt.Key_End, Qt.Key_Space, Qt.Key_Escape)


def recorded_epochs(controller) -> list[int]:
    """The epochs the controller can show (sorted); [] without a snapshot store."""
    timeline = getattr(controller, "timeline", None)
    if timeline is None:
        return []
    try:
        return sorted(int(e) for e in timeline.epochs())
    except Exception:
        return []


def viewing(controller) -> int | None:
    """The past epoch the views show, or None when they are live."""
    return getattr(controller, "viewing_epoch", None)


class EpochMarker(QObject):
    """A vertical line at the viewed epoch on one plot; dragging it scrubs (hidden when live)."""

    def __init__(self, controller, plot_item, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        scale = current_scale()  # projector mode: as thick as the curves
        self.line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen(MARKER_PEN.color(), width=2 * scale),
                                    hoverPen=pg.mkPen("#ab47bc", width=3 * scale), label="",
                                    labelOpts={"position": 0.95, "color": "#6a1b9a", "fill": (255, 255, 255, 200)})
        self.line.setZValue(50)
        plot_item.addItem(self.line, ignoreBounds=True)
        self.line.hide()
        self._moving = False
        self.line.sigDragged.connect(self._dragged)
        self.line.sigPositionChangeFinished.connect(self._dragged)
        sig = getattr(controller, "scrubbed", None)
        if sig is not None:
            sig.connect(self.follow)
        self.follow(viewing(controller) if viewing(controller) is not None else -1)

    def follow(self, epoch: int) -> None:
        """Show the line at ``epoch`` (-1: live, hidden)."""
        if epoch is None or epoch < 0:
            self.line.hide()
            return
        self._moving = True
        try:
            self.line.setValue(float(epoch))
        finally:
            self._moving = False
        self.line.label.setFormat(self.tr("epoch {epoch}").format(epoch=int(epoch)))
        self.line.show()

    def position(self) -> float | None:
        """x of the line, None when hidden."""
        return float(self.line.value()) if self.line.isVisible() else None

    def _dragged(self, *_args) -> None:
        if self._moving:
            return
        epochs = recorded_epochs(self.controller)
        if epochs:
            target = nearest(epochs, self.line.value())
            if target != viewing(self.controller):
                self.controller.show_epoch(target)
            else:
                self.follow(target)


def nearest(epochs: list[int], x: float) -> int:
    """The recorded epoch closest to ``x`` (``epochs`` sorted, non-empty)."""
    i = bisect.bisect_left(epochs, x)
    candidates = [epochs[j] for j in (i - 1, i) if 0 <= j < len(epochs)]
    return min(candidates, key=lambda e: (abs(e - x), e))


class TimelineBar(QWidget):
    """Slider, Play/Pause, speed, Loop, epoch text, Live and Continue-from-here (see module docstring)."""

    #: a replay ended (paused, reached its end, or training started)
    playStopped = Signal()

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineBar")
        self.controller = controller
        self._epochs: list[int] = []
        self._syncing = False
        self._until: int | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("timelinePlayTimer")
        self.timer.timeout.connect(self._tick)

        self.play_button = self._button("▶", "timelinePlay", self.toggle_play)
        self.play_button.setToolTip(self.tr("Replay the recorded epochs from the one shown, at the chosen speed "
                                            "(Space while the timeline has the focus)"))
        self.speed = QSpinBox(self)
        self.speed.setObjectName("timelineSpeed")
        self.speed.setRange(*SPEED_RANGE)
        self.speed.setValue(5)
        self.speed.setSuffix(self.tr(" /s"))
        self.speed.setToolTip(self.tr("Replay speed in epochs per second: how many epochs a second Play moves on (1–30)"))
        self.speed.valueChanged.connect(self._speed_changed)
        self.loop_box = QCheckBox(self.tr("Loop"), self)
        self.loop_box.setObjectName("timelineLoop")
        self.loop_box.setToolTip(self.tr("Start the replay again from the first epoch when it reaches the last"))
        self.slider = QSlider(Qt.Horizontal, self)
        self.slider.setObjectName("timelineSlider")
        self.slider.setFocusPolicy(Qt.StrongFocus)
        self.slider.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.slider.setMinimumWidth(60)
        self.slider.setPageStep(10)
        self.slider.setToolTip(self.tr("Drag to any recorded epoch: the canvas, the decision map, the activations "
                                       "and the confusion matrix show the network as it was then.\n"
                                       "Left/Right: one epoch; Home/End: first/last; Esc: Live"))
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.installEventFilter(self)
        self.label = QLabel(self)
        self.label.setObjectName("timelineEpoch")
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setMinimumWidth(QFontMetrics(bold).horizontalAdvance("epoch 000 of 000") + 14)
        self.live_button = self._button(self.tr("Live"), "timelineLive", self.go_live)
        self.live_button.setToolTip(self.tr("Return to the present: the views follow training again (Esc)"))
        self.continue_button = self._button(self.tr("Continue from here"), "timelineContinue",
                                            self.continue_here)
        self.continue_button.setToolTip(self.tr(
            "Continue training from here: a new branch from the epoch shown, with its weights and optimizer state, "
            "so the run goes on "
            "exactly from there. The epochs after it are not lost: they stay as a kept run, drawn dashed "
            "in the plots."))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.play_button, self.speed, self.loop_box):
            row.addWidget(w)
        row.addWidget(self.slider, 1)
        for w in (self.label, self.live_button, self.continue_button):
            row.addWidget(w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)

        for name in ("timelineChanged", "historyChanged"):
            sig = getattr(controller, name, None)
            if sig is not None:
                sig.connect(self.refresh)
        sig = getattr(controller, "scrubbed", None)
        if sig is not None:
            sig.connect(self._on_scrubbed)
        controller.started.connect(self._on_started)
        controller.state.trainingStateChanged.connect(lambda *_: self.refresh())
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setObjectName(name)
        b.setToolButtonStyle(Qt.ToolButtonTextOnly)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    # -- queries -----------------------------------------------------------------------
    def epochs(self) -> list[int]:
        return list(self._epochs)

    def shown_epoch(self) -> int | None:
        """The epoch the views show: the viewed one, or the latest recorded when live."""
        v = viewing(self.controller)
        if v is not None:
            return v
        return self._epochs[-1] if self._epochs else None

    def is_past(self) -> bool:
        """True while the views show an earlier epoch (the epoch text is highlighted)."""
        return viewing(self.controller) is not None

    def is_playing(self) -> bool:
        return self.timer.isActive()

    # -- commands ----------------------------------------------------------------------
    def show_epoch(self, epoch: int) -> None:
        """Move every view to the recorded epoch nearest ``epoch`` (the latest one when idle: Live)."""
        if not self._epochs:
            return
        target = nearest(self._epochs, epoch)
        if target == self._epochs[-1] and not self.controller.is_active() \
                and target >= self.controller.epochs_trained:
            self.go_live()  # the last recorded epoch of a finished run is the present
            return
        if target != viewing(self.controller):
            self.controller.show_epoch(target)
        else:
            self.sync()

    def step(self, delta: int) -> None:
        """One recorded epoch earlier (-1) or later (+1)."""
        if not self._epochs:
            return
        i = self._index_of(self.shown_epoch())
        self.show_epoch(self._epochs[max(0, min(len(self._epochs) - 1, i + delta))])

    def first(self) -> None:
        if self._epochs:
            self.show_epoch(self._epochs[0])

    def last(self) -> None:
        if self._epochs:
            self.show_epoch(self._epochs[-1])

    def go_live(self) -> None:
        self.stop_play()
        if viewing(self.controller) is not None:
            self.controller.go_live()
        self.sync()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.stop_play()
        else:
            self.play()

    def play(self, start: int | None = None, until: int | None = None, speed: int | None = None) -> bool:
        """Replay from the epoch shown (from the first when the last one is shown or the views are live).

        ``start``/``until``: replay only that stretch (a lesson's "the first 10 epochs");
        ``speed``: epochs a second (sets the speed box).
        """
        if len(self._epochs) < 2 or self.controller.is_running():
            return False
        if speed is not None:
            self.speed.setValue(int(speed))
        self._until = until
        self._loop_start = self._epochs[0] if start is None else nearest(self._epochs, start)
        if start is not None:
            self.controller.show_epoch(nearest(self._epochs, start))
        elif self._index_of(self.shown_epoch()) >= len(self._epochs) - 1 or viewing(self.controller) is None:
            self.controller.show_epoch(self._epochs[0])
        self.timer.start(int(round(1000 / self.speed.value())))
        self.sync()
        return True

    def stop_play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.sync()
            self.playStopped.emit()

    def continue_here(self, confirm: bool = True) -> bool:
        """Branch a new run from the epoch shown (asks first; the old future stays as a kept run)."""
        epoch = viewing(self.controller)
        if epoch is None or not hasattr(self.controller, "continue_from"):
            return False
        self.stop_play()
        if confirm:
            later = self.controller.epochs_trained
            answer = QMessageBox.question(
                self, self.tr("Continue training from here"),
                self.tr("Train on from epoch {epoch}?\n\nThe epochs {first}–{last} of this run are kept as a kept "
                        "run and stay drawn (dashed) in the loss and metric plots, so nothing is lost.").format(
                    epoch=epoch, first=epoch + 1, last=later),
                QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Yes)
            if answer != QMessageBox.Yes:
                return False
        return bool(self.controller.continue_from(epoch) is not False)

    # -- slots -------------------------------------------------------------------------
    def _tick(self) -> None:
        if not self._epochs or self.controller.is_running():
            self.stop_play()
            return
        i = self._index_of(self.shown_epoch())
        end = len(self._epochs) - 1 if self._until is None else self._index_of(nearest(self._epochs, self._until))
        if i >= end:
            if self.loop_box.isChecked():
                self.controller.show_epoch(self._epochs[0] if self._until is None else self._loop_start)
            else:
                self.stop_play()
            return
        self.controller.show_epoch(self._epochs[i + 1])

    def _speed_changed(self, value: int) -> None:
        if self.timer.isActive():
            self.timer.setInterval(int(round(1000 / value)))

    def _slider_moved(self, index: int) -> None:
        if self._syncing or not self._epochs:
            return
        self.show_epoch(self._epochs[max(0, min(index, len(self._epochs) - 1))])

    def _on_scrubbed(self, _epoch: int) -> None:
        self.sync()

    def _on_started(self) -> None:
        self.stop_play()
        if viewing(self.controller) is not None:
            self.controller.go_live()  # Train continues the run from its latest epoch
        self.sync()

    def refresh(self, *_args) -> None:
        """Re-read the recorded epochs (a new snapshot, a new run, open, reset)."""
        self._epochs = recorded_epochs(self.controller)
        self.sync()

    def _index_of(self, epoch: int | None) -> int:
        if epoch is None or not self._epochs:
            return len(self._epochs) - 1
        return max(0, min(len(self._epochs) - 1, bisect.bisect_left(self._epochs, epoch)))

    def sync(self) -> None:
        """Slider, texts and buttons from the controller's state."""
        n = len(self._epochs)
        v = viewing(self.controller)
        self._syncing = True
        try:
            self.slider.setRange(0, max(0, n - 1))
            self.slider.setValue(self._index_of(v) if v is not None else max(0, n - 1))
        finally:
            self._syncing = False
        total = self.controller.epochs_trained
        running = self.controller.is_running()
        if v is None:
            self.label.setText(self.tr("live: epoch {epoch}").format(epoch=total) if n else self.tr("no epochs yet"))
            self.label.setStyleSheet("")
            self.label.setToolTip(self.tr("The views follow training: they show the latest epoch"))
        else:  # the past: said loudly here and in the Train toolbar
            self.label.setText(self.tr("epoch {epoch} of {total}").format(epoch=v, total=total))
            self.label.setStyleSheet(PAST_STYLE)
            self.label.setToolTip(self.tr("Viewing epoch {epoch} of {total} (the past): press Live to return to "
                                          "the present.").format(epoch=v, total=total))
        self.slider.setEnabled(n > 1)  # also while training: the run goes on, the views show the past
        self.play_button.setEnabled(n > 1 and not running)
        self.play_button.setText("⏸" if self.is_playing() else "▶")
        self.live_button.setEnabled(v is not None)
        self.continue_button.setEnabled(v is not None and not running and hasattr(self.controller, "continue_from"))
        if not n:
            self.slider.setToolTip(self.tr("Train first: every epoch is recorded so you can come back to it"))

    # -- keys --------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.ShortcutOverride and event.key() in KEYS and self._epochs:
            event.accept()  # Esc/Space here are the timeline's, not a window shortcut's
            return True
        if event.type() == QEvent.KeyPress and self.handle_key(event.key()):
            return True
        return False

    def handle_key(self, key: int) -> bool:
        """Left/Right/Home/End/Space/Esc as described in the module docstring; True if used."""
        actions = {Qt.Key_Left: lambda: self.step(-1), Qt.Key_Right: lambda: self.step(1),
                   Qt.Key_Home: self.first, Qt.Key_End: self.last, Qt.Key_Space: self.toggle_play,
                   Qt.Key_Escape: self.go_live}
        fn = actions.get(key)
        if fn is None or not self._epochs:
            return False
        fn()
        return True


class PlotScrubber(QObject):
    """The loss plot as a timeline: a click moves the views to that epoch; arrows step when it has the focus."""

    def __init__(self, bar: TimelineBar, plot_widget, parent: QObject | None = None) -> None:
        super().__init__(parent or plot_widget)
        self.bar = bar
        self.plot = plot_widget
        plot_widget.setFocusPolicy(Qt.StrongFocus)
        plot_widget.installEventFilter(self)
        plot_widget.scene().sigMouseClicked.connect(self._clicked)

    def _clicked(self, event) -> None:
        if event.button() != Qt.LeftButton or event.double():
            return
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        self.plot.setFocus(Qt.MouseFocusReason)
        x = vb.mapSceneToView(event.scenePos()).x()
        if self.bar.epochs():
            self.bar.show_epoch(int(round(x)))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        if event.key() in KEYS and event.key() != Qt.Key_Space and self.bar.epochs():  # Space: Train
            if kind == QEvent.ShortcutOverride:
                event.accept()
                return True
            return self.bar.handle_key(event.key())
        return False
