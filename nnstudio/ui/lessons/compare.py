"""Run a step's comparison variants one after another through the normal training controller.

For each variant (``{"name", "label", "setup"}`` as emitted by
``LessonPanel.compareRequested``) the runner

1. applies the variant's set-up plus a fresh trained state that carries the
   runs kept so far, as ONE undoable command (``AppState.push``);
2. trains with ``window.training.train()``;
3. on ``finished`` keeps the run under the variant's label with
   ``TrainingController.keep_run`` (``runs.add_run``), so the loss and
   metric plots overlay it as a dashed curve.

A set-up that replaces layers clears the document's trained state (and with
it ``state['runs']``), and a training-only variant would otherwise continue
from the previous variant's weights, so every variant starts from an empty
state that keeps the earlier runs.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject, QTimer, Signal

from nnstudio.project import setup_edits


class CompareRunner(QObject):
    """Trains comparison variants in sequence (see module docstring)."""

    #: a human-readable progress line ("Training 2/5: Dropout…")
    progress = Signal(str)
    #: the comparison ended: (names of the kept runs, completed normally)
    done = Signal(list, bool)

    def __init__(self, window, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.state = window.state
        self.queue: list[dict] = []
        self.kept: list[str] = []
        self.total = 0
        self.epochs: int | None = None
        self.current: dict | None = None
        self._runs: list[dict] = []
        self._connected = False

    @property
    def training(self):
        return getattr(self.window, "training", None)

    def is_running(self) -> bool:
        """True from :meth:`start` until the last variant is kept (or the run is cancelled)."""
        return self.current is not None or bool(self.queue)

    def start(self, variants: list[dict], epochs: int | None = None) -> bool:
        """Train ``variants`` one after another; ``epochs`` overrides each set-up's epochs (previews, tests)."""
        training = self.training
        if training is None:
            self.progress.emit(self.tr("Comparing needs the training part of the studio, which is not loaded."))
            return False
        if not variants:
            return False
        if training.is_active():
            training.shutdown(5000)
        if not self._connected:
            training.finished.connect(self._on_finished)
            self._connected = True
        self.queue = [dict(v) for v in variants]
        self.total = len(self.queue)
        self.kept = []
        self.epochs = epochs
        self._runs = []
        self._next()
        return True

    def cancel(self) -> None:
        """Stop after the current variant: the queue is dropped and training stopped."""
        self.queue = []
        training = self.training
        if self.current is not None and training is not None and training.is_active():
            training.stop()  # _on_finished ends the comparison
        elif self.current is not None:
            self._end(False)

    # ------------------------------------------------------------------ steps
    def _next(self) -> None:
        if not self.queue:
            self._end(True)
            return
        variant = self.queue.pop(0)
        self.current = variant
        setup = copy.deepcopy(variant["setup"])
        if self.epochs is not None:
            setup.setdefault("training", {})["epochs"] = int(self.epochs)
        label = variant.get("label") or variant["name"]
        fresh = {"weights": [], "history": {}, "epochs_trained": 0, "iterations": 0,
                 "runs": copy.deepcopy(self._runs)}
        edits = setup_edits(self.state.project, setup) + [("set_state", fresh)]
        if not self.state.push(edits, self.tr("Compare: {0}").format(label)):
            self.progress.emit(self.state.edit_blocked_reason() or self.tr("The project cannot be changed now."))
            self._end(False)
            return
        index = self.total - len(self.queue)
        self.progress.emit(self.tr("Training {0}/{1}: {2}…").format(index, self.total, label))
        if not self.training.train():
            self.progress.emit(self.tr("Could not train '{0}': {1}").format(
                label, self.training.train_blocked_reason() or self.tr("see the Problems panel")))
            self._end(False)

    def _on_finished(self, reason: str) -> None:
        variant = self.current
        if variant is None:
            return
        label = variant.get("label") or variant["name"]
        training = self.training
        if reason in ("user", "error"):
            self.queue = []
            self._end(False)
            return
        if training.keep_run(label):
            self._runs = copy.deepcopy(training.runs)
            self.kept.append(self._runs[-1]["name"] if self._runs else label)
        # let the controller finish its own bookkeeping before the next push/train
        QTimer.singleShot(0, self._next)

    def _end(self, completed: bool) -> None:
        self.current = None
        self.queue = []
        if completed:
            self.progress.emit(self.tr("Comparison done: {0}.").format(", ".join(self.kept)))
        else:
            self.progress.emit(self.tr("Comparison stopped after {0} of {1} runs.").format(len(self.kept), self.total))
        self.done.emit(list(self.kept), bool(completed))
