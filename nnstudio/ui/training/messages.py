"""What the training worker is given and what it sends back (plain data, no Qt).

:class:`Job` is one :class:`~nnstudio.session.TrainingRun` plus what the studio
adds; :class:`Progress` (the one of :mod:`nnstudio.session.progress`, also the
CLI's) and :class:`StepInfo` are the copies the worker's signals carry (see :mod:`nnstudio.ui.training.worker`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.session.probes import Probes
from nnstudio.session.progress import Progress  # noqa: F401 - the one Progress (CLI and studio)
from nnstudio.session.run import TrainingRun


@dataclass
class Job:
    """One :class:`~nnstudio.session.TrainingRun` plus what the studio adds (built in the GUI thread)."""

    run: TrainingRun
    probes: Probes | None = None
    step: str | None = None          # None, 'batch' or 'epoch': pause after that much
    pace: float | None = None        # batches per second (None: full speed)

    @property
    def model(self):
        return self.run.model

    @property
    def x(self) -> np.ndarray:
        return self.run.x

    @property
    def y(self) -> np.ndarray:
        return self.run.y

    @property
    def batch_size(self) -> int:
        return self.run.batch_size

    @property
    def initial_epoch(self) -> int:
        return self.run.initial_epoch

    @property
    def epochs(self) -> int:
        return self.run.epochs

    @property
    def train_idx(self) -> np.ndarray:
        return self.run.train_idx


@dataclass
class StepInfo:
    """One captured training batch (copies)."""

    epoch: int
    batch: int
    iteration: int
    batch_indices: np.ndarray        # rows of the training arrays
    dataset_indices: np.ndarray      # rows of the dataset
    loss: float
    grads: list
    updates: list
    weights_before: list
    x: np.ndarray
    y: np.ndarray
