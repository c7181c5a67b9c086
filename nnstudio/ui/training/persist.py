"""Saving the run into the project and loading it back (part of :class:`TrainingController`).

The project's ``state`` (``{"weights", "history", "epochs_trained",
"iterations", "runs", "stop_reason", "best_epoch"}``) is the source of truth
when idle. Every write is one ``set_state`` edit through ``AppState.push``
(undoable, marks the document modified); kept runs live in ``state['runs']``.
"""

from __future__ import annotations

import copy

import numpy as np
from PySide6.QtCore import QCoreApplication, QTimer

from nnstudio.ui.training import runs as runlib


class StateMixin:
    """Runs and project-state persistence for the controller (GUI thread).

    Texts are translated in the ``"TrainingController"`` context (the class these methods run in).
    """
    # -- runs -------------------------------------------------------------------------------
    def keep_run(self, name: str | None = None) -> bool:
        """Store the current history as a named run for comparison."""
        if not self.history.get("loss"):
            self.message.emit(QCoreApplication.translate("TrainingController", "Nothing to keep yet: train first."))
            return False
        name = name or QCoreApplication.translate("TrainingController", "Run {n}").format(n=len(self.runs) + 1)
        new_runs = runlib.add_run(self.runs, name, self.history,
                                  default=QCoreApplication.translate("TrainingController", "Run"))
        return self._push_state(self._state_dict(runs=new_runs),
                                QCoreApplication.translate("TrainingController", "Keep run '{name}'").format(name=name))

    def remove_run(self, index: int) -> bool:
        return self._push_state(self._state_dict(runs=runlib.remove_run(self.runs, index)),
                                QCoreApplication.translate("TrainingController", "Remove run"))

    def rename_run(self, index: int, name: str) -> bool:
        return self._push_state(self._state_dict(runs=runlib.rename_run(self.runs, index, name)),
                                QCoreApplication.translate("TrainingController", "Rename run"))

    # -- state <-> project -----------------------------------------------------------------------
    def _state_dict(self, weights=None, runs=None) -> dict:
        if weights is None:
            weights = self.snapshot.weights if self.snapshot is not None else (
                (self.state.project.state or {}).get("weights") or [])
        d = {
            "weights": [np.array(w) for w in weights],
            "history": {k: list(v) for k, v in self.history.items()},
            "epochs_trained": int(self.epochs_trained),
            "iterations": int(self.iterations),
            "runs": copy.deepcopy(self.runs if runs is None else runs),
        }
        if self.stop_reason:
            d["stop_reason"] = self.stop_reason
        if self.best_epoch is not None:
            d["best_epoch"] = int(self.best_epoch)
        return d

    def _push_state(self, new_state, text: str) -> bool:
        self._own_edit = True
        try:
            if not self.state.push([("set_state", new_state)], text):
                self.message.emit(self.state.edit_blocked_reason() or QCoreApplication.translate(
                    "TrainingController", "The project cannot be changed now."))
                return False
            return True
        finally:
            self._own_edit = False
            if self.runs != ((self.state.project.state or {}).get("runs") or []):
                self.runs = copy.deepcopy((self.state.project.state or {}).get("runs") or [])
            self.runsChanged.emit()
            if new_state is None or not new_state.get("weights"):
                self._load_from_project()

    def _load_from_project(self) -> None:
        """Show the project's stored state (open, undo, reset)."""
        st = self.state.project.state or {}
        self.history = {k: list(v) for k, v in (st.get("history") or {}).items()}
        self.epochs_trained = int(st.get("epochs_trained", len(self.history.get("loss", []))))
        self.iterations = int(st.get("iterations", 0))
        self.best_epoch = st.get("best_epoch")
        self.stop_reason = st.get("stop_reason")
        self.stopped_epoch = None
        self.restored_best = False
        self.runs = copy.deepcopy(st.get("runs") or [])
        self.iter_x = np.zeros(0)
        self.iter_loss = np.zeros(0)
        self.snapshot = None
        self.last_step = None
        self._view_model = None
        self.runsChanged.emit()
        self.historyChanged.emit()
        self.refresh_probes()
        if self.epochs_trained:
            self._set_status(QCoreApplication.translate("TrainingController", "Ready: {epochs} epochs trained.").format(
                epochs=self.epochs_trained))
        else:
            self._set_status(QCoreApplication.translate("TrainingController", "Ready"))
        self.progressChanged.emit(0, 1)

    def _on_document(self, event: str, info: dict) -> None:
        if self._own_edit:
            return
        if self.is_paused() and event != "name_changed" and not (
                event == "training_changed" and info.get("key") in ("learning_rate", "epochs")):
            if event == "state_changed":
                # Undo/redo of the trained state while paused: drop the paused run.
                self._discard = True
                self._worker.request_stop()
                return
        if not self.is_active() and event in ("state_changed", "layer_inserted", "layer_removed", "layer_moved",
                                              "layers_replaced", "dataset_changed", "layer_changed",
                                              "training_changed"):
            if event == "training_changed" and info.get("key") not in ("dtype", "seed", "loss", "validation_split"):
                return
            self._schedule_reload()

    def _schedule_reload(self) -> None:
        """Reload once per burst of edits (a lesson set-up is several edits in one command)."""
        if getattr(self, "_reload_pending", False):
            return
        self._reload_pending = True
        QTimer.singleShot(0, self, self._flush_reload)  # dropped if self is deleted first

    def _flush_reload(self) -> None:
        if not getattr(self, "_reload_pending", False):
            return
        self._reload_pending = False
        if not self.is_active():
            self._load_from_project()

    def _on_replaced(self) -> None:
        if self.is_active():
            self.shutdown(3000, save=False)
        self._load_from_project()

    def _on_dataset(self) -> None:
        if not self.is_active():
            self._view_model = None
            self._schedule_reload()

