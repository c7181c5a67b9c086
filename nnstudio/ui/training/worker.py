"""The training worker: runs ``model.fit`` in a QThread and reports by signal.

The worker never touches a widget. The engine's callback protocol feeds it;
per batch it does only a time check (plus a list append for the
per-iteration loss). Everything it sends is a copy:

* ``progress(Progress)`` at most every :data:`PROGRESS_INTERVAL` seconds
  (and always before pausing and at the end); it carries the epoch summaries
  finished since the last message, so every epoch arrives, coalesced;
* ``live(Snapshot)`` at most every :data:`LIVE_INTERVAL` seconds;
* ``paused(object)`` when it stops to wait (pause request or end of a step),
  with the :class:`StepInfo` of the batch if a one-batch step was requested;
* ``finished(Result)`` once, when ``fit`` returns (or raises).

Pause/stop/step are requests (plain attributes plus a
``threading.Condition``) checked between batches: pause waits on the
condition inside ``on_train_batch_end``; stop sets ``model.stop_training``.

*Pacing* (watchable training): with ``pace`` set to a number of batches per
second, the worker sends ``progress`` (with the batch's dataset indices, for
the batch highlight) and ``live`` after *every* batch, then waits on the same
condition until the batch's time slot is over. Pause, stop, step and a new
pace wake that wait at once; the GUI thread never sleeps. With ``pace`` None
(full speed) the per-batch cost is one attribute test.
"""

from __future__ import annotations

import math
import threading
import time

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.engine import Callback
from nnstudio.session.probes import Probes, compute_snapshot
from nnstudio.session.run import Outcome
from nnstudio.ui.training.messages import Job, Progress, StepInfo  # noqa: F401 - worker API
# the thread registry is nnstudio.ui.threads (one for training and CSV import); these names stay for old imports
from nnstudio.ui.threads import keep_alive, register_thread, running_threads  # noqa: F401

#: at most ~15 progress messages (loss curve, status) and 10 live snapshots (maps, weights) a second:
#: each costs the GUI thread CPU time, which it takes from training (the GIL)
PROGRESS_INTERVAL = 0.066
LIVE_INTERVAL = 0.100
#: the dead-unit count and the confusion matrix pass over whole data sets: at most this often
SLOW_INTERVAL = 1.0



def _valid_pace(pace) -> float | None:
    """A positive, finite number of batches per second, or None (full speed)."""
    try:
        value = float(pace)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and value > 0 else None


#: how a run ended, with what to store: :class:`nnstudio.session.Outcome`
Result = Outcome


class _Hook(Callback):
    """Forwards the engine's callbacks to the worker."""

    def __init__(self, worker: TrainWorker) -> None:
        super().__init__()
        self.w = worker

    def on_epoch_begin(self, epoch, logs=None):
        self.w._epoch = epoch
        self.w._epoch_base = float(epoch)
        # fit() draws this epoch's shuffle next: remember the generator state (for the batch highlight)
        self.w._rng_state = self.w.model.rng.bit_generator.state
        self.w._perm = None

    def on_train_batch_end(self, batch, logs=None):
        self.w._on_batch(batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self.w._on_epoch(epoch, logs)


class TrainWorker(QObject):
    """Runs one :class:`Job` (see module docstring). Lives in a QThread."""

    progress = Signal(object)
    live = Signal(object)
    paused = Signal(object)
    finished = Signal(object)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.model = job.model
        self.result: Result | None = None
        self._cond = threading.Condition()
        self._pause_req = False
        self._stop_req = False
        self._wakes = 0                # resume/step requests so far (a pause after one is a new pause)
        self._step = job.step          # None | 'batch' | 'epoch'
        self._new_lr: float | None = None
        self._pending = bool(job.step)  # a request to look at between batches
        self._probes = job.probes
        self._epoch = job.initial_epoch
        self._epoch_base = float(job.initial_epoch)
        n = len(job.x)
        self._batches = max(1, math.ceil(n / max(1, job.batch_size)))
        self._inv_batches = 1.0 / self._batches
        self._epoch_buf: list = []
        self._ix: list = []
        self._il: list = []
        self._loss = float("nan")
        self._batch = 0
        self._samples = 0
        self._size = job.batch_size
        self._t0 = 0.0
        self._paused_time = 0.0
        self._next_progress = 0.0
        self._next_live = 0.0
        self._next_slow = 0.0
        self._dead = None
        self._confusion = None
        # Credits: the GUI grants the next message once it has drawn the last one
        # (see TrainingController), so a slow view slows its updates, not training.
        self.progress_credit = True
        self.live_credit = True
        self._weights_before: list | None = None
        self._finite_weights: list | None = None
        self._pace = _valid_pace(job.pace)
        self._slot_end = 0.0  # paced runs: when the current batch's time slot ends
        self._rng_state = None  # model.rng's state at this epoch's start (see _batch_rows)
        self._perm = None

    # -- requests (any thread) --------------------------------------------------
    def request_pause(self) -> None:
        with self._cond:
            self._pause_req = True
            self._pending = True
            self._cond.notify_all()  # a paced run waiting out its batch slot pauses now

    def request_resume(self, learning_rate: float | None = None) -> None:
        with self._cond:
            self._wakes += 1
            self._pause_req = False
            self._step = None
            self._new_lr = learning_rate
            self._pending = learning_rate is not None
            self._cond.notify_all()

    def request_step(self, kind: str = "batch", learning_rate: float | None = None) -> None:
        with self._cond:
            self._wakes += 1
            self._pause_req = False
            self._step = kind
            self._new_lr = learning_rate
            self._pending = True
            self._cond.notify_all()

    def request_stop(self) -> None:
        with self._cond:
            self._stop_req = True
            self._pending = True
            self.model.stop_training = True
            self._cond.notify_all()

    def set_pace(self, pace: float | None) -> None:
        """Batches per second from now on (None: full speed); wakes a pacing wait (any thread)."""
        with self._cond:
            self._pace = _valid_pace(pace)
            self._cond.notify_all()

    @property
    def pace(self) -> float | None:
        return self._pace

    def set_probes(self, probes: Probes | None) -> None:
        """Replace what the live views look at (one attribute swap)."""
        self._probes = probes
        self._next_live = 0.0
        self._next_slow = 0.0

    def grant(self, kind: str) -> None:
        """The GUI is ready for the next 'progress' or 'live' message (any thread)."""
        if kind == "progress":
            self.progress_credit = True
        else:
            self.live_credit = True
        if self._pace:
            with self._cond:
                self._cond.notify_all()

    # -- thread body ------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        job = self.job
        m = self.model
        m.stop_training = False
        if self._step == "batch":
            self._arm_capture()
        self._t0 = time.perf_counter()
        error = ""
        try:
            job.run.fit([_Hook(self)])
        except Exception as exc:  # reported to the user; the thread must end cleanly
            error = f"{type(exc).__name__}: {exc}"
        m.capture_step = False
        self._flush_progress(time.perf_counter())
        outcome = job.run.outcome(stop_requested=self._stop_req, error=error,
                                  last_finite_weights=self._finite_weights)
        if outcome.weights is not None and self._probes is not None and not error:
            try:
                self.live.emit(compute_snapshot(m, self._probes, epoch=self._epoch, with_dead=True))
            except Exception:
                pass
        self.result = outcome
        self.finished.emit(self.result)

    # -- engine callbacks (worker thread) ------------------------------------------------
    def _on_batch(self, batch, logs) -> None:
        bl = logs.get("batch_loss")
        self._ix.append(self._epoch_base + (batch + 1) * self._inv_batches)
        self._il.append(bl)
        self._batch = batch + 1
        self._samples += logs.get("size", self._size)
        pace = self._pace
        if pace:
            self._loss = logs.get("loss", bl)
            self._paced_batch(pace)
        else:
            now = time.perf_counter()
            live = now >= self._next_live and self.live_credit and self._probes is not None
            # a live snapshot takes the progress due soon along: one GUI wake-up and one paint for both
            if self.progress_credit and (now >= self._next_progress or (live and now >= self._next_progress - 0.05)):
                self._loss = logs.get("loss", bl)
                self._flush_progress(now)
            if live:
                self._emit_live(now)
        if self._pending:
            self._control(where="batch")

    def _on_epoch(self, epoch, logs) -> None:
        self._epoch_buf.append((epoch, {k: float(v) for k, v in (logs or {}).items()}))
        self._loss = float((logs or {}).get("loss", self._loss))
        self._batch = self._batches
        now = time.perf_counter()
        if now >= self._next_progress and self.progress_credit:
            self._flush_progress(now)
        if self._pending:
            self._control(where="epoch")

    # -- pacing ------------------------------------------------------------------------------
    def _paced_batch(self, pace: float) -> None:
        """Show this batch in every view, then wait out its time slot (worker thread).

        Waits on the pause condition, so pause/stop/step (``_pending``) and a
        pace change end the wait at once.
        """
        cond = self._cond
        now = time.perf_counter()
        period = 1.0 / pace
        # one slot per batch; a batch that overran its slot is not made up for later
        self._slot_end = now + period if not self._slot_end else max(self._slot_end + period, now)
        # The GUI has drawn the last batch (credits back) or the slot is over: show this one.
        with cond:
            while (self._pace and not self._pending and not self._credits_back()
                   and time.perf_counter() < self._slot_end):
                cond.wait(max(0.0, self._slot_end - time.perf_counter()))
        now = time.perf_counter()
        if self.progress_credit:
            self._flush_progress(now, batch_indices=self._batch_rows(self._batch - 1))
        if self.live_credit and self._probes is not None:
            self._emit_live(now)
        with cond:
            while self._pace and not self._pending:
                left = self._slot_end - time.perf_counter()
                if left <= 0:
                    break
                cond.wait(left)

    def _credits_back(self) -> bool:
        return self.progress_credit and (self.live_credit or self._probes is None)

    def _batch_rows(self, batch: int) -> np.ndarray | None:
        """Dataset rows of mini-batch ``batch`` of this epoch.

        ``fit`` shuffles with ``model.rng`` right after ``on_epoch_begin``; the hook
        keeps that generator's state (a small dict), so the same permutation is
        drawn again here from a copy, changing nothing the model computes.
        """
        if self._perm is None:
            if self._rng_state is None:
                return None
            try:
                bg = type(self.model.rng.bit_generator)()
                bg.state = self._rng_state
                self._perm = np.random.Generator(bg).permutation(len(self.job.x))
            except Exception:
                self._rng_state = None
                return None
        size = max(1, self.job.batch_size)
        idx = self._perm[batch * size:(batch + 1) * size]
        tidx = self.job.train_idx
        return np.array(tidx[idx] if tidx is not None else idx, dtype=np.int64)

    # -- helpers ------------------------------------------------------------------------------
    def _flush_progress(self, now: float, batch_indices: np.ndarray | None = None) -> None:
        self._next_progress = now + PROGRESS_INTERVAL
        self.progress_credit = False
        ix, il = self._ix, self._il
        self._ix, self._il = [], []
        eb, self._epoch_buf = self._epoch_buf, []
        self.progress.emit(Progress(
            epoch=self._epoch, batch=self._batch, batches=self._batches, iteration=int(self.model.iterations),
            loss=float(self._loss), samples=self._samples, elapsed=now - self._t0 - self._paused_time,
            epochs=eb, iter_x=np.asarray(ix, dtype=np.float64), iter_loss=np.asarray(il, dtype=np.float64),
            batch_indices=batch_indices))

    def _emit_live(self, now: float) -> None:
        self._next_live = now + LIVE_INTERVAL
        self.live_credit = False
        probes = self._probes
        slow = now >= self._next_slow
        try:
            snap = compute_snapshot(self.model, probes, epoch=self._epoch, with_dead=slow, dead=self._dead,
                                    with_confusion=slow, confusion=self._confusion)
        except Exception:
            self.live_credit = True
            return
        if slow:
            self._next_slow = now + SLOW_INTERVAL
            self._dead, self._confusion = snap.dead, snap.confusion
        if all(np.isfinite(w).all() for w in snap.weights):
            self._finite_weights = snap.weights
        self.live.emit(snap)

    def _arm_capture(self) -> None:
        self.model.capture_step = True
        self._weights_before = self.model.get_weights()

    def _step_info(self) -> StepInfo | None:
        st = getattr(self.model, "last_step", None)
        if st is None:
            return None
        idx = np.asarray(st.batch_indices, dtype=np.int64)
        tidx = self.job.train_idx
        return StepInfo(
            epoch=int(st.epoch), batch=int(st.batch), iteration=int(self.model.iterations), batch_indices=idx,
            dataset_indices=(tidx[idx] if tidx is not None else idx), loss=float(st.loss),
            grads=[np.array(g) for g in st.grads], updates=[np.array(u) for u in st.updates],
            weights_before=self._weights_before or [], x=self.job.x[idx].copy(), y=self.job.y[idx].copy())

    def _control(self, where: str) -> None:
        """Handle a pending request between batches (worker thread)."""
        with self._cond:
            if self._new_lr is not None and self.model.optimizer is not None:
                self.model.optimizer.learning_rate = float(self._new_lr)
                self._new_lr = None
            if self._stop_req:
                self.model.stop_training = True
                return
            step_done = (self._step == "batch" and where == "batch") or (self._step == "epoch" and where == "epoch")
            if not (self._pause_req or step_done):
                self._pending = bool(self._step)
                return
            info = self._step_info() if (step_done and self._step == "batch") else None
            self.model.capture_step = False
            self._step = None
            self._pause_req = True
            seen = self._wakes
        t_wait = time.perf_counter()
        while True:
            # Pausing: send everything the UI needs first, then wait.
            now = time.perf_counter()
            self._flush_progress(now)
            if self._probes is not None:
                self._next_slow = 0.0
                self._emit_live(now)
            self.paused.emit(info)
            info = None
            with self._cond:
                while self._pause_req and not self._stop_req and self._wakes == seen:
                    self._cond.wait(0.2)
                if self._pause_req and not self._stop_req:
                    # resumed and paused again before this thread woke up: report the pause again
                    self._step = None
                    seen = self._wakes
                    continue
                if self._stop_req:
                    self.model.stop_training = True
                if self._new_lr is not None and self.model.optimizer is not None:
                    self.model.optimizer.learning_rate = float(self._new_lr)
                    self._new_lr = None
                if self._step == "batch":
                    self._arm_capture()
                self._pending = bool(self._step) or self._stop_req
                break
        self._paused_time += time.perf_counter() - t_wait
        self._slot_end = 0.0
