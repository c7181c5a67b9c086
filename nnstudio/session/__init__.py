"""One training session of a project, without Qt: shared by ``nnstudio train`` and the studio.

* :class:`TrainingRun` (:mod:`.run`): prepare from project + dataset, continue
  from the trained state, ``fit``, and the :class:`Outcome` to store;
* :class:`TrainedState` (:mod:`.record`): the typed ``Project.trained``
  (history, epochs, iterations, kept runs, best epoch, stop reason);
* :mod:`.runs`: kept-run list helpers, metric names, :func:`fmt_time`;
* :mod:`.probes`: what the live views look at and :func:`compute_snapshot`;
* :mod:`.progress`: the one :class:`~.progress.Progress` (the worker's message, the CLI's lines).

The studio's training controller is the thread + signals around a
:class:`TrainingRun`; the CLI calls :meth:`TrainingRun.fit` directly.
"""

from __future__ import annotations

from nnstudio.session.record import TrainedState
from nnstudio.session.run import Outcome, TrainingRun
from nnstudio.session.runs import fmt_time

__all__ = ["Outcome", "TrainedState", "TrainingRun", "fmt_time"]
