"""One training run of a project (no Qt): used by ``nnstudio train`` and the studio.

:class:`TrainingRun` prepares everything from a project and its dataset (the
split/scaled arrays, the compiled model continuing from the trained weights,
the early-stopping callback), numbers the epochs on from what was trained
before, runs ``fit`` (the caller adds its own callbacks: the CLI's progress
line, the studio worker's pause/step hook) and says what to store afterwards
(:meth:`TrainingRun.outcome`): the history with the new epochs appended, the
iteration count, the best epoch, why it stopped.

The run also records its timeline (:attr:`TrainingRun.timeline`, a
:class:`~nnstudio.session.snapshots.SnapshotStore`): the state before the
first epoch and after each finished one, appended to the timeline of the
state it continues from. ``resume`` (a snapshot) starts exactly where that
snapshot was taken: weights, optimizer state, generators and counters.

The GUI runs :meth:`fit` in a worker thread; everything here is plain numpy
and the engine, so the CLI and the studio train identically.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio import engine
from nnstudio.session import snapshots as snaplib
from nnstudio.session.record import TrainedState

STOP_REASONS = (None, "user", "diverged", "early_stopping", "error")


@dataclass
class Outcome:
    """How a run ended and what the project should store."""

    trained: TrainedState            # the state before the run plus every epoch it finished
    weights: list | None             # the weights to store (None: keep none)
    stop_reason: str | None          # one of STOP_REASONS (None: all epochs ran)
    epochs_done: int                 # epochs this run finished
    diverged_at: tuple | None = None  # (epoch, batch) of the first non-finite loss
    stopped_epoch: int | None = None  # early stopping: the epoch it stopped at
    restored_best: bool = False      # early stopping restored the best weights
    error: str = ""
    divergence: dict | None = None   # an exploding (finite) loss: {"kind", "loss", "start", "limit"}

    def state(self) -> dict:
        """The ``Project.trained`` dict to store."""
        return self.trained.to_state(self.weights)


class TrainingRun:
    """Everything one ``fit`` call needs, from a project + its dataset (see module docstring).

    ``prepared`` reuses already split data (the studio caches it); ``epochs``
    overrides the project's epoch count; ``start`` overrides what was trained
    before (default: read from ``project.trained``). ``resume`` (a
    :class:`~nnstudio.session.snapshots.Snapshot`) puts that snapshot's weights,
    optimizer state, generator states and iteration count into the model, so the
    run continues exactly as the run that took it did. ``snapshots=False`` records
    no timeline; ``timeline_budget`` sets a new timeline's memory budget (bytes).
    Raises ValueError when the network cannot be built for this data.
    """

    def __init__(self, project, dataset, *, prepared=None, epochs: int | None = None,
                 start: TrainedState | None = None, resume=None, snapshots: bool = True,
                 timeline_budget: int | None = None) -> None:
        from nnstudio.project.build import build_model, make_callbacks, prepare_data

        self.project = project
        self.prepared = prepared if prepared is not None else prepare_data(project, dataset)
        self.model = build_model(project, dataset)
        self.start = (start if start is not None else TrainedState.from_state(project.trained)).copy()
        t = project.training
        n_epochs = int(t.get("epochs", 1)) if epochs is None else int(epochs)
        self.initial_epoch = self.start.epochs_trained
        self.epochs = self.initial_epoch + max(1, n_epochs)   # absolute, as Keras' fit(epochs=...)
        self.batch_size = int(t.get("batch_size", 32))
        self.callbacks = make_callbacks(project)
        self.learning_rate = float(t.get("learning_rate", 0.01))
        if resume is not None:
            snaplib.restore(self.model, resume)
        self.model.iterations = self.start.iterations if resume is None else int(resume.iterations)
        self.timeline = None
        self._taker = None
        self._history_base = 0
        if snapshots:
            timeline = self.start.timeline
            if timeline is None:
                timeline = snaplib.SnapshotStore(timeline_budget if timeline_budget is not None
                                                 else snaplib.DEFAULT_BUDGET_BYTES)
            elif timeline_budget is not None:
                timeline.budget_bytes = timeline_budget
            self.start.timeline = timeline   # start is this run's own copy: appending changes no one else's
            self.timeline = timeline

    # -- what fit needs ------------------------------------------------------------
    @property
    def x(self) -> np.ndarray:
        return self.prepared.x_train

    @property
    def y(self) -> np.ndarray:
        return self.prepared.y_train

    @property
    def train_idx(self) -> np.ndarray:
        return self.prepared.train_idx

    @property
    def batches_per_epoch(self) -> int:
        return max(1, -(-len(self.x) // max(1, self.batch_size)))

    @property
    def early_stopping(self):
        """The run's EarlyStopping callback, or None."""
        return next((c for c in self.callbacks if isinstance(c, engine.EarlyStopping)), None)

    def fit(self, callbacks=()):
        """``model.fit`` over the remaining epochs with the project's callbacks plus ``callbacks``.

        With a timeline, the state before the first epoch is recorded (replacing the
        timeline's snapshot of that epoch, so every later snapshot continues from the
        one before it) and one snapshot after every finished epoch.
        """
        first = [_Recorder(self)] if self.timeline is not None else []  # before early stopping restores
        return self.model.fit(self.x, self.y, batch_size=self.batch_size, epochs=self.epochs,
                              initial_epoch=self.initial_epoch, verbose=0, shuffle=True,
                              validation_data=self.prepared.validation_data,
                              callbacks=first + list(self.callbacks) + list(callbacks))

    def snapshot_now(self, epoch: int) -> None:
        """Record the model's state as epoch ``epoch`` of the timeline (the thread running fit)."""
        if self._taker is None:
            self._taker = snaplib.Taker(self.model)
            self._history_base = len(self.start.history.get("loss", [])) - self.initial_epoch
        self.timeline.append(self._taker.take(epoch, self._history_base + epoch))

    # -- what to store -----------------------------------------------------------------
    def trained(self) -> TrainedState:
        """:attr:`start` plus every epoch the engine finished (also after an error or a stop)."""
        out = self.start.copy()
        out.timeline = self.timeline  # the recorded timeline itself (the run has ended or shares it)
        history = getattr(getattr(self.model, "history", None), "history", None) or {}
        done = len(history.get("loss", []))
        for i in range(done):
            out.add_epoch(self.initial_epoch + i, {k: v[i] for k, v in history.items() if i < len(v)})
        out.iterations = int(self.model.iterations)
        return out

    def outcome(self, *, stop_requested: bool = False, error: str = "", weights: list | None = None,
                last_finite_weights: list | None = None) -> Outcome:
        """How the run ended (call after :meth:`fit` returned or raised).

        ``weights`` defaults to the model's; after a divergence the last finite
        weights are stored (``last_finite_weights`` when the caller kept some).
        """
        m = self.model
        stop_reason = "error" if error else m.stop_reason
        if stop_requested and stop_reason in (None, "user"):
            stop_reason = "user"
        trained = self.trained()
        if weights is None:
            try:
                weights = [np.array(w) for w in m.get_weights()]
            except Exception:
                weights = None
        finite = weights is not None and all(np.isfinite(w).all() for w in weights)
        if stop_reason == "diverged" or not finite:
            weights = weights if finite else last_finite_weights
        es = self.early_stopping
        trained.stop_reason = stop_reason
        trained.best_epoch = int(es.best_epoch) if es is not None and es.best is not None else None
        restored = bool(es is not None and es.restore_best_weights and es.best_weights is not None
                        and stop_reason == "early_stopping")
        return Outcome(trained=trained, weights=weights, stop_reason=stop_reason,
                       epochs_done=trained.epochs_trained - self.initial_epoch,
                       diverged_at=getattr(m, "diverged_at", None),
                       stopped_epoch=(int(es.stopped_epoch) if es is not None and es.stopped_epoch else None),
                       restored_best=restored, error=error,
                       divergence=getattr(m, "divergence", None) if stop_reason == "diverged" else None)


class _Recorder(engine.Callback):
    """Adds the run's snapshots to its timeline: before training and at each epoch end."""

    def __init__(self, run: TrainingRun) -> None:
        super().__init__()
        self.run = run

    def on_train_begin(self, logs=None):
        self.run.snapshot_now(self.run.initial_epoch)

    def on_epoch_end(self, epoch, logs=None):
        m = self.run.model
        if m.stop_reason == "diverged":
            return  # the weights of a diverged epoch are not a state to go back to
        self.run.snapshot_now(epoch + 1)
