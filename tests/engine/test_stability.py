"""Numerical stability: logits of ±1000 through softmax/sigmoid + cross-entropy."""

import warnings

import numpy as np
import pytest

from nnstudio.engine import Dense, Sequential, losses


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("out,loss,k,y", [
    ("softmax", "sparse_categorical_crossentropy", 3, [0, 2]),
    ("softmax", "categorical_crossentropy", 3, [[1, 0, 0], [0, 0, 1]]),
    ("sigmoid", "binary_crossentropy", 1, [0, 1]),
    ("linear", losses.SparseCategoricalCrossentropy(from_logits=True), 3, [0, 2]),
    ("linear", losses.BinaryCrossentropy(from_logits=True), 1, [0, 1]),
    ("linear", losses.CategoricalCrossentropy(from_logits=True), 3, [[1, 0, 0], [0, 0, 1]]),
])
def test_extreme_logits_give_finite_loss_and_gradient(dtype, out, loss, k, y):
    model = Sequential([Dense(k, activation=out, input_dim=1)], seed=0, dtype=dtype)
    model.compile("sgd", loss)
    # the output layer's pre-activation is x·w + b; choose weights so logits are ±1000
    w = np.array([[1000.0, -1000.0, -1000.0][:k]])
    model.set_weights([w, np.zeros(k)])
    x = np.array([[1.0], [1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss_value, grads = model.compute_gradients(x, y)
    assert np.isfinite(loss_value) and loss_value > 1.0  # confidently wrong on some rows
    assert all(np.isfinite(g).all() for g in grads)
    # the step lowers the wrong logits: gradient sign points away from the error
    if k == 1:
        assert grads[0][0, 0] > 0  # output 1 for label 0 in row 0 → push the weight down
    else:
        assert grads[0][0, 0] > 0 and grads[0][0, 2] < 0  # row 2 wants class 2 up, class 0 down


def test_sigmoid_saturation_forward_is_clean():
    model = Sequential([Dense(1, activation="sigmoid", input_dim=1)], seed=0, dtype="float32")
    model.set_weights([np.array([[1000.0]]), np.zeros(1)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = model.predict(np.array([[-1.0], [1.0]]))
    assert p[0, 0] == 0.0 and p[1, 0] == 1.0
