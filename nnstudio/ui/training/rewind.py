"""Rewind: show any recorded epoch in every view, go live again, continue training from it.

Mixed into :class:`~nnstudio.ui.training.controller.TrainingController` (GUI
thread; texts and signals are the controller's). The timeline is the current
run's :class:`~nnstudio.session.snapshots.SnapshotStore` (``controller.timeline``):
while a worker runs, its thread adds one snapshot per finished epoch (the store
takes its own lock; snapshots hold numpy arrays only), and the controller emits
``timelineChanged`` from the GUI thread when a progress message reports new
epochs, when a run starts and when the stored state is replaced (open, undo, reset).

``show_epoch(k)`` puts the snapshot's weights into the GUI-thread view model,
computes :func:`~nnstudio.session.probes.compute_snapshot` from them and applies
it through the live-view path (``snapshotChanged`` + ``state.set_live``), so
every view moves to epoch ``k``; live snapshots that arrive meanwhile are kept
aside (not shown) until :meth:`go_live`. ``scrubbed(k)`` is emitted (-1: live).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnstudio.session import runs as runlib
from nnstudio.session.probes import compute_snapshot
from nnstudio.session.snapshots import DEFAULT_BUDGET_BYTES


class RewindMixin:
    """Timeline, scrubbing and continue-from-here for the controller (GUI thread)."""

    # the epoch the views show (None: live)
    viewing_epoch: int | None = None
    # memory budget of new timelines (bytes; a preference the UI may set)
    timeline_budget: int = DEFAULT_BUDGET_BYTES
    _live_snapshot = None      # the live snapshot put aside while an earlier epoch is shown
    _resume_snapshot = None    # the snapshot the next run starts from (continue_from)

    # -- queries ---------------------------------------------------------------------------
    @property
    def timeline(self):
        """The current run's / record's :class:`~nnstudio.session.snapshots.SnapshotStore`, or None."""
        return self.trained.timeline

    @property
    def live_snapshot(self):
        """The latest live :class:`~nnstudio.session.probes.Snapshot` (also while an old epoch is shown)."""
        return self._live_snapshot if self.viewing_epoch is not None else self.snapshot

    def timeline_file_bytes(self) -> int:
        """About how many bytes the timeline adds to a saved project (0: none)."""
        tl = self.timeline
        return tl.file_bytes() if tl is not None and len(tl) else 0

    def set_timeline_budget(self, nbytes: int) -> None:
        """The memory budget for the timeline now and for later runs (thins the current one)."""
        self.timeline_budget = max(0, int(nbytes))
        tl = self.timeline
        if tl is not None:
            tl.budget_bytes = self.timeline_budget
            self.timelineChanged.emit()

    # -- scrubbing ------------------------------------------------------------------------------
    def show_epoch(self, epoch: int):
        """Move every view to the recorded epoch nearest ``epoch``; returns that epoch (None: no timeline)."""
        tl = self.timeline
        snap = tl.nearest(int(epoch)) if tl is not None else None
        if snap is None or self._probes is None:
            return None
        model = self.view_model()
        if model is None:
            return None
        try:
            model.set_weights(snap.weights)
            view = compute_snapshot(model, self._probes, epoch=snap.epoch, with_dead=True)
        except Exception:
            return None
        if self.viewing_epoch is None:
            self._live_snapshot = self.snapshot
        self.viewing_epoch = snap.epoch
        self._apply_snapshot(view)
        self.scrubbed.emit(snap.epoch)
        return snap.epoch

    def go_live(self) -> None:
        """Show the present again (the latest live snapshot, or the stored weights when idle)."""
        if self.viewing_epoch is None:
            return
        live, self._live_snapshot = self._live_snapshot, None
        self.viewing_epoch = None
        if live is not None:
            if self.is_running():
                self._apply_snapshot(live)
            else:
                self.snapshot = live   # view_model() takes these weights; the probes may have changed
                self._snapshot_idle()
        else:
            self.snapshot = None
            self._view_model = None    # rebuilt from the project's weights
            self._snapshot_idle()
        self.scrubbed.emit(-1)

    def _rewind_reset(self) -> None:
        """A new record is shown (open, undo, reset): back to live without re-drawing the old one."""
        was = self.viewing_epoch is not None
        self.viewing_epoch = None
        self._live_snapshot = None
        self.timelineChanged.emit()
        if was:
            self.scrubbed.emit(-1)

    # -- a new branch ---------------------------------------------------------------------------------
    def continue_from(self, epoch: int, step: str | None = None) -> bool:
        """Train on from the recorded epoch nearest ``epoch`` (weights, optimizer state, generators).

        The history is cut back to that epoch; the old future is kept as a kept run
        (overlaid in the plots), so nothing is lost; the run is committed when it ends,
        as one undoable edit (Undo brings back the record before the branch). A live
        (paused) run is committed first.

        ``step`` ('batch' / 'epoch'): train only that much, then pause (as :meth:`step` does;
        a lesson replays the first mini-batches one at a time this way).
        """
        if self.is_running():
            return False
        if self.is_active():
            self.shutdown(3000, save=True)
        self._flush_reload()
        tl = self.timeline
        snap = tl.nearest(int(epoch)) if tl is not None else None
        if snap is None:
            self.message.emit(QCoreApplication.translate("TrainingController", "There is no recorded epoch to continue from: train first."))
            return False
        previous = (self.trained, self.iter_x, self.iter_loss)
        start = self.trained.truncated(snap.epoch, snap.history_len, snap.iterations)
        if len(self.history.get("loss", [])) > snap.history_len:
            name = QCoreApplication.translate("TrainingController", "Before continuing from epoch {epoch}").format(epoch=snap.epoch)
            start.runs = runlib.add_run(start.runs, name, self.history, default=QCoreApplication.translate("TrainingController", "Run"))
        self.go_live()
        self.trained = start
        keep = self.iter_x <= snap.epoch + 1e-9
        self.iter_x, self.iter_loss = self.iter_x[keep], self.iter_loss[keep]
        self._resume_snapshot = snap
        try:
            ok = self._start(step=step)
        finally:
            self._resume_snapshot = None
        if not ok:
            self.trained, self.iter_x, self.iter_loss = previous
        self.runsChanged.emit()
        self.historyChanged.emit()
        self.timelineChanged.emit()
        return ok
