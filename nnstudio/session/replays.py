"""Kept runs with their weights: replay several runs' epochs side by side. No Qt.

A kept run (``state['runs']``) holds only curves. To replay the *weights* of a
run that is no longer the current one (lesson 9: zero init next to He init),
:class:`RunReplay` keeps, in memory only, what that run was trained with (a
copy of the project: its layers and training settings), the prepared data it
was trained on and its rewind timeline (a :class:`SnapshotStore` copy: the
real per-epoch snapshots the training thread recorded, shared, never
recomputed).

:class:`SideBySide` puts several of them on one epoch axis:
``epochs()`` (the epochs any of them can show), ``at(epoch)`` -> one
:class:`~nnstudio.project.planes.PlaneMaps` per run, evaluated from the
snapshot nearest that epoch with the run's own network (one
:class:`~nnstudio.project.planes.PlaneEvaluator` per run, so switching runs
never rebuilds a model).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nnstudio.project.planes import PlaneEvaluator, PlaneMaps
from nnstudio.session.snapshots import Snapshot, SnapshotStore


def project_copy(project):
    """An independent copy of a document (without its timeline), for a run kept aside."""
    from nnstudio.project.fileformat import project_from_dict, project_to_dict

    return project_from_dict(project_to_dict(project, timeline="never"))


@dataclass
class RunReplay:
    """One trained run kept with its timeline (see module docstring)."""

    name: str
    project: object          # a Project copy: the run's layers and training settings
    prepared: object         # the prepared split the run trained on (scaling, dataset)
    timeline: SnapshotStore
    history: dict = field(default_factory=dict)   # the run's curves (loss at an epoch: history['loss'][k - 1])
    evaluator: PlaneEvaluator = field(default_factory=PlaneEvaluator, repr=False)

    @classmethod
    def capture(cls, name: str, project, prepared, timeline: SnapshotStore, history: dict | None = None) -> RunReplay:
        """Keep ``timeline`` (a copy sharing its frozen snapshots) and a copy of ``project``."""
        if timeline is None or not len(timeline):
            raise ValueError(f"run {name!r} has no recorded epochs")
        curves = {k: [float(v) for v in vals] for k, vals in (history or {}).items()}
        return cls(str(name), project_copy(project), prepared, timeline.copy(), curves)

    def value_at(self, key: str, epoch: int) -> float | None:
        """History ``key`` after ``epoch`` epochs (None at epoch 0 or without it)."""
        values = self.history.get(key) or []
        return float(values[epoch - 1]) if 1 <= epoch <= len(values) else None

    def epochs(self) -> list[int]:
        return self.timeline.epochs()

    def snapshot(self, epoch: int) -> Snapshot | None:
        """The recorded snapshot nearest ``epoch``."""
        return self.timeline.nearest(int(epoch))

    def maps(self, epoch: int) -> tuple[Snapshot | None, PlaneMaps | None]:
        """(snapshot shown, the network's output over the input plane or line at its weights)."""
        snap = self.snapshot(epoch)
        if snap is None:
            return None, None
        return snap, self.evaluator.evaluate(self.project, self.prepared, list(snap.weights))


class SideBySide:
    """Several :class:`RunReplay` on one epoch axis."""

    def __init__(self, runs: list[RunReplay]) -> None:
        if not runs:
            raise ValueError("nothing to compare")
        self.runs = list(runs)

    def names(self) -> list[str]:
        return [r.name for r in self.runs]

    def epochs(self) -> list[int]:
        """Every epoch at least one run recorded, ascending."""
        return sorted({e for r in self.runs for e in r.epochs()})

    @property
    def last_epoch(self) -> int:
        return max(r.epochs()[-1] for r in self.runs)

    def at(self, epoch: int) -> list[tuple[Snapshot | None, PlaneMaps | None]]:
        """Each run's (snapshot, maps) at ``epoch`` (its nearest recorded epoch)."""
        return [r.maps(epoch) for r in self.runs]
