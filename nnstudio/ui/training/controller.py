"""The training controller: the QThread + signals around one :class:`nnstudio.session.TrainingRun`.

``window.training`` is a :class:`TrainingController` (see docs/CONTRACTS.md).
Everything here runs in the GUI thread. The project's ``state`` is the
source of truth when idle; while a run lives, the controller shows one live
:class:`~nnstudio.session.TrainedState` (``trained``) and commits the run's
:class:`~nnstudio.session.Outcome` once, with one ``set_state`` edit, when it
stops or finishes (pausing commits nothing; see :mod:`.persist`).
"""

from __future__ import annotations

import copy
import time

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal

from nnstudio.session import TrainedState, TrainingRun
from nnstudio.session import runs as runlib
from nnstudio.ui.i18n import tr_problem
from nnstudio.ui.state import IDLE, PAUSED, RUNNING
# the live messages' GUI-time budget (GUI_DUTY, MAX_GRANT_DELAY are also importable from here)
from nnstudio.ui.training.budget import GUI_DUTY, MAX_GRANT_DELAY, GuiClock, grant_delay_ms  # noqa: F401
from nnstudio.ui.training.afterpaint import SwitchInterval, after_paint
from nnstudio.ui.training.liveviews import LiveViewsMixin
from nnstudio.ui.training.nogradient import output_has_no_gradient
from nnstudio.ui.training.persist import StateMixin
from nnstudio.ui.training.rewind import RewindMixin
from nnstudio.ui.threads import keep_alive, run_worker
from nnstudio.ui.training.worker import Job, TrainWorker

#: English text of :meth:`TrainingController.diverge_hint` (shown translated)
DIVERGE_HINT = (
    "This usually means the learning rate is too high, the inputs are not scaled "
    "(turn on standardization), or the loss does not fit the output layer "
    "(e.g. cross-entropy on a linear output)."
)


class TrainingController(RewindMixin, StateMixin, LiveViewsMixin, QObject):
    """Train / pause / resume / step / stop / reset one project (see module docstring)."""

    started = Signal()
    epochEnded = Signal(int, dict)
    finished = Signal(str)
    diverged = Signal(str)
    #: the history (epochs and/or per-iteration loss) changed
    historyChanged = Signal()
    #: new status text (str) for the toolbar label
    statusChanged = Signal(str)
    #: (value, maximum) for the progress bar
    progressChanged = Signal(int, int)
    #: a new :class:`~nnstudio.session.probes.Snapshot` for the live views
    snapshotChanged = Signal(object)
    #: a one-batch step finished: :class:`~nnstudio.ui.training.worker.StepInfo`
    stepped = Signal(object)
    #: kept runs changed
    runsChanged = Signal()
    #: a message for the status bar
    message = Signal(str)
    #: epochs were added to the timeline or it was replaced (GUI thread; see :mod:`.rewind`)
    timelineChanged = Signal()
    #: the views moved to this recorded epoch (-1: back to live)
    scrubbed = Signal(int)

    def __init__(self, state, parent: QObject | None = None, *, defer_probes: bool = False) -> None:
        """``defer_probes``: compute the first probes and idle snapshot only when
        :meth:`release_probes` is called (the app's window: after its first paint) or on Train."""
        super().__init__(parent)
        self.state = state
        #: what the views show: the document's trained state, or the live one while a run lives
        self.trained = TrainedState()
        self._shown_state = None
        self.iter_x = np.zeros(0)
        self.iter_loss = np.zeros(0)
        self.stopped_epoch: int | None = None
        self.restored_best = False
        self.snapshot = None
        self.last_step = None
        self.status_text = self.tr("Ready")
        self.divergence_message = ""
        self.want = {"heat": True, "grid": True, "confusion": True}
        self._thread: QThread | None = None
        self._worker: TrainWorker | None = None
        self._job: Job | None = None
        self._probes = None
        self._view_model = None
        self._reload_pending = False
        self._probe_refresh_pending = False
        self._discard = False
        self._restart = False
        self._run_key = None
        self._run_lr = None
        self._run_target = 0
        self._run_initial = 0
        self._last_epoch_logs: dict = {}
        self._retired: list = []
        self._t_start = 0.0
        #: the last (kind, delay ms) pauses before a credit was given back (tests, benchmarks)
        self.grant_delays: list = []
        self._switch = SwitchInterval()  # shorter GIL hand-overs while a run lives
        state.trainedChanged.connect(self._on_trained)
        state.networkChanged.connect(self._on_network)
        state.trainingChanged.connect(self._on_training)
        state.projectReplaced.connect(self._on_replaced)
        state.datasetChanged.connect(self._on_dataset)
        state.sampleChanged.connect(lambda _i: self.refresh_probes())
        state.add_edit_hook(self._before_edit)
        self._probes_deferred = bool(defer_probes)  # start-up paints sooner (see release_probes)
        self._load_from_project()

    # -- queries --------------------------------------------------------------------
    def is_active(self) -> bool:
        """True while a worker exists (running or paused)."""
        return self._thread is not None

    def is_running(self) -> bool:
        return self.state.training_state == RUNNING

    def is_paused(self) -> bool:
        return self.state.training_state == PAUSED

    def train_blocked_reason(self) -> str | None:
        """Why Train is disabled now (None if it is not)."""
        if getattr(self.state, "dataset_pending", False):
            return self.tr("Preparing the data: Train is enabled as soon as it is ready.")
        if self.state.dataset is None:
            return self.tr("No dataset: {reason}").format(
                reason=self.state.dataset_error or self.tr("choose a dataset first."))
        if self.state.has_errors():
            first = next((p for p in self.state.problems if p.is_error), None)
            text = tr_problem(first) if getattr(first, "message", "") else ""
            return self.tr("Fix the problems first: {problem}").format(
                problem=text or self.tr("see the Problems panel"))
        if output_has_no_gradient(self.state.project):
            return self.tr("The output goes through the step function, whose slope is 0 everywhere: gradient "
                           "descent gets no gradient, so training would leave the loss flat. Move the weights by "
                           "hand, let the perceptron rule learn them (lesson 1), or give the output a sigmoid.")
        return None

    # -- commands -----------------------------------------------------------------------
    def train(self) -> bool:
        """Start training (or resume when paused)."""
        if self.is_paused():
            return self.resume()
        if self.is_active():
            return False
        return self._start(step=None)

    def toggle(self) -> None:
        """Space: train / pause / resume."""
        if self.is_running():
            self.pause()
        else:
            self.train()

    def pause(self) -> None:
        if self._worker is not None and self.is_running():
            self._worker.request_pause()
            self._set_status(self.tr("Pausing…"))

    def resume(self) -> bool:
        if self._worker is None or not self.is_paused():
            return False
        if self._settings_key() != self._run_key:
            # Structure, data or optimizer kind changed while paused: finish this run
            # (its state is saved) and start a new one from the saved state.
            self._restart = True
            self._worker.request_stop()
            return True
        lr = self._lr_change()
        self.state.set_training_state(RUNNING)
        self._worker.request_resume(learning_rate=lr)
        return True

    def step(self, kind: str = "batch") -> bool:
        """Train one mini-batch ('batch') or one epoch ('epoch'), then pause."""
        if kind not in ("batch", "epoch"):
            raise ValueError("step kind must be 'batch' or 'epoch'")
        if self.is_running():
            return False
        if self._worker is not None and self.is_paused():
            if self._settings_key() != self._run_key:
                self._restart = kind
                self._worker.request_stop()
                return True
            lr = self._lr_change()
            self.state.set_training_state(RUNNING)
            self._worker.request_step(kind, learning_rate=lr)
            return True
        return self._start(step=kind)

    def set_pace(self, pace: float | None) -> None:
        """Change the speed of the running worker now (batches per second; None: full speed).

        The project's ``training.speed`` is the remembered value; this only tells a
        running or paused worker (the speed control calls it while edits are blocked).
        """
        if self._worker is not None:
            self._worker.set_pace(pace)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()
            self._set_status(self.tr("Stopping…"))

    def reset(self) -> bool:
        """Re-initialize the weights with the project's seed (one undoable edit)."""
        if self.is_active():
            self.shutdown(3000, save=False)
        runs = copy.deepcopy(self.runs)
        new = {"weights": [], "history": {}, "epochs_trained": 0, "iterations": 0, "runs": runs} if runs else None
        ok = self._push_state(new, self.tr("Reset weights"))
        if ok:
            self._load_from_project()
        self.divergence_message = ""
        return ok

    def shutdown(self, timeout_ms: int = 2000, save: bool = True) -> bool:
        """Stop the worker and join its thread (closeEvent). True if the thread ended."""
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return True
        self._discard = not save
        worker.request_stop()
        ended = thread.wait(int(timeout_ms))
        if not ended:
            keep_alive(thread)
            keep_alive(worker)
            return False
        self._finalize(worker.result)
        return True

    # -- start / signals -----------------------------------------------------------------------
    def _prepared(self):
        try:
            return self.state.prepared()
        except Exception:
            return None

    def _settings_key(self):
        p = self.state.project
        training = {k: v for k, v in p.training.items() if k not in ("learning_rate", "epochs", "speed")}
        return repr(([layer.to_dict() for layer in p.layers], training, p.dataset))

    def _lr_change(self) -> float | None:
        lr = float(self.state.project.training.get("learning_rate", 0.01))
        if lr != self._run_lr:
            self._run_lr = lr
            return lr
        return None

    def _start(self, step: str | None) -> bool:
        self._flush_reload()  # edits made just before Train must be reflected first

        reason = self.train_blocked_reason()
        if reason:
            self.message.emit(reason)
            return False
        prepared = self._prepared()
        if prepared is None:
            self.message.emit(self.tr("The data could not be prepared for training."))
            return False
        try:
            run = TrainingRun(self.state.project, self.state.dataset, prepared=prepared, start=self.trained,
                              resume=self._resume_snapshot, timeline_budget=self.timeline_budget)
        except Exception as exc:
            self.message.emit(self.tr("The model could not be built: {error}").format(error=exc))
            return False
        self.release_probes()
        if self._probes is None:
            self.refresh_probes()
        self.go_live()
        self.trained.timeline = run.timeline   # the worker's thread fills it (the store locks itself)
        self._run_initial = run.initial_epoch
        self._run_target = run.epochs
        self._run_key = self._settings_key()
        self._run_lr = run.learning_rate
        self._discard = False
        self.divergence_message = ""
        self.trained.best_epoch = None
        self.stopped_epoch = None
        self.restored_best = False
        job = Job(run=run, probes=self._probes, step=step, pace=self.state.project.training.get("speed"))
        self._job = job
        self._t_start = time.perf_counter()
        worker = TrainWorker(job)
        worker.progress.connect(self._on_progress)
        worker.live.connect(self._on_live)
        worker.paused.connect(self._on_paused)
        worker.finished.connect(self._on_finished)
        self._retired = []
        self._worker = worker
        self.state.set_training_state(RUNNING)
        self._set_status(self.tr("Starting…"))
        self._switch.enter()
        self._thread = run_worker(worker, "trainingThread")
        self.timelineChanged.emit()
        self.started.emit()
        return True

    def _grant_later(self, kind: str, t0: GuiClock) -> None:
        """Give the worker its next '<kind>' credit once this update is drawn, keeping to GUI_DUTY.

        ``t0`` is when handling the message started; its GUI-thread CPU time until the
        views are painted (:func:`~nnstudio.ui.training.afterpaint.after_paint`: the repaints
        count too) sets the pause (:func:`~nnstudio.ui.training.budget.grant_delay_ms`).
        Call it at the end of the handler, after the views were told to update.
        """
        worker = self._worker

        def drawn() -> None:
            delay_ms = grant_delay_ms(kind, t0.cpu_spent(), paced=bool(worker is not None and worker.pace))
            self.grant_delays.append((kind, delay_ms))
            if len(self.grant_delays) > 64:
                del self.grant_delays[:32]
            QTimer.singleShot(delay_ms, lambda: worker.grant(kind))

        after_paint(drawn)

    def _on_progress(self, p) -> None:
        if self.sender() is not self._worker:
            return
        t0 = GuiClock()
        try:
            self._apply_progress(p)
        finally:  # after the views were told to update: their paint counts in the budget
            self._grant_later("progress", t0)

    def _apply_progress(self, p) -> None:
        for epoch, logs in p.epochs:
            self.trained.add_epoch(epoch, logs)
            self._last_epoch_logs = logs
        if len(p.iter_x):
            self.iter_x = np.concatenate([self.iter_x, p.iter_x])
            self.iter_loss = np.concatenate([self.iter_loss, p.iter_loss])
        self.trained.iterations = p.iteration
        if p.batch_indices is not None:
            self.state.batchChanged.emit(p.batch_indices)  # paced: highlight the batch just trained
        for epoch, logs in p.epochs:
            self.epochEnded.emit(epoch, logs)
        self.historyChanged.emit()
        if p.epochs:
            self.timelineChanged.emit()
        self._progress_status(p)

    def _progress_status(self, p) -> None:
        total = max(1, (self._run_target - self._run_initial) * p.batches)
        done = min(total, (p.epoch - self._run_initial) * p.batches + p.batch)
        self.progressChanged.emit(done, total)
        sps = p.samples / p.elapsed if p.elapsed > 0 else 0.0
        remaining = (total - done) * (p.elapsed / done) if done else 0.0
        parts = [self.tr("epoch {epoch} / {total}").format(epoch=min(p.epoch + 1, self._run_target),
                                                           total=self._run_target),
                 self.tr("iteration {iteration} / {total}").format(iteration=p.batch, total=p.batches),
                 self.tr("loss {loss:.4g}").format(loss=p.loss)]
        logs = self._last_epoch_logs
        metric = runlib.metric_key(logs)
        if metric:
            parts.append(f"{metric} {logs[metric]:.3g}")  # a Keras History key: not translated
        parts += [self.tr("{rate:,.0f} samples/s").format(rate=sps),
                  self.tr("{time} elapsed").format(time=runlib.fmt_time(p.elapsed)),
                  self.tr("{time} left").format(time=runlib.fmt_time(remaining))]
        self._set_status(" · ".join(parts))

    def _on_paused(self, info) -> None:
        if self.sender() is not self._worker:
            return
        self.state.set_training_state(PAUSED)
        if info is not None:
            self.last_step = info
            self.state.batchChanged.emit(info.dataset_indices)
            self.stepped.emit(info)
        self._set_status(self.tr("Paused at epoch {epoch}, iteration {iteration}.").format(
            epoch=self.epochs_trained, iteration=self.iterations) + " " + self.status_text)

    def _on_finished(self, result) -> None:
        if self.sender() is not self._worker:
            return
        self._finalize(result)

    def _finalize(self, result) -> None:
        """Store the run's outcome and go idle (idempotent per worker)."""
        thread, worker = self._thread, self._worker
        if worker is None:
            return
        self._thread = self._worker = None
        self._switch.leave()
        if thread is not None:
            thread.quit()
            thread.wait(2000)
        # Keep the finished pair referenced until the next run: queued signals of
        # the old worker may still be delivered (and are ignored by sender()).
        self._retired = [thread, worker]
        self.state.set_training_state(IDLE)
        if result is None:
            return
        if self._discard:
            self._discard = False
            self._load_from_project()
            return
        runs = copy.deepcopy(self.runs)  # kept while the run lived (the document's)
        self.trained = result.trained
        self.trained.runs = runs
        self.restored_best = result.restored_best
        self.stopped_epoch = result.stopped_epoch
        diverged_status = ""
        if result.stop_reason == "diverged":
            ep, batch = result.diverged_at or (self.epochs_trained, 0)
            why = getattr(result, "divergence", None)
            if why:  # a finite loss that exploded (nnstudio.project.divergence)
                diverged_status = self.tr("Training diverged: the loss exploded to {loss:.3g} at epoch {epoch}, "
                                          "iteration {iteration}, far above the {start:.3g} it started "
                                          "from.").format(loss=why["loss"], epoch=ep + 1, iteration=batch + 1,
                                                          start=why["start"])
            else:
                diverged_status = self.tr("Training diverged: the loss became NaN or infinite at epoch {epoch}, "
                                          "iteration {iteration}.").format(epoch=ep + 1, iteration=batch + 1)
            self.divergence_message = diverged_status + " " + self.diverge_hint()
        if result.stop_reason == "error":
            self.message.emit(self.tr("Training failed: {error}").format(error=result.error))
        if result.weights:
            self._push_state(self.trained.to_state(result.weights), self.tr("Train"))
        self.historyChanged.emit()
        self.timelineChanged.emit()
        restart, self._restart = self._restart, False
        if result.stop_reason == "diverged":
            self._set_status(diverged_status)
            self.diverged.emit(self.divergence_message)
        elif result.stop_reason:
            self._set_status(self.tr("Done: {epochs} epochs, {iterations} iterations ({reason}).").format(
                epochs=self.epochs_trained, iterations=self.iterations,
                reason=self.stop_reason_text(result.stop_reason)))
        else:
            self._set_status(self.tr("Done: {epochs} epochs, {iterations} iterations.").format(
                epochs=self.epochs_trained, iterations=self.iterations))
        self.finished.emit(result.stop_reason or "completed")
        if restart:
            self._start(step=restart if isinstance(restart, str) else None)

    def diverge_hint(self) -> str:
        """:data:`DIVERGE_HINT` in the UI language."""
        return self.tr("This usually means the learning rate is too high, the inputs are not scaled "
                       "(turn on standardization), or the loss does not fit the output layer "
                       "(e.g. cross-entropy on a linear output).")

    def stop_reason_text(self, reason: str) -> str:
        """A ``stop_reason`` ('user', 'early_stopping', ...) as words for the status text."""
        words = {"user": self.tr("user"), "early_stopping": self.tr("early stopping"),
                 "diverged": self.tr("diverged"), "error": self.tr("error")}
        return words.get(reason, reason.replace("_", " "))

    def _clear_iterations(self) -> None:
        self.iter_x = np.zeros(0)
        self.iter_loss = np.zeros(0)

    def _set_status(self, text: str) -> None:
        self.status_text = text
        self.statusChanged.emit(text)
