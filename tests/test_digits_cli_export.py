"""The digits work unchanged with the CLI (`nnstudio train`) and the Keras / PyTorch export."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio import cli
from nnstudio.export import export_keras, export_keras_json, export_torch, import_keras_json
from nnstudio.lessons import registry
from nnstudio.lessons.runner import project_for
from nnstudio.project import load_project, save_project
from nnstudio.project.build import build_model, load_dataset, prepare_data

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_KERAS = HAVE_TORCH and importlib.util.find_spec("keras") is not None


def digits_project(epochs: int = 20):
    """The lesson 11 network on the digits (64 → ReLU 32 → softmax 10, sparse CCE, SGD)."""
    p = project_for(registry.get("handwritten-digits").step("train").setup)
    p.name = "digits"
    p.training["epochs"] = epochs
    return p


def test_cli_trains_a_digits_project_past_95_percent(tmp_path, capsys):
    src = tmp_path / "digits.nnstudio"
    save_project(digits_project(), src)
    out = tmp_path / "trained.nnstudio"
    code = cli.main(["train", str(src), "--out", str(out)])
    _, err = capsys.readouterr()
    assert code == 0, err
    trained = load_project(out)
    hist = trained.state["history"]
    assert len(hist["loss"]) == 20 and hist["val_accuracy"][-1] >= 0.95
    # the saved weights predict what the history says
    ds = load_dataset(trained)
    prep = prepare_data(trained, ds)
    model = build_model(trained, ds)
    acc = float(np.mean(np.argmax(model.predict(prep.x_val), axis=1) == prep.y_val))
    assert acc == pytest.approx(hist["val_accuracy"][-1], abs=1e-6)
    code = cli.main(["info", str(out)])
    text, _ = capsys.readouterr()
    assert code == 0 and "digits" in text and "64 features" in text and "multiclass" in text


def _trained_digits():
    p = digits_project(epochs=3)
    ds = load_dataset(p)
    prep = prepare_data(p, ds)
    model = build_model(p, ds)
    model.fit(prep.x_train, prep.y_train, batch_size=32, epochs=3, verbose=0,
              validation_data=prep.validation_data)
    p.state = {"weights": model.get_weights(), "history": dict(model.history.history),
               "epochs_trained": 3, "iterations": model.iterations, "runs": []}
    x = prep.scaler.transform(ds.x).astype(np.float32)
    return p, ds, np.asarray(model.predict(x), dtype=np.float64)


def _predict(script: Path) -> np.ndarray:
    env = dict(os.environ, KERAS_BACKEND="torch", OMP_NUM_THREADS="1", TF_CPP_MIN_LOG_LEVEL="3",
               NNSTUDIO_PREDICT_ONLY="1", NNSTUDIO_PREDICT_OUT=str(script.parent / "pred.csv"))
    res = subprocess.run([sys.executable, str(script)], cwd=script.parent, env=env,
                         capture_output=True, text=True, timeout=240, check=False)
    assert res.returncode == 0, res.stderr[-3000:]
    return np.loadtxt(script.parent / "pred.csv", delimiter=",", ndmin=2)


def test_export_files_carry_the_64_pixels_and_10_classes(tmp_path):
    p, ds, _ = _trained_digits()
    for export in (export_keras, export_torch):
        files = export(p, tmp_path / f"{export.__name__}.py", ds)
        header = files[1].read_text(encoding="utf-8").splitlines()[0].split(",")
        assert len(header) == 66 and header[:2] == ["r0c0", "r0c1"]
        assert header[-2:] == ["digit", "is_validation"]
        with np.load(files[2], allow_pickle=False) as w:
            shapes = sorted(tuple(w[k].shape) for k in w.files)
        assert shapes == sorted([(64, 32), (32,), (32, 10), (10,)])
    q = import_keras_json(export_keras_json(p, ds))
    assert [s.type for s in q.layers] == ["Input", "Dense", "Dense"]
    assert q.layers[0].params["size"] == 64 and q.layers[2].params["units"] == 10


@pytest.mark.interop
@pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed")
def test_torch_export_of_digits_predicts_like_nnstudio(tmp_path):
    p, ds, expected = _trained_digits()
    script = export_torch(p, tmp_path / "digits_net.py", ds)[0]
    got = _predict(script)
    assert got.shape == (1797, 10)
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)


@pytest.mark.interop
@pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
def test_keras_export_of_digits_predicts_like_nnstudio(tmp_path):
    p, ds, expected = _trained_digits()
    script = export_keras(p, tmp_path / "digits_net.py", ds)[0]
    got = _predict(script)
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)
