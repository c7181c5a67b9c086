"""Exported Keras and PyTorch scripts derive the same input features as nnstudio (to 1e-5).

The scripts carry ``derive_features`` (nnstudio.data.features.SCRIPT_SOURCE); run with
``NNSTUDIO_PREDICT_ONLY=1`` they must predict what nnstudio predicts from the same weights.
"""

from __future__ import annotations

import numpy as np
import pytest
from export_helpers import build_project
from test_interop import needs_keras, needs_torch, run_script

from nnstudio.export import export_keras, export_spec, export_torch, keras_script
from nnstudio.project.build import build_model, load_dataset, prepare_data

pytestmark = pytest.mark.interop
FEATS = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "cos(x2)", "r", "theta"]


def trained_with_features(task="binary", standardize=True, features=FEATS):
    p = build_project(task, hidden={"activation": "tanh"})
    p.layers[0].params["features"] = list(features)
    p.dataset["standardize"] = standardize
    ds = load_dataset(p)
    prep = prepare_data(p, ds)
    model = build_model(p, ds)
    model.fit(prep.x_train, prep.y_train, batch_size=16, epochs=4, verbose=0)
    p.state = {"weights": model.get_weights(), "history": dict(model.history.history), "epochs_trained": 4,
               "iterations": model.iterations, "runs": []}
    return p, ds, np.asarray(model.predict(prep.model_input(ds.x)), dtype=np.float64)


def _predictions(path, expected, keras=False):
    out = path.parent / "predictions.csv"
    res = run_script(path, keras, NNSTUDIO_PREDICT_ONLY=1, NNSTUDIO_PREDICT_OUT=out)
    assert res.returncode == 0, res.stderr[-3000:]
    got = np.loadtxt(out, delimiter=",", ndmin=2)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)


def test_spec_and_script_name_the_features():
    p, ds, _ = trained_with_features()
    spec = export_spec(p, ds)
    assert spec.features == FEATS and spec.n_features == len(FEATS) and spec.n_columns == 2
    assert len(spec.mean) == len(FEATS)  # standardised after deriving
    text = keras_script(p, ds)
    assert "def derive_features" in text and "FEATURES = " in text and "x = derive_features(x)" in text
    assert text.index("x = derive_features(x)") < text.index("x = (x - MEAN) / SCALE")


def test_raw_columns_only_write_no_preprocessing():
    p, ds, _ = trained_with_features(features=["x1", "x2"])
    assert export_spec(p, ds).features is None
    assert "derive_features" not in keras_script(p, ds)


@needs_torch
@pytest.mark.parametrize("standardize", [True, False])
def test_torch_script_with_features_predicts_like_nnstudio(tmp_path, standardize):
    p, ds, expected = trained_with_features(standardize=standardize)
    _predictions(export_torch(p, tmp_path / "net.py", ds)[0], expected)


@needs_torch
def test_torch_script_with_features_trains(tmp_path):
    p, ds, _ = trained_with_features("multiclass")
    res = run_script(export_torch(p, tmp_path / "net.py", ds)[0], NNSTUDIO_EPOCHS=2)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "epoch 2/2" in res.stdout


@needs_keras
def test_keras_script_with_features_predicts_like_nnstudio(tmp_path):
    p, ds, expected = trained_with_features("multiclass")
    _predictions(export_keras(p, tmp_path / "net.py", ds)[0], expected, keras=True)
