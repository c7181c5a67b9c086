"""The 'Train' toolbar and menu: actions, step-kind combo, speed control, progress bar, status text,
sample picker.

Space (train/pause) is a window-level action; it does nothing while a text
field has the focus (Qt gives printable keys to line edits first, and the
slot checks again). F10 steps. Ctrl+[ / Ctrl+] make training slower / faster.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from nnstudio.ui.icons import standard_icon
from nnstudio.ui.state import IDLE, PAUSED, RUNNING
from nnstudio.ui.training.speed import SpeedControl


def _text_input_has_focus() -> bool:
    w = QApplication.focusWidget()
    if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return True
    return isinstance(w, QComboBox) and w.isEditable()


class SamplePicker(QWidget):
    """Previous / next / random buttons and a spin box selecting ``state.selected_sample``."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samplePicker")
        self.state = state
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Sample"), self))
        self.prev_button = self._button("◀", "samplePrev", self.tr("Previous sample"), lambda: self._move(-1))
        self.spin = QSpinBox(self)
        self.spin.setObjectName("sampleSpin")
        self.spin.setToolTip(self.tr("The sample whose activations the canvas shows"))
        self.next_button = self._button("▶", "sampleNext", self.tr("Next sample"), lambda: self._move(1))
        self.random_button = self._button("⚄", "sampleRandom", self.tr("A random sample"), self._random)
        for w in (self.prev_button, self.spin, self.next_button, self.random_button):
            lay.addWidget(w)
        self.spin.valueChanged.connect(self._spin_changed)
        state.sampleChanged.connect(self._sync)
        state.datasetChanged.connect(self._sync)
        self._sync()

    def _button(self, text, name, tip, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def _n(self) -> int:
        return self.state.dataset.n_samples if self.state.dataset is not None else 0

    def _sync(self, *_args) -> None:
        n = self._n()
        self.spin.blockSignals(True)
        self.spin.setRange(0, max(0, n - 1))
        self.spin.setValue(self.state.selected_sample)
        self.spin.blockSignals(False)
        self.setEnabled(n > 0)

    def _spin_changed(self, value: int) -> None:
        self.state.select_sample(value)

    def _move(self, delta: int) -> None:
        if self._n():
            self.state.select_sample((self.state.selected_sample + delta) % self._n())

    def _random(self) -> None:
        if self._n():
            self.state.select_sample(random.randrange(self._n()))


class TrainToolbar(QToolBar):
    """Train / Pause / Resume, Step (+ kind), Stop, Reset, progress and status."""

    def __init__(self, window, controller) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Train"))
        self.setObjectName("trainToolBar")
        self.window_ = window
        self.controller = controller
        self.state = controller.state
        self.train_action = self._action(self.tr("Train"), "trainAction", self._on_train, "Space",
                                         self.tr("Train the network (Space: train / pause)"))
        self.train_action.setShortcutContext(Qt.WindowShortcut)
        self.step_action = self._action(self.tr("Step"), "stepAction", self._on_step, "F10",
                                        self.tr("Train one mini-batch or one epoch, then pause (F10)"))
        self.stop_action = self._action(self.tr("Stop"), "stopAction", controller.stop, None, self.tr("Stop training"))
        self.reset_action = self._action(self.tr("Reset"), "resetAction", controller.reset, None,
                                         self.tr("Re-initialize the weights with the project's seed (undoable)"))
        for action, icon in ((self.train_action, "media-playback-start"), (self.step_action, "media-skip-forward"),
                             (self.stop_action, "media-playback-stop"), (self.reset_action, "view-refresh")):
            action.setIcon(standard_icon(icon))
        self.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.addAction(self.train_action)
        self.addAction(self.step_action)
        self.step_kind = QComboBox(self)
        self.step_kind.setObjectName("stepKind")
        self.step_kind.addItem(self.tr("one batch"), "batch")
        self.step_kind.addItem(self.tr("one epoch"), "epoch")
        self.step_kind.setToolTip(self.tr("What Step trains: one mini-batch (iteration) or one whole epoch"))
        self.addWidget(self.step_kind)
        self.addAction(self.stop_action)
        self.addAction(self.reset_action)
        self.addSeparator()
        self.speed = SpeedControl(self.state, controller, self)
        self.addWidget(self.speed)
        self.slower_action = self._action(self.tr("Slower"), "slowerAction", lambda: self.speed.step(-1), "Ctrl+[",
                                          self.tr("Train more slowly, down to slow motion (Ctrl+[)"))
        self.faster_action = self._action(self.tr("Faster"), "fasterAction", lambda: self.speed.step(1), "Ctrl+]",
                                          self.tr("Train faster, up to full speed (Ctrl+])"))
        self.addSeparator()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("trainProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.addWidget(self.progress)
        self.rewind_label = QLabel(self)  # "Viewing epoch 12": the views show the past (rewind timeline)
        self.rewind_label.setObjectName("rewindIndicator")
        self.rewind_label.setStyleSheet("#rewindIndicator { background: #6a1b9a; color: white; padding: 2px 6px;"
                                        " font-weight: bold; }")
        self.rewind_action = self.addWidget(self.rewind_label)
        self.rewind_action.setVisible(False)
        scrubbed = getattr(controller, "scrubbed", None)
        if scrubbed is not None:
            scrubbed.connect(lambda _epoch: self.update_actions())
        self.status = QLabel(controller.status_text, self)
        self.status.setObjectName("trainStatus")
        self.status.setMinimumWidth(200)
        # A fixed-size label: new text every 33 ms must not re-lay out the toolbar.
        self.status.setFixedWidth(620)
        self.status.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Preferred)
        self.status_action = self.addWidget(self.status)
        self.addSeparator()
        self.sample_picker = SamplePicker(self.state, self)
        self.addWidget(self.sample_picker)
        controller.statusChanged.connect(self.status.setText)
        controller.progressChanged.connect(self._on_progress)
        controller.message.connect(self._show_message)
        self.state.trainingStateChanged.connect(self.update_actions)
        self.state.problemsChanged.connect(lambda _p: self.update_actions())
        self.state.datasetChanged.connect(self.update_actions)
        self.update_actions()

    def _action(self, text, name, slot, shortcut, tip) -> QAction:
        a = QAction(text, self.window_)
        a.setObjectName(name)
        a.setToolTip(tip)
        a.setStatusTip(tip)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _checked=False: slot())
        self.window_.addAction(a)  # window-level shortcut even when the toolbar is hidden
        return a

    _last_state = IDLE

    def _on_train(self) -> None:
        self.controller.toggle()

    def _on_step(self) -> None:
        self.controller.step(self.step_kind.currentData())

    def _on_progress(self, value: int, maximum: int) -> None:
        self.progress.setRange(0, max(1, maximum))
        self.progress.setValue(value)

    def _show_message(self, text: str) -> None:
        bar = self.window_.statusBar() if hasattr(self.window_, "statusBar") else None
        if bar is not None:
            bar.showMessage(text, 8000)

    def update_actions(self, *_args) -> None:
        st = self.state.training_state
        if st == RUNNING and st != self._last_state:
            self._show_message(self.state.edit_blocked_reason() or self.tr("Training…"))
        elif st != RUNNING and self._last_state == RUNNING and hasattr(self.window_, "statusBar"):
            self.window_.statusBar().clearMessage()  # "pause or stop before editing" no longer holds
        self._last_state = st
        blocked = self.controller.train_blocked_reason()
        running = st == RUNNING
        if running:
            self.train_action.setText(self.tr("Pause"))
            self.train_action.setIcon(standard_icon("media-playback-pause"))
            self.train_action.setToolTip(self.tr("Pause training (Space)"))
            self.train_action.setEnabled(True)
        else:
            self.train_action.setText(self.tr("Resume") if st == PAUSED else self.tr("Train"))
            self.train_action.setIcon(standard_icon("media-playback-start"))
            self.train_action.setEnabled(blocked is None or st == PAUSED)
            self.train_action.setToolTip(blocked or (self.tr("Resume training (Space)") if st == PAUSED
                                                     else self.tr("Train the network (Space: train / pause)")))
        past = getattr(self.controller, "viewing_epoch", None)
        self.rewind_action.setVisible(past is not None)
        self.status_action.setVisible(past is None)  # the indicator takes the status text's place
        if past is not None:
            self.rewind_label.setText(self.tr("Viewing epoch {epoch} — press Live to return").format(epoch=past))
            self.rewind_label.setToolTip(self.tr("The views show the network as it was after epoch {epoch}. "
                                                 "Live (under the loss plot, or Esc there) returns to the present.")
                                         .format(epoch=past))
            if not running and blocked is None:
                self.train_action.setToolTip(self.tr(
                    "Viewing epoch {epoch}: Train returns to Live and goes on from the latest epoch ({latest}); "
                    "nothing is thrown away. To train from epoch {epoch} instead, use 'Continue from here' "
                    "under the loss plot.").format(epoch=past, latest=self.controller.epochs_trained))
        self.step_action.setEnabled(not running and (blocked is None or st == PAUSED))
        self.step_action.setToolTip(blocked or self.tr("Train one mini-batch or one epoch, then pause (F10)"))
        self.stop_action.setEnabled(st != IDLE)
        self.reset_action.setEnabled(not running)


def install_shortcut_guard(toolbar: TrainToolbar) -> None:
    """Let Space reach text fields: remove the shortcut while one has focus."""

    def on_focus(_old, _new) -> None:
        typing = _text_input_has_focus()
        toolbar.train_action.setShortcut(QKeySequence() if typing else QKeySequence("Space"))

    app = QApplication.instance()
    app.focusChanged.connect(on_focus)
    toolbar.destroyed.connect(lambda *_: _disconnect(app, on_focus))


def _disconnect(app, fn) -> None:
    try:
        app.focusChanged.disconnect(fn)
    except (RuntimeError, TypeError):
        pass


def add_menu(window, toolbar: TrainToolbar) -> None:
    """Fill window.menus['train'] (created if the window has none)."""
    menus = getattr(window, "menus", None)
    menu = menus.get("train") if isinstance(menus, dict) else None
    if menu is None:
        menu = window.menuBar().addMenu(QCoreApplication.translate("TrainToolbar", "&Train"))
        if isinstance(menus, dict):
            menus["train"] = menu
    for a in (toolbar.train_action, toolbar.step_action, toolbar.stop_action, toolbar.reset_action):
        menu.addAction(a)
    menu.addSeparator()
    menu.addAction(toolbar.slower_action)
    menu.addAction(toolbar.faster_action)
    menu.addSeparator()
    kinds = menu.addMenu(QCoreApplication.translate("TrainToolbar", "Step size"))
    for i, label in enumerate((QCoreApplication.translate("TrainToolbar", "One batch"),
                               QCoreApplication.translate("TrainToolbar", "One epoch"))):
        a = kinds.addAction(label, lambda i=i: toolbar.step_kind.setCurrentIndex(i))
        a.setObjectName("stepKindBatch" if i == 0 else "stepKindEpoch")
