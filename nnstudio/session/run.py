"""One training run of a project (no Qt): used by ``nnstudio train`` and the studio.

:class:`TrainingRun` prepares everything from a project and its dataset (the
split/scaled arrays, the compiled model continuing from the trained weights,
the early-stopping callback), numbers the epochs on from what was trained
before, runs ``fit`` (the caller adds its own callbacks: the CLI's progress
line, the studio worker's pause/step hook) and says what to store afterwards
(:meth:`TrainingRun.outcome`): the history with the new epochs appended, the
iteration count, the best epoch, why it stopped.

The GUI runs :meth:`fit` in a worker thread; everything here is plain numpy
and the engine, so the CLI and the studio train identically.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio import engine
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
    before (default: read from ``project.trained``). Raises ValueError when the
    network cannot be built for this data.
    """

    def __init__(self, project, dataset, *, prepared=None, epochs: int | None = None,
                 start: TrainedState | None = None) -> None:
        from nnstudio.project.build import build_model, make_callbacks, prepare_data

        self.project = project
        self.prepared = prepared if prepared is not None else prepare_data(project, dataset)
        self.model = build_model(project, dataset)
        self.start = (start if start is not None else TrainedState.from_state(project.trained)).copy()
        self.model.iterations = self.start.iterations
        t = project.training
        n_epochs = int(t.get("epochs", 1)) if epochs is None else int(epochs)
        self.initial_epoch = self.start.epochs_trained
        self.epochs = self.initial_epoch + max(1, n_epochs)   # absolute, as Keras' fit(epochs=...)
        self.batch_size = int(t.get("batch_size", 32))
        self.callbacks = make_callbacks(project)
        self.learning_rate = float(t.get("learning_rate", 0.01))

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
        """``model.fit`` over the remaining epochs with the project's callbacks plus ``callbacks``."""
        return self.model.fit(self.x, self.y, batch_size=self.batch_size, epochs=self.epochs,
                              initial_epoch=self.initial_epoch, verbose=0, shuffle=True,
                              validation_data=self.prepared.validation_data,
                              callbacks=list(self.callbacks) + list(callbacks))

    # -- what to store -----------------------------------------------------------------
    def trained(self) -> TrainedState:
        """:attr:`start` plus every epoch the engine finished (also after an error or a stop)."""
        out = self.start.copy()
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
