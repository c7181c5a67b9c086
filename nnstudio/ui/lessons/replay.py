"""Lesson interaction 'replay': a lesson step drives the rewind timeline under the loss plot.

``widget_params``:

* ``mode`` "best_val": one button jumps every view to the epoch with the lowest
  validation loss (lesson 8);
* ``mode`` "epochs": replays epochs ``start``..``until`` at ``speed`` epochs a
  second (lesson 9: the first epochs of an initialization);
* ``mode`` "race": for each of ``variants`` (``{"name", "kernel_initializer"}``) sets
  that initializer on every hidden Dense layer, trains ``until`` epochs, keeps the run
  (so the curves stay overlaid) and replays epochs 0..``until`` at ``speed``, one
  variant after the other (lesson 9: zeros, then He); then it opens every variant's
  decision map side by side (:mod:`.sidebyside`), one slider and play button for
  all, from each run's own recorded snapshots (kept in memory with the run:
  :class:`nnstudio.session.replays.RunReplay`); 'Side by side' reopens it;
* ``mode`` "batches": goes back to epoch ``start`` and trains ``batches``
  mini-batches again, one every ``1 / speed`` seconds, with the batch ringed in
  the data view (the speed control's slow motion; lesson 5). The same seed makes
  them the same batches; the epochs after ``start`` stay as a kept run.

The widget finds the studio window (``window.training`` and the 'loss_plot'
panel's timeline) when a button is pressed, so it can be built without one.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

MODES = ("best_val", "epochs", "race", "batches")


def lowest_val_epoch(history: dict) -> tuple[int, float] | None:
    """(epoch, value) of the lowest validation loss; epoch k = after k epochs (1-based), None without one."""
    values = [float(v) for v in (history or {}).get("val_loss") or []]
    if not values:
        return None
    i = min(range(len(values)), key=lambda j: (values[j], j))
    return i + 1, values[i]


class ReplayWidget(QWidget):
    """One button and a result line (see module docstring)."""

    completed = Signal()

    def __init__(self, mode: str = "best_val", start: int = 0, until: int | None = None, speed: float = 3,
                 batches: int = 6, variants=None, parent=None) -> None:
        super().__init__(parent)
        if mode not in MODES:
            raise TypeError(f"mode must be one of {MODES}")
        self.setObjectName("replayWidget")
        self.mode, self.start, self.until = mode, int(start), (None if until is None else int(until))
        self.speed, self.batches = float(speed), int(batches)
        self._left = 0
        self.variants = [dict(v) for v in (variants or [])]
        if mode == "race" and (not self.variants or any("name" not in v or "kernel_initializer" not in v
                                                        for v in self.variants)):
            raise TypeError("race needs variants: [{name, kernel_initializer}, ...]")
        self._queue: list[dict] = []
        self._current: dict | None = None
        self.replays: list = []          # race: each variant's RunReplay (weights per epoch), in order
        self.side_by_side = None         # race: the SideBySideView opened last
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._next_batch)
        texts = {"best_val": self.tr("Jump to the best epoch"),
                 "epochs": self.tr("Replay epochs {start}–{until}").format(start=self.start,
                                                                           until=self.until if self.until else "…"),
                 "race": self.tr("Replay {names}").format(
                    names=self.tr(", then ").join(v["name"] for v in self.variants)),
                "batches": self.tr("Replay {n} batches slowly").format(n=self.batches)}
        tips = {"best_val": self.tr("The epoch with the lowest validation loss. Moves the canvas, the curves' marker and every view to the epoch whose "
                                    "validation loss was lowest: the network before it began to memorize noise."),
                "epochs": self.tr("Plays those epochs again at {speed:g} epochs a second on every view; the "
                                  "timeline under the loss plot pauses or steps it.").format(speed=self.speed),
                "race": self.tr("Trains each initialization for {n} epochs, keeps it as a run (its curves "
                                "stay in the plots) and replays its epochs 0–{n} at {speed:g} a second, one after "
                                "the other.").format(n=self.until or 0, speed=self.speed),
                "batches": self.tr("Goes back to epoch {start} and trains {n} mini-batches again, {speed:g} a "
                                   "second, ringing each batch in the data view. The same seed gives the same "
                                   "batches; the epochs trained before are kept as a run.").format(
                    start=self.start, n=self.batches, speed=self.speed)}
        self.button = QPushButton(texts[mode], self)
        self.button.setObjectName("replayButton")
        self.button.setToolTip(tips[mode])
        self.button.clicked.connect(self.run)
        self.result = QLabel("", self)
        self.result.setObjectName("replayResult")
        self.result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        self.compare_button = None
        if mode == "race":
            self.compare_button = QPushButton(self.tr("Side by side"), self)
            self.compare_button.setObjectName("replaySideBySide")
            self.compare_button.setToolTip(self.tr("Shows the decision maps of {names} next to each other, one "
                                                   "slider for both: each map from its own run's weights at that "
                                                   "epoch.").format(names=self.tr(", ").join(
                                                       v["name"] for v in self.variants)))
            self.compare_button.setEnabled(False)
            self.compare_button.clicked.connect(self.open_side_by_side)
            lay.addWidget(self.compare_button)
        lay.addWidget(self.result)

    def studio(self):
        """The main window (it has ``training`` and ``panel``), or None."""
        w = self.window()
        if hasattr(w, "training") and hasattr(w, "panel"):
            return w
        for top in QApplication.topLevelWidgets():
            if hasattr(top, "training") and hasattr(top, "panel"):
                return top
        return None

    def timeline(self):
        window = self.studio()
        if window is None:
            return None
        panel = window.panel("loss_plot")
        # the batches are watched in the data view (ringed); everything else on the loss plot's marker
        dock = getattr(window, "docks", {}).get("data_view" if self.mode == "batches" else "loss_plot")
        if dock is not None:
            dock.show()
            dock.raise_()
        return getattr(panel, "timeline", None)

    def run(self) -> bool:
        window = self.studio()
        bar = self.timeline()
        if window is None or bar is None:
            self.result.setText(self.tr("The timeline is not available here."))
            return False
        controller = window.training
        if controller.is_running():
            self.result.setText(self.tr("Wait until training has finished (or pause it)."))
            return False
        if not bar.epochs() and self.mode != "race":
            self.result.setText(self.tr("Train first: there are no recorded epochs yet."))
            return False
        return getattr(self, "_run_" + self.mode)(controller, bar)

    def _run_best_val(self, controller, bar) -> bool:
        best = lowest_val_epoch(controller.history)
        if best is None:
            self.result.setText(self.tr("This run has no validation loss (validation split 0)."))
            return False
        epoch, value = best
        bar.show_epoch(epoch)
        shown = bar.shown_epoch()
        self.result.setText(self.tr("Lowest validation loss {value:.4g} at epoch {epoch} of {total}: the views "
                                    "now show epoch {shown}. Press Live under the loss plot to return.").format(
            value=value, epoch=epoch, total=controller.epochs_trained, shown=shown))
        self.completed.emit()
        return True

    def _run_epochs(self, controller, bar) -> bool:
        ok = bar.play(start=self.start, until=self.until, speed=max(1, int(round(self.speed))))
        if ok:
            self.result.setText(self.tr("Replaying… watch the canvas and the decision map; the purple line on the "
                                        "loss plot is the epoch shown."))
            self.completed.emit()
        return ok

    # -- race: each initialization trained, kept and replayed in turn ---------------------------
    def _run_race(self, controller, bar) -> bool:
        self._queue = list(self.variants)
        self.replays = []
        self.compare_button.setEnabled(False)
        self._wire(controller, bar)
        self._next_variant()
        return True

    def _wire(self, controller, bar) -> None:
        if getattr(self, "_wired", None) is controller:
            return
        self._wired = controller
        controller.finished.connect(self._variant_trained)
        bar.playStopped.connect(self._variant_replayed)

    def _next_variant(self) -> None:
        window = self.studio()
        if window is None or not self._queue:
            if self._current is not None:
                self.result.setText(self.tr("Done: both runs stay dashed in the loss plot; the side-by-side "
                                            "window replays their decision maps together."))
                if self.open_side_by_side() is not None:
                    self.side_by_side.play(start=0)
                self.completed.emit()
            self._current = None
            return

        variant = self._current = self._queue.pop(0)
        state = window.state
        layers = state.project.layers
        dense = [i for i, spec in enumerate(layers) if spec.type == "Dense"]
        edits = [("set_layer", i, "kernel_initializer", variant["kernel_initializer"]) for i in dense[:-1]]
        edits.append(("set_training", "epochs", int(self.until or 10)))
        runs = [dict(r) for r in window.training.runs]
        edits.append(("set_state", {"weights": [], "history": {}, "epochs_trained": 0, "iterations": 0,
                                    "runs": runs}))
        if not state.push(edits, self.tr("Replay: {name}").format(name=variant["name"])):
            self.result.setText(state.edit_blocked_reason() or self.tr("The project cannot be changed now."))
            self._current = None
            return
        self.result.setText(self.tr("Training {name}…").format(name=variant["name"]))
        QTimer.singleShot(0, self, lambda: window.training.train() or self._give_up())

    def _give_up(self) -> None:
        window = self.studio()
        reason = window.training.train_blocked_reason() if window is not None else None
        self.result.setText(reason or self.tr("Training could not start."))
        self._current, self._queue = None, []

    def _variant_trained(self, reason: str) -> None:
        variant, window = self._current, self.studio()
        if variant is None or window is None or getattr(self, "_replaying", False):
            return
        if reason in ("user", "error"):
            self._current, self._queue = None, []
            return
        from nnstudio.session.replays import RunReplay

        controller = window.training
        prepared = controller._prepared()
        if controller.timeline is not None and len(controller.timeline) and prepared is not None:
            self.replays.append(RunReplay.capture(variant["name"], window.state.project, prepared,
                                                  controller.timeline, controller.history))
        controller.keep_run(variant["name"])
        self._replaying = True
        bar = self.timeline()
        self.result.setText(self.tr("Replaying {name}: epochs 0–{n}.").format(name=variant["name"],
                                                                              n=self.until or 10))
        if bar is None or not bar.play(start=0, until=self.until, speed=max(1, int(round(self.speed)))):
            self._variant_replayed()

    def _variant_replayed(self) -> None:
        if not getattr(self, "_replaying", False):
            return
        self._replaying = False
        QTimer.singleShot(0, self, self._next_variant)

    def open_side_by_side(self):
        """Open (or raise) the side-by-side window of the race's runs; None before they are trained."""
        if len(self.replays) < 2:
            return None
        from nnstudio.session.replays import SideBySide
        from nnstudio.ui.lessons.sidebyside import SideBySideView

        if self.side_by_side is not None:
            self.side_by_side.close()
            self.side_by_side.deleteLater()
        window = self.studio()
        view = self.side_by_side = SideBySideView(SideBySide(self.replays), speed=self.speed,
                                                  parent=window if window is not None else self)
        screen = (window or self).screen().availableGeometry()
        view.resize(min(980, screen.width() - 40), min(560, screen.height() - 60))
        centre = (window or self).frameGeometry().center()
        view.move(max(screen.left(), centre.x() - view.width() // 2), max(screen.top(), centre.y() - view.height() // 2))
        view.show()
        view.raise_()
        self.compare_button.setEnabled(True)
        return view

    # -- batches: back to an epoch, then one mini-batch at a time ---------------------------------
    def _run_batches(self, controller, bar) -> bool:
        if controller.viewing_epoch != self.start and self.start < controller.epochs_trained:
            bar.show_epoch(self.start)
        if controller.viewing_epoch is not None:  # a new branch from there, one batch, then paused
            if not controller.continue_from(controller.viewing_epoch, step="batch"):
                return False
            self._left = self.batches - 1
        else:
            self._left = self.batches
        self.timer.start(max(30, int(round(1000 / max(self.speed, 0.1)))))
        self.result.setText(self.tr("Replaying {n} mini-batches: each one is ringed in the data view as it "
                                    "trains.").format(n=self.batches))
        self.completed.emit()
        return True

    def _next_batch(self) -> None:
        window = self.studio()
        if window is None or self._left <= 0:
            self.timer.stop()
            return
        controller = window.training
        if controller.is_running():
            return  # the last step is still training: wait for the next tick
        self._left -= 1
        controller.step("batch")
        if self._left <= 0:
            self.timer.stop()

    def stop_training(self) -> None:
        """The step is left: stop replaying."""
        self.timer.stop()
        self._left = 0
        self._queue, self._current, self._replaying = [], None, False
        if self.side_by_side is not None:
            self.side_by_side.play_button.setChecked(False)
