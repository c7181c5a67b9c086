"""The controller's live-view half: which probes the views want, idle snapshots,
and applying a snapshot (activations + weights) to the shared state.

Mixed into :class:`~nnstudio.ui.training.controller.TrainingController`; texts
and signals are the controller's.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer

from nnstudio.session.probes import compute_snapshot, make_probes
from nnstudio.ui.training.budget import GuiClock


class LiveViewsMixin:
    """Live activations/weights for the canvas and the view docks (GUI thread)."""

    #: raw input row shown instead of the selected dataset sample (a drawing), or None
    custom_sample = None

    def use_custom_sample(self, x) -> None:
        """Show the input row ``x`` (raw features, e.g. a drawing) in the live views; None: the dataset's."""
        self.custom_sample = None if x is None else np.asarray(x, dtype=np.float64).reshape(-1).copy()
        self.refresh_probes()

    def set_wanted(self, **flags: bool) -> None:
        """Which optional live views are visible ('heat', 'grid', 'confusion')."""
        changed = any(self.want.get(k) != v for k, v in flags.items())
        self.want.update(flags)
        if changed and not self._probe_refresh_pending:
            # docks are shown/hidden several at a time (classroom mode, tabs): refresh once
            self._probe_refresh_pending = True
            QTimer.singleShot(0, self, self._refresh_wanted)  # dropped if self is deleted first

    def _refresh_wanted(self) -> None:
        self._probe_refresh_pending = False
        self.refresh_probes()

    _probes_deferred = False
    _probes_wanted = False

    def probes_deferred(self) -> bool:
        """True until the first probes are computed (see :meth:`release_probes`)."""
        return self._probes_deferred

    def release_probes(self) -> None:
        """Compute the probes held back since the controller was created (once a view needs them)."""
        if self._probes_deferred:
            self._probes_deferred = False
            if self._probes_wanted:
                self._probes_wanted = False
                self.refresh_probes()

    def refresh_probes(self) -> None:
        """Rebuild the probe rows (sample, dataset or visibility changed) and refresh idle views.

        The input-plane grid is not traced by the worker: the canvas maps and the decision
        view evaluate it themselves from the snapshot's weights, only while they are shown
        (:class:`nnstudio.project.planes.PlaneEvaluator`, one ``trace`` for both).
        While the probes are deferred (a new window, see :meth:`release_probes`) this only
        remembers that they are wanted.
        """
        if self._probes_deferred:
            self._probes_wanted = True
            return
        prepared = self._prepared()
        if prepared is None:
            self._probes = None
        else:
            self._probes = make_probes(self.state.project, prepared, self.state.selected_sample,
                                       want_heat=self.want["heat"], want_grid=False,
                                       want_confusion=self.want["confusion"],
                                       sample_x=self.custom_sample)
        if self._worker is not None:
            self._worker.set_probes(self._probes)
        if self.viewing_epoch is not None:
            self.show_epoch(self.viewing_epoch)   # an earlier epoch stays shown, with the new probes
        elif not self.is_running():
            self._snapshot_idle()

    def view_model(self):
        """A model for GUI-thread computations (idle/paused), with the latest weights."""
        if self._view_model is None:
            from nnstudio.project.build import build_model

            try:
                self._view_model = build_model(self.state.project, self.state.dataset)
            except Exception:
                return None
        if self.snapshot is not None and self.snapshot.weights:
            try:
                self._view_model.set_weights(self.snapshot.weights)
            except Exception:
                pass
        return self._view_model

    def _snapshot_idle(self) -> None:
        if self._probes is None or self.state.has_errors():
            return
        model = self.view_model()
        if model is None:
            return
        try:
            snap = compute_snapshot(model, self._probes, epoch=self.epochs_trained, with_dead=True)
        except Exception:
            return
        self._apply_snapshot(snap)

    def _on_live(self, snap) -> None:
        if self.sender() is not self._worker:
            return
        t0 = GuiClock()
        try:
            if self.viewing_epoch is not None:
                self._live_snapshot = snap   # an earlier epoch is shown: keep the present for go_live()
            else:
                self._apply_snapshot(snap)
        finally:
            self._grant_later("live", t0)

    def _apply_snapshot(self, snap) -> None:
        self.snapshot = snap
        self.state.set_live(snap.values, snap.weights)
        self.snapshotChanged.emit(snap)
