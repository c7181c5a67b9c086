"""The training speed control: a slider from slow motion to full speed.

The speed is the project's ``training.speed`` (mini-batches per second, None
for full speed): moving the slider tells a running worker at once
(:meth:`TrainingController.set_pace`) and records the value in the project as
one undoable edit (a drag merges into one undo entry). The worker does the
pacing between batches (see :mod:`nnstudio.ui.training.worker`); nothing here
ever waits.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

# the slider's stops, slowest first (batches per second; None: full speed)
SPEEDS: tuple = (1, 2, 4, 8, 15, 30, 60, 120, 250, None)
# the speed lessons use when they ask the learner to watch
WATCH_SPEED = 4


def clean_speed(value) -> float | None:
    """A positive finite number, or None (full speed) for anything else."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) and v > 0 else None


def speed_position(value) -> int:
    """The slider stop nearest to ``value`` (full speed: the last stop)."""
    v = clean_speed(value)
    if v is None:
        return len(SPEEDS) - 1
    stops = [s for s in SPEEDS if s is not None]
    return min(range(len(stops)), key=lambda i: abs(math.log(stops[i]) - math.log(v)))


class SpeedControl(QWidget):
    """'Speed' label, slider and the current value as text (objectName ``speedControl``)."""

    def __init__(self, state, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speedControl")
        self.state = state
        self.controller = controller
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        title = QLabel(self.tr("Speed"), self)
        self.slider = QSlider(Qt.Horizontal, self)
        self.slider.setObjectName("speedSlider")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setFixedWidth(110)
        self.slider.setFocusPolicy(Qt.StrongFocus)
        self.value_label = QLabel(self)
        self.value_label.setObjectName("speedLabel")
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("00 batches/s  "))
        title.setBuddy(self.slider)
        tip = self.tr(
            "Training speed: how many mini-batches are trained per second.\n"
            "Left (slow motion, 1-4 batches/s): after every batch the loss curve, the canvas and the "
            "decision map are redrawn and the batch just trained is highlighted in the data view.\n"
            "Right (full speed): trains as fast as the computer can; the views refresh about 10 times a second.\n"
            "The speed changes only how fast you see it, never what the network learns. "
            "It is saved with the project.\n"
            "Keys: Ctrl+[ slower, Ctrl+] faster (or focus the slider and use the arrow keys).")
        for w in (self, self.slider, self.value_label, title):
            w.setToolTip(tip)
        lay.addWidget(title)
        lay.addWidget(self.slider)
        lay.addWidget(self.value_label)
        self._syncing = False
        self.slider.valueChanged.connect(self._on_slider)
        state.trainingChanged.connect(self._on_training)
        state.projectReplaced.connect(self.sync)
        self.sync()

    # -- queries -------------------------------------------------------------------
    def speed(self) -> float | None:
        """The project's speed (batches per second; None: full speed)."""
        return clean_speed(self.state.project.training.get("speed"))

    def text_for(self, speed) -> str:
        v = clean_speed(speed)
        if v is None:
            return self.tr("full speed")
        return self.tr("{n:g} batches/s").format(n=v)

    # -- changes -------------------------------------------------------------------
    def step(self, delta: int) -> None:
        """One stop slower (-1) or faster (+1) (the Slower / Faster actions)."""
        self.slider.setValue(max(0, min(self.slider.maximum(), self.slider.value() + delta)))

    def set_speed(self, speed) -> bool:
        """Set the speed (records it in the project; tells a running worker)."""
        v = clean_speed(speed)
        self.controller.set_pace(v)
        if v == self.speed():
            self.sync()
            return True
        ok = self.state.push([("set_training", "speed", v)], self.tr("Training speed"), merge_key="trainingSpeed")
        self.sync()
        return ok

    def _on_slider(self, pos: int) -> None:
        if not self._syncing:
            self.set_speed(SPEEDS[pos])

    def _on_training(self, key: str) -> None:
        if key == "speed":
            self.controller.set_pace(self.speed())  # undo/redo, lesson set-ups
            self.sync()

    def sync(self, *_args) -> None:
        v = self.speed()
        self._syncing = True
        try:
            self.slider.setValue(speed_position(v))
        finally:
            self._syncing = False
        self.value_label.setText(self.text_for(v))
