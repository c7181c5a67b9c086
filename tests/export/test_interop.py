"""Run the exported scripts with real PyTorch / Keras 3 (torch backend).

Skipped when torch or keras is not installed. Each script runs in a
subprocess with ``NNSTUDIO_PREDICT_ONLY=1`` and must predict exactly what
nnstudio predicts (to 1e-5) from the same trained weights; a short training
run checks the training loop works.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from export_helpers import build_project

from nnstudio.export import (
    export_keras,
    export_keras_json,
    export_torch,
    import_keras_json,
)
from nnstudio.project.build import build_model, load_dataset, prepare_data

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_KERAS = HAVE_TORCH and importlib.util.find_spec("keras") is not None
pytestmark = pytest.mark.interop
needs_torch = pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed")
needs_keras = pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
TIMEOUT = 180

CASES = {
    "binary": {"task": "binary", "hidden": {"l2": 0.01, "max_norm": 1.5, "activation": "tanh"},
                   "extra": [("Dropout", {"rate": 0.3})]},
    "multiclass": {"task": "multiclass", "hidden": {"activation": "relu", "kernel_initializer": "he_normal"},
                       "extra": [("Activation", {"activation": "leaky_relu"})], "standardize": True},
    "regression": {"task": "regression", "hidden": {"activation": "elu", "use_bias": False},
                       "extra": [("Dense", {"units": 4, "activation": "softplus"})]},
}


def trained(name: str, epochs: int = 4):
    """A project of case ``name`` trained a few epochs by nnstudio, and its predictions for every row."""
    c = CASES[name]
    p = build_project(c["task"], hidden=c.get("hidden"), extra=c.get("extra"))
    p.dataset["standardize"] = bool(c.get("standardize"))
    ds = load_dataset(p)
    prep = prepare_data(p, ds)
    model = build_model(p, ds)
    model.fit(prep.x_train, prep.y_train, batch_size=16, epochs=epochs, verbose=0,
              validation_data=prep.validation_data)
    p.state = {"weights": model.get_weights(), "history": dict(model.history.history), "epochs_trained": epochs,
               "iterations": model.iterations, "runs": []}
    x = ds.x if prep.scaler is None else prep.scaler.transform(ds.x)
    return p, ds, np.asarray(model.predict(x.astype(np.float32)), dtype=np.float64)


def run_script(path: Path, keras: bool = False, **env) -> subprocess.CompletedProcess:
    full = dict(os.environ)
    full.update({"KERAS_BACKEND": "torch", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                 "TF_CPP_MIN_LOG_LEVEL": "3"})
    full.update({k: str(v) for k, v in env.items()})
    return subprocess.run([sys.executable, str(path)], cwd=path.parent, env=full, capture_output=True, text=True, check=False,
                          timeout=TIMEOUT)


def _check_predictions(path: Path, expected: np.ndarray, keras: bool = False) -> None:
    out = path.parent / "predictions.csv"
    res = run_script(path, keras, NNSTUDIO_PREDICT_ONLY=1, NNSTUDIO_PREDICT_OUT=out)
    assert res.returncode == 0, res.stderr[-3000:]
    got = np.loadtxt(out, delimiter=",", ndmin=2)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)


@needs_torch
@pytest.mark.parametrize("name", list(CASES))
def test_torch_script_predicts_like_nnstudio(tmp_path, name):
    p, ds, expected = trained(name)
    written = export_torch(p, tmp_path / "net.py", ds)
    assert [f.name for f in written] == ["net.py", "net_data.csv", "net_weights.npz"]
    _check_predictions(written[0], expected)


@needs_torch
def test_torch_script_trains(tmp_path):
    p, ds, _ = trained("binary", epochs=1)
    p.training["early_stopping"].update(enabled=True, patience=1)
    p.training.update(weight_decay=0.001, optimizer="sgd", momentum=0.9)
    path = export_torch(p, tmp_path / "net.py", ds)[0]
    res = run_script(path, NNSTUDIO_EPOCHS=3)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "epoch 1/3" in res.stdout and "final val_loss" in res.stdout


@needs_keras
@pytest.mark.parametrize("name", ["binary", "multiclass"])
def test_keras_script_predicts_like_nnstudio(tmp_path, name):
    p, ds, expected = trained(name)
    path = export_keras(p, tmp_path / "net.py", ds)[0]
    _check_predictions(path, expected, keras=True)


@needs_keras
def test_keras_script_trains_and_reads_our_json(tmp_path):
    p, ds, _ = trained("multiclass", epochs=1)
    path = export_keras(p, tmp_path / "net.py", ds)[0]
    res = run_script(path, keras=True, NNSTUDIO_EPOCHS=1)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "final val_loss" in res.stdout
    (tmp_path / "ours.json").write_text(export_keras_json(p, ds), encoding="utf-8")
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import json, keras\n"
        "m = keras.models.model_from_json(open('ours.json').read())\n"
        "print(json.dumps([l.__class__.__name__ for l in m.layers]))\n"
        "k = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, activation='elu',\n"
        "    kernel_regularizer=keras.regularizers.L1L2(0.01, 0.0), kernel_constraint=keras.constraints.MaxNorm(3)),\n"
        "    keras.layers.Dropout(0.2), keras.layers.Dense(2, activation='softmax', name='out')], name='theirs')\n"
        "k.compile(optimizer=keras.optimizers.RMSprop(0.002), loss='sparse_categorical_crossentropy',\n"
        "    metrics=['accuracy'])\n"
        "open('theirs.json', 'w').write(k.to_json())\n", encoding="utf-8")
    res = run_script(probe, keras=True)
    assert res.returncode == 0, res.stderr[-3000:]
    assert json.loads(res.stdout.strip().splitlines()[-1]) == ["Dense", "Activation", "Dense"]
    q = import_keras_json((tmp_path / "theirs.json").read_text(encoding="utf-8"))
    assert q.name == "theirs"
    assert [s.type for s in q.layers] == ["Input", "Dense", "Dropout", "Dense"]
    assert q.layers[0].params["size"] == 3
    assert (q.layers[1].params["l1"], q.layers[1].params["max_norm"]) == (0.01, 3.0)
    assert q.layers[3].name == "out"
    assert (q.training["optimizer"], q.training["learning_rate"]) == ("rmsprop", 0.002)
