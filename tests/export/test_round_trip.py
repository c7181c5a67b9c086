"""The README's "When you outgrow nnstudio" round trip: export, train in PyTorch / Keras,
bring the trained weights back, and nnstudio predicts what the framework predicts (1e-6).

Skipped when torch or keras is not installed (one subprocess per framework).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest
from export_helpers import build_project

from nnstudio.export import ExportError, export_keras, export_torch, imported_state, load_weights, project_weights
from nnstudio.project.build import build_model, load_dataset, prepare_data

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_KERAS = HAVE_TORCH and importlib.util.find_spec("keras") is not None


def test_imported_state_checks_the_shapes():
    p = build_project("binary")
    ds = load_dataset(p)
    w = project_weights(p, ds)
    st = imported_state(p, w, ds)
    assert st["history"] == {} and st["epochs_trained"] == 0
    assert all(np.array_equal(a, b) for a, b in zip(st["weights"], w))
    with pytest.raises(ExportError, match="4"):
        imported_state(p, w[:3], ds)
    with pytest.raises(ExportError, match=r"w2 has shape \(5, 1\)"):
        imported_state(p, w[:2] + [np.zeros((5, 1)), w[3]], ds)
    with pytest.raises(ExportError, match="NaN"):
        imported_state(p, [w[0] * np.nan] + w[1:], ds)


def _train_elsewhere(export, tmp_path, p, ds):
    script = export(p, tmp_path / "net.py", ds)[0]
    env = dict(os.environ, KERAS_BACKEND="torch", OMP_NUM_THREADS="1", NNSTUDIO_EPOCHS="5",
               NNSTUDIO_PREDICT_OUT=str(tmp_path / "theirs.csv"))
    res = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=False, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    return load_weights(tmp_path / "net_trained_weights.npz"), np.loadtxt(tmp_path / "theirs.csv", delimiter=",",
                                                                          ndmin=2)


@pytest.mark.interop
@pytest.mark.parametrize("framework", ["torch", "keras"])
def test_weights_trained_elsewhere_predict_the_same_in_nnstudio(tmp_path, framework):
    if not (HAVE_KERAS if framework == "keras" else HAVE_TORCH):
        pytest.skip(f"{framework} is not installed")
    p = build_project("multiclass", hidden={"activation": "relu"}, extra=[("Dropout", {"rate": 0.2})])
    p.dataset["standardize"] = True
    ds = load_dataset(p)
    before = project_weights(p, ds)
    weights, theirs = _train_elsewhere(export_torch if framework == "torch" else export_keras, tmp_path, p, ds)
    assert not np.allclose(weights[0], before[0])  # they did train
    p.apply(("set_state", imported_state(p, weights, ds)))
    model = build_model(p, ds)
    scaler = prepare_data(p, ds).scaler
    ours = model.predict(scaler.transform(ds.x).astype(np.float32))
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-6)
