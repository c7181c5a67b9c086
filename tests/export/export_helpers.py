"""Small projects for each task, shared by the export tests."""

from __future__ import annotations

from nnstudio.project import LayerSpec, Project

#: task -> (dataset choice, output units, output activation, loss)
TASKS = {
    "binary": ({"name": "circle", "params": {"n_samples": 60}}, 1, "sigmoid", "binary_crossentropy"),
    "multiclass": ({"name": "blobs", "params": {"n_samples": 60, "classes": 3}}, 3, "softmax",
                   "sparse_categorical_crossentropy"),
    "onehot": ({"name": "blobs", "params": {"n_samples": 60, "classes": 3}, "one_hot": True}, 3, "softmax",
               "categorical_crossentropy"),
    "regression": ({"name": "sine", "params": {"n_samples": 60}}, 1, "linear", "mean_squared_error"),
}


def build_project(task: str = "binary", *, hidden: dict | None = None, extra: list | None = None,
                  training: dict | None = None, name: str = "Test net") -> Project:
    """Input -> Dense(6, hidden params) [-> extra layers] -> Dense(output) for ``task``."""
    dataset, units, act, loss = TASKS[task]
    p = Project()
    p.name = name
    p.dataset.update(dataset)
    h = {"units": 6, "activation": "tanh"}
    h.update(hidden or {})
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", **h)]
    p.layers += [LayerSpec.make(t, **kw) for t, kw in (extra or [])]
    p.layers.append(LayerSpec.make("Dense", units=units, activation=act))
    p.training.update({"loss": loss, "epochs": 3, "batch_size": 16})
    p.training.update(training or {})
    return p
