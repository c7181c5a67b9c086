"""Keras compile settings on import: each one honoured or refused by name, nothing half-imported.

Supported: Adam amsgrad, RMSprop centered, Adagrad initial_accumulator_value,
clipnorm / clipvalue / global_clipnorm (any optimizer), weight_decay, BCE
label_smoothing, metric objects nnstudio computes. Refused by name: use_ema,
loss_scale_factor, gradient_accumulation_steps, learning-rate schedules,
from_logits, label smoothing of other losses, other reductions, ignore_class,
loss_weights, weighted_metrics, per-output losses, unknown settings.
Real Keras 3 files (``model.to_json()``) are checked too when Keras is installed.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import subprocess
import sys

import pytest
from export_helpers import build_project

from nnstudio.export import KerasImportError, export_keras_json, import_keras_json

HAVE_KERAS = importlib.util.find_spec("torch") is not None and importlib.util.find_spec("keras") is not None
BASE = json.loads(export_keras_json(build_project("binary"), n_features=2))


def _with(optimizer=None, loss=None, **compile_config):
    d = copy.deepcopy(BASE)
    cc = d["compile_config"]
    if optimizer is not None:
        cls, cfg = optimizer
        cc["optimizer"] = {"module": "keras.optimizers", "class_name": cls,
                           "config": {"name": cls.lower(), "learning_rate": 0.01, **cfg}, "registered_name": None}
    if loss is not None:
        cc["loss"] = loss
    cc.update(compile_config)
    return json.dumps(d)


def _bce(**cfg):
    return {"module": "keras.losses", "class_name": "BinaryCrossentropy",
            "config": {"name": "binary_crossentropy", "reduction": "sum_over_batch_size", "from_logits": False,
                       "label_smoothing": 0.0, "axis": -1, **cfg}, "registered_name": None}


SUPPORTED = [
    (("Adam", {"amsgrad": True}), None, {"optimizer": "adam", "amsgrad": True}),
    (("RMSprop", {"centered": True, "rho": 0.8}), None, {"optimizer": "rmsprop", "centered": True, "rho": 0.8}),
    (("Adagrad", {"initial_accumulator_value": 0.25}), None, {"initial_accumulator_value": 0.25}),
    (("SGD", {"clipnorm": 1.5}), None, {"clipnorm": 1.5, "clipvalue": None}),
    (("Adam", {"clipvalue": 0.5}), None, {"clipvalue": 0.5}),
    (("RMSprop", {"global_clipnorm": 2.0}), None, {"global_clipnorm": 2.0}),
    (("Adam", {"weight_decay": 0.004, "use_ema": False, "ema_momentum": 0.99}), None, {"weight_decay": 0.004}),
    (None, _bce(label_smoothing=0.1), {"loss": "binary_crossentropy", "label_smoothing": 0.1}),
]


@pytest.mark.parametrize("optimizer,loss,expected", SUPPORTED)
def test_supported_settings_are_imported(optimizer, loss, expected):
    p = import_keras_json(_with(optimizer, loss))
    for key, value in expected.items():
        assert p.training[key] == value, key


REFUSED = [
    ({"optimizer": ("Adam", {"use_ema": True})}, "use_ema"),
    ({"optimizer": ("Adam", {"loss_scale_factor": 128.0})}, "loss_scale_factor"),
    ({"optimizer": ("SGD", {"gradient_accumulation_steps": 4})}, "gradient_accumulation_steps"),
    ({"optimizer": ("SGD", {"learning_rate": {"class_name": "ExponentialDecay", "config": {}}})}, "ExponentialDecay"),
    ({"optimizer": ("SGD", {"clipnorm": 1.0, "clipvalue": 1.0})}, "only one of"),
    ({"optimizer": ("Adam", {"amsgrad": "yes"})}, "amsgrad"),
    ({"optimizer": ("SGD", {"frobnicate": 3})}, "frobnicate"),
    ({"optimizer": ("SGD", {"decay": 0.01})}, "decay"),
    ({"loss": _bce(from_logits=True)}, "from_logits"),
    ({"loss": _bce(reduction="sum")}, "reduction"),
    ({"loss": _bce(axis=0)}, "axis"),
    ({"loss": {"class_name": "CategoricalCrossentropy", "config": {"name": "categorical_crossentropy",
                                                                   "label_smoothing": 0.1}}}, "label_smoothing"),
    ({"loss": {"class_name": "SparseCategoricalCrossentropy",
               "config": {"name": "sparse_categorical_crossentropy", "ignore_class": 0}}}, "ignore_class"),
    ({"loss": ["binary_crossentropy", "mse"]}, "per output"),
    ({"loss_weights": [0.5]}, "loss_weights"),
    ({"weighted_metrics": ["accuracy"]}, "weighted_metrics"),
    ({"metrics": [{"class_name": "BinaryAccuracy", "config": {"name": "acc", "threshold": 0.7}}]}, "threshold"),
    ({"metrics": [{"class_name": "AUC", "config": {"name": "auc"}}]}, "AUC"),
    ({"metrics": {"out": ["accuracy"]}}, "per output"),
]


@pytest.mark.parametrize("change,needle", REFUSED, ids=[r[1] for r in REFUSED])
def test_settings_nnstudio_cannot_honour_are_refused_by_name(change, needle):
    change = dict(change)
    text = _with(change.pop("optimizer", None), change.pop("loss", None), **change)
    with pytest.raises(KerasImportError) as info:
        import_keras_json(text)
    assert needle in str(info.value)


def test_every_refusal_is_listed_at_once():
    text = _with(("Adam", {"use_ema": True, "loss_scale_factor": 2.0}), _bce(from_logits=True), loss_weights=[1.0])
    with pytest.raises(KerasImportError) as info:
        import_keras_json(text)
    assert len(info.value.problems) == 4


def test_metric_objects_keras_writes_are_understood():
    p = import_keras_json(_with(metrics=[{"class_name": "BinaryAccuracy",
                                          "config": {"name": "binary_accuracy", "threshold": 0.5,
                                                     "dtype": "float32"}}, "mse"]))
    assert p.training["metrics"] == ["binary_accuracy", "mse"]


def test_new_settings_round_trip_through_our_export():
    p = build_project("binary", training={"optimizer": "rmsprop", "centered": True, "clipvalue": 0.25,
                                          "label_smoothing": 0.05})
    q = import_keras_json(export_keras_json(p, n_features=2))
    for key in ("optimizer", "centered", "clipvalue", "clipnorm", "global_clipnorm", "label_smoothing"):
        assert q.training[key] == p.training[key], key


@pytest.mark.interop
@pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
def test_real_keras_files(tmp_path):
    """What Keras itself writes: the supported settings import, use_ema is refused by name;
    and Keras reads back the optimizer and loss our export writes."""
    theirs = tmp_path / "theirs.py"
    ours = tmp_path / "ours.json"
    ours.write_text(export_keras_json(build_project("binary", training={
        "optimizer": "adam", "amsgrad": True, "clipnorm": 0.5, "label_smoothing": 0.2}), n_features=2),
        encoding="utf-8")
    theirs.write_text(
        "import json, keras\n"
        "def model(opt, loss):\n"
        "    m = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, activation='sigmoid')])\n"
        "    m.compile(optimizer=opt, loss=loss, metrics=['accuracy'])\n"
        "    return m.to_json()\n"
        "out = {\n"
        "  'ok': model(keras.optimizers.RMSprop(0.01, centered=True, clipnorm=1.5),\n"
        "              keras.losses.BinaryCrossentropy(label_smoothing=0.1)),\n"
        "  'ok2': model(keras.optimizers.Adagrad(0.1, initial_accumulator_value=0.3, global_clipnorm=2.0),\n"
        "               'binary_crossentropy'),\n"
        "  'ema': model(keras.optimizers.Adam(0.01, use_ema=True), 'binary_crossentropy'),\n"
        "}\n"
        "cc = json.loads(open('ours.json').read())['compile_config']\n"
        "opt = keras.optimizers.deserialize(cc['optimizer'])\n"
        "loss = keras.losses.deserialize(cc['loss'])\n"
        "out['read_back'] = [opt.amsgrad, opt.clipnorm, loss.get_config()['label_smoothing']]\n"
        "print(json.dumps(out))\n", encoding="utf-8")
    env = dict(os.environ, KERAS_BACKEND="torch")
    res = subprocess.run([sys.executable, str(theirs)], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=False, timeout=180)
    assert res.returncode == 0, res.stderr[-3000:]
    out = json.loads(res.stdout.strip().splitlines()[-1])
    p = import_keras_json(out["ok"])
    assert (p.training["optimizer"], p.training["centered"], p.training["clipnorm"]) == ("rmsprop", True, 1.5)
    assert p.training["label_smoothing"] == 0.1
    q = import_keras_json(out["ok2"])
    assert (q.training["initial_accumulator_value"], q.training["global_clipnorm"]) == (0.3, 2.0)
    with pytest.raises(KerasImportError, match="use_ema"):
        import_keras_json(out["ema"])
    assert out["read_back"] == [True, 0.5, 0.2]
