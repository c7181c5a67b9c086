"""Train a lesson step's set-up without any UI, the way the studio would.

The set-up is applied to a fresh default project with
``nnstudio.project.setup_edits`` and trained with the project's own
``prepare_data`` / ``build_model`` / ``make_callbacks``, so a lesson's claims
are tested on the exact path the app uses. Used by the lesson tests and by a
host that runs a step's comparison variants in the background.
"""

from __future__ import annotations

import numpy as np

from nnstudio.lessons.checks import TrainingResult

__all__ = ["run_setup", "run_perceptron", "project_for"]


def project_for(setup: dict):
    """A default project with ``setup`` applied (through undoable edits)."""
    from nnstudio.project import Project, setup_edits

    project = Project.default()
    project.apply_all(setup_edits(project, setup))
    return project


def run_setup(setup: dict, *, epochs: int | None = None, callbacks=None) -> TrainingResult:
    """Build, train and evaluate ``setup``; the result carries history, model and final metrics.

    ``epochs`` overrides the set-up's epoch count (e.g. for a quick preview).
    ``final`` holds ``loss`` (and ``val_loss`` when there is a validation
    split) evaluated on the weights the model ended with, so a restore of the
    best weights by early stopping is visible.
    """
    from nnstudio.project import build

    project = project_for(setup)
    data = build.prepare_data(project)
    model = build.build_model(project, data.dataset)
    n_epochs = int(epochs if epochs is not None else project.training["epochs"])
    cbs = build.make_callbacks(project) + list(callbacks or [])
    hist = model.fit(
        data.x_train, data.y_train,
        batch_size=int(project.training["batch_size"]),
        epochs=n_epochs,
        validation_data=data.validation_data,
        callbacks=cbs,
        verbose=0,
    )
    final = {"loss": _evaluate_loss(model, data.x_train, data.y_train)}
    if data.validation_data is not None:
        final["val_loss"] = _evaluate_loss(model, data.x_val, data.y_val)
    return TrainingResult(history={k: list(v) for k, v in hist.history.items()}, model=model,
                          weights=model.get_weights(), final=final, epochs_requested=n_epochs)


def _evaluate_loss(model, x, y) -> float:
    out = model.evaluate(x, y, batch_size=max(len(x), 1), verbose=0, return_dict=True)
    return float(out["loss"])


def run_perceptron(gate: str, *, learning_rate: float = 0.1, max_epochs: int = 50) -> TrainingResult:
    """Train an engine ``Perceptron`` on a logic gate's truth table; history key 'errors'."""
    from nnstudio import data as nndata
    from nnstudio.engine import Perceptron

    ds = nndata.make(gate.lower())
    p = Perceptron(ds.n_features, learning_rate=learning_rate)
    p.fit(np.asarray(ds.x), np.asarray(ds.y), max_epochs=max_epochs)
    return TrainingResult(history={"errors": list(p.history)},
                          weights=[p.weights.reshape(-1, 1), np.array([p.bias])])
