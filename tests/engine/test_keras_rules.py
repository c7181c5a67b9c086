"""Keras' own rounding and metric rules: validation_split sizes and what 'accuracy' means.

The cases are the ones the issue gives; with Keras 3 importable (torch backend)
each is also checked against Keras itself.
"""

from __future__ import annotations

import importlib.util
import os

import numpy as np
import pytest

from nnstudio.data.split import split_indices, split_sizes
from nnstudio.engine import Dense, Sequential, losses, metrics
from nnstudio.engine.errors import ConfigError

HAVE_KERAS = importlib.util.find_spec("torch") is not None and importlib.util.find_spec("keras") is not None
SPLITS = [(10, 0.25, 3), (1003, 0.2, 201), (200, 0.2, 40), (7, 0.5, 4), (3, 0.1, 1), (60, 0.3, 18)]


@pytest.mark.parametrize("n,f,held_out", SPLITS)
def test_validation_split_holds_out_n_minus_floor_n_times_1_minus_f(n, f, held_out):
    assert split_sizes(n, f) == (n - held_out, held_out)
    train, val = split_indices(n, f, seed=0)
    assert (len(train), len(val)) == (n - held_out, held_out)


@pytest.mark.parametrize("n,f,held_out", SPLITS[:2])
def test_fit_validation_split_holds_out_the_same_last_rows(n, f, held_out):
    x = np.random.default_rng(0).normal(size=(n, 2))
    y = (x[:, :1] > 0).astype(float)
    m = Sequential([Dense(1, activation="sigmoid", input_dim=2)], seed=0, dtype="float64")
    m.compile("sgd", "binary_crossentropy")
    h = m.fit(x, y, validation_split=f, epochs=1, batch_size=n, verbose=0, shuffle=False).history
    want = m.evaluate(x[-held_out:], y[-held_out:], batch_size=n, verbose=0)
    assert h["val_loss"][0] == pytest.approx(want, rel=1e-12)


def test_fit_refuses_a_split_keras_refuses():
    m = Sequential([Dense(1, activation="sigmoid", input_dim=2)], seed=0)
    m.compile("sgd", "binary_crossentropy")
    with pytest.raises(ConfigError, match="validation_split"):
        m.fit(np.zeros((1, 2)), np.zeros((1, 1)), validation_split=0.5, verbose=0)


def _cases():
    rng = np.random.default_rng(7)
    p3 = rng.uniform(size=(50, 3))
    return {
        # several sigmoid outputs (multi-label 0/1 targets): Keras picks categorical accuracy from the shapes
        "multi-sigmoid": (losses.BinaryCrossentropy(), rng.integers(0, 2, size=(50, 3)).astype(float), p3,
                          "categorical_accuracy"),
        # soft binary targets: only the prediction is thresholded, so no row is a hit
        "soft-binary": (losses.BinaryCrossentropy(), rng.choice([0.1, 0.9], size=(50, 1)),
                        rng.uniform(size=(50, 1)), "binary_accuracy"),
        "soft-multi": (losses.BinaryCrossentropy(), rng.choice([0.1, 0.9], size=(50, 2)),
                       rng.uniform(size=(50, 2)), "categorical_accuracy"),
        "hard-binary": (losses.BinaryCrossentropy(), rng.integers(0, 2, size=(50, 1)).astype(float),
                        rng.uniform(size=(50, 1)), "binary_accuracy"),
        "sparse": (losses.SparseCategoricalCrossentropy(), rng.integers(0, 3, size=50), p3 / p3.sum(1, keepdims=True),
                   "sparse_categorical_accuracy"),
        "one-hot": (losses.CategoricalCrossentropy(), np.eye(3)[rng.integers(0, 3, size=50)],
                    p3 / p3.sum(1, keepdims=True), "categorical_accuracy"),
    }


CASES = _cases()


def _ours(loss, y, p):
    key, m = metrics.resolve("accuracy", loss, p.shape[1])
    return m.name, m.batch_sum(y, p) / len(p)


@pytest.mark.parametrize("case", list(CASES))
def test_accuracy_follows_keras_rule(case):
    loss, y, p, kind = CASES[case]
    name, value = _ours(loss, y, p)
    assert name == kind
    if kind == "categorical_accuracy":
        assert value == np.mean(np.argmax(p, 1) == np.argmax(y, 1))
    elif kind == "binary_accuracy":
        assert value == np.mean(y == (p > 0.5))
    if case == "soft-binary":
        assert value == 0.0


def test_a_regression_metric_on_class_labels_is_a_named_error():
    x = np.zeros((6, 2))
    m = Sequential([Dense(3, activation="softmax", input_dim=2)], seed=0)
    m.compile("adam", "sparse_categorical_crossentropy", metrics=["mse"])
    with pytest.raises(ConfigError, match="'mse'.*class labels"):
        m.fit(x, np.array([0, 1, 2, 0, 1, 2]), epochs=1, verbose=0)


# -- against Keras 3 itself ----------------------------------------------------------------
def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.interop
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
@pytest.mark.parametrize("n,f,held_out", SPLITS)
def test_split_sizes_against_keras(n, f, held_out):
    _keras()
    from keras.src.trainers.data_adapters.array_slicing import train_validation_split

    train, val = train_validation_split(np.arange(n), validation_split=f)
    assert (len(train), len(val)) == split_sizes(n, f) == (n - held_out, held_out)


@pytest.mark.interop
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
@pytest.mark.parametrize("case", list(CASES))
def test_accuracy_against_keras(case):
    keras = _keras()
    from keras.src.trainers.compile_utils import get_metric

    loss, y, p, kind = CASES[case]
    yk = y.astype("float32") if loss.target_kind != "sparse" else y.astype("int64")
    theirs = get_metric("accuracy", yk, p.astype("float32"))
    theirs.update_state(keras.ops.convert_to_tensor(yk), keras.ops.convert_to_tensor(p.astype("float32")))
    name, value = _ours(loss, y, p)
    assert value == pytest.approx(float(theirs.result()), abs=1e-6)
