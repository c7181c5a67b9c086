"""The trained state between the controller and the document (part of :class:`TrainingController`).

The controller shows one :class:`~nnstudio.session.TrainedState`
(``controller.trained``): the document's ``Project.state`` when idle, the
live one (the state before the run plus every epoch received) while a run
lives. A run is committed once, when it ends (one ``set_state`` edit through
``AppState.push``, undoable, marks the document modified); pausing commits
nothing. Kept runs live in the document's state (``state['runs']``).

Own edits are recognised by identity: ``_shown_state`` is the ``Project.state``
object the controller shows; a ``state_changed`` that leaves the document
holding another object (undo, redo, open) reloads the display.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QTimer

from nnstudio.session import TrainedState
from nnstudio.session import runs as runlib

#: edits that may be made while a run is paused without ending it (they apply on resume)
LIVE_EDITS = {("set_training", "learning_rate"), ("set_training", "epochs"), ("set_training", "speed"),
              ("set_name", None), ("set_state", None)}


class StateMixin:
    """Runs and project-state persistence for the controller (GUI thread)."""

    # -- what the views read ---------------------------------------------------------------
    @property
    def history(self) -> dict:
        return self.trained.history

    @property
    def epochs_trained(self) -> int:
        return self.trained.epochs_trained

    @property
    def iterations(self) -> int:
        return self.trained.iterations

    @property
    def runs(self) -> list[dict]:
        return self.trained.runs

    @property
    def best_epoch(self) -> int | None:
        return self.trained.best_epoch

    @property
    def stop_reason(self) -> str | None:
        return self.trained.stop_reason

    # -- runs -------------------------------------------------------------------------------
    def keep_run(self, name: str | None = None) -> bool:
        """Store the current history as a named run for comparison."""
        if not self.history.get("loss"):
            self.message.emit(QCoreApplication.translate("TrainingController", "Nothing to keep yet: train first."))
            return False
        name = name or QCoreApplication.translate("TrainingController", "Run {n}").format(n=len(self.runs) + 1)
        new_runs = runlib.add_run(self.runs, name, self.history, default=QCoreApplication.translate("TrainingController", "Run"))
        return self._push_runs(new_runs, QCoreApplication.translate("TrainingController", "Keep run '{name}'").format(name=name))

    def remove_run(self, index: int) -> bool:
        return self._push_runs(runlib.remove_run(self.runs, index), QCoreApplication.translate("TrainingController", "Remove run"))

    def rename_run(self, index: int, name: str) -> bool:
        return self._push_runs(runlib.rename_run(self.runs, index, name), QCoreApplication.translate("TrainingController", "Rename run"))

    def _push_runs(self, runs: list[dict], text: str) -> bool:
        """Change only the kept runs of the document's state (a live run's epochs stay uncommitted)."""
        base = dict(self.state.project.trained or {"weights": [], "history": {}, "epochs_trained": 0, "iterations": 0})
        base["runs"] = copy.deepcopy(runs)
        if self._push_state(base, text):
            self.trained.runs = copy.deepcopy(runs)
            self.runsChanged.emit()
            return True
        return False

    # -- state <-> project -----------------------------------------------------------------------
    def commit(self, text: str | None = None) -> bool:
        """Store what a live (paused) run reached so far as one edit (e.g. before saving)."""
        live = self.live_snapshot  # not an earlier epoch the views may be showing
        if live is None or not self.is_active():
            return False
        return self._push_state(self.trained.to_state(live.weights), text or QCoreApplication.translate("TrainingController", "Train"))

    def _push_state(self, new_state, text: str) -> bool:
        previous = self._shown_state
        self._shown_state = new_state
        if not self.state.push([("set_state", new_state)], text):
            self._shown_state = previous
            self.message.emit(self.state.edit_blocked_reason() or QCoreApplication.translate("TrainingController", "The project cannot be changed now."))
            return False
        return True

    def _load_from_project(self) -> None:
        """Show the project's stored state (open, undo, reset)."""
        self._shown_state = self.state.project.trained
        self.trained = TrainedState.from_state(self._shown_state)
        self.stopped_epoch = None
        self.restored_best = False
        self._clear_iterations()
        self.snapshot = None
        self.last_step = None
        self._view_model = None
        self._rewind_reset()
        self.runsChanged.emit()
        self.historyChanged.emit()
        self.refresh_probes()
        if self.epochs_trained:
            self._set_status(QCoreApplication.translate("TrainingController", "Ready: {epochs} epochs trained.").format(epochs=self.epochs_trained))
        else:
            self._set_status(QCoreApplication.translate("TrainingController", "Ready"))
        self.progressChanged.emit(0, 1)

    def _before_edit(self, edits: list[tuple]) -> None:
        """AppState hook: an edit other than a live one ends a paused run first (it is committed)."""
        if not self.is_paused():
            return
        live = all((e[0], e[1] if e[0] == "set_training" else None) in LIVE_EDITS for e in edits)
        if not live:
            self.shutdown(3000, save=True)

    def _on_trained(self) -> None:
        if self.state.project.trained is self._shown_state:
            return  # our own commit (or runs edit)
        if self.is_active():
            self._discard = True  # the document's state was replaced under a live run: drop the run
            self.shutdown(3000, save=False)
            return
        self._schedule_reload()

    def _on_network(self) -> None:  # a new dataset arrives as datasetChanged (_on_dataset)
        if not self.is_active():
            self._schedule_reload()

    def _on_training(self, key: str) -> None:
        if not self.is_active() and key in ("dtype", "seed", "loss", "validation_split"):
            self._schedule_reload()

    def _schedule_reload(self) -> None:
        """Reload once per burst of edits (a lesson set-up is several edits in one command)."""
        if self._reload_pending:
            return
        self._reload_pending = True
        QTimer.singleShot(0, self, self._flush_reload)  # dropped if self is deleted first

    def _flush_reload(self) -> None:
        if not self._reload_pending:
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
