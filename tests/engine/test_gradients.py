"""Finite-difference gradient checks (float64) through a 3-layer net.

Every activation except step, with every loss it pairs with, every
regularizer, dropout with a fixed mask, with and without bias: the analytic
gradients of ``compute_gradients`` must match central differences with a
relative error below 1e-6.
"""

import numpy as np
import pytest

from nnstudio.engine import Dense, Dropout, Sequential, activations, losses, regularizers

ACTS = [name for name, fn in activations.ACTIVATIONS.items() if fn.differentiable]
H = 1e-6


def _targets(loss, k, n, rng):
    if loss.target_kind == "sparse":
        return rng.integers(0, k, n)
    if loss.target_kind == "categorical":
        t = rng.random((n, k)) + 0.1
        return t / t.sum(axis=1, keepdims=True)
    if loss.target_kind == "binary":
        return rng.random((n, k))
    return rng.normal(size=(n, k))


def _numeric(model, x, y):
    num = []
    for w in model.weights:
        g = np.zeros_like(w)
        flat, gflat = w.reshape(-1), g.reshape(-1)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + H
            lp, _ = model.compute_gradients(x, y)
            flat[i] = old - H
            lm, _ = model.compute_gradients(x, y)
            flat[i] = old
            gflat[i] = (lp - lm) / (2 * H)
        num.append(g)
    return num


def check(model, loss, x, y):
    model.compile(optimizer="sgd", loss=loss)
    _, ana = model.compute_gradients(x, y)
    num = _numeric(model, x, y)
    for i, (a, nu) in enumerate(zip(ana, num)):
        denom = np.linalg.norm(a) + np.linalg.norm(nu)
        rel = np.linalg.norm(a - nu) / denom if denom > 1e-12 else 0.0
        assert rel < 1e-6, f"weight {i}: relative error {rel:.2e}\nanalytic {a}\nnumeric {nu}"


def net(hidden, out_act, k, use_bias=True, seed=0, **dense_kw):
    return Sequential([
        Dense(4, activation=hidden, input_dim=3, use_bias=use_bias, bias_initializer="random_normal", **dense_kw),
        Dense(5, activation=hidden, use_bias=use_bias, bias_initializer="random_normal"),
        Dense(k, activation=out_act, use_bias=use_bias, bias_initializer="random_normal"),
    ], seed=seed, dtype="float64")


def pairs(act):
    """(output activation, loss) pairs that make sense after hidden activation ``act``."""
    out = [(act, losses.MeanSquaredError()), (act, losses.MeanAbsoluteError()),
           ("sigmoid", losses.BinaryCrossentropy()),
           ("softmax", losses.CategoricalCrossentropy()),
           ("softmax", losses.SparseCategoricalCrossentropy()),
           (act, losses.BinaryCrossentropy(from_logits=True)),
           (act, losses.CategoricalCrossentropy(from_logits=True)),
           (act, losses.SparseCategoricalCrossentropy(from_logits=True))]
    if act in ("sigmoid", "softplus", "softmax"):
        # probabilities from a non-matching activation: the generic (unfused) clipped-CE path
        out += [(act, losses.CategoricalCrossentropy()), (act, losses.SparseCategoricalCrossentropy())]
    if act == "sigmoid":
        out += [("softmax", losses.BinaryCrossentropy())]
    return out


@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("use_bias", [True, False])
def test_every_activation_with_every_loss(act, use_bias):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(6, 3))
    for out_act, loss in pairs(act):
        k = 1 if isinstance(loss, losses.BinaryCrossentropy) and out_act != "softmax" else 3
        y = _targets(loss, k, len(x), rng)
        check(net(act, out_act, k, use_bias), loss, x, y)


@pytest.mark.parametrize("reg", [regularizers.L1(0.05), regularizers.L2(0.05),
                                 regularizers.L1L2(l1=0.02, l2=0.03), "l1", "l2"])
def test_regularizers(reg):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(5, 3))
    model = Sequential([
        Dense(4, activation="tanh", input_dim=3, kernel_regularizer=reg, bias_regularizer=reg,
              bias_initializer="random_normal"),
        Dense(2, activation="linear", kernel_regularizer=reg),
    ], seed=3, dtype="float64")
    check(model, "mse", x, rng.normal(size=(5, 2)))
    # the reported loss includes the penalty
    loss, _ = model.compute_gradients(x, rng.normal(size=(5, 2)))
    assert loss > 0


def test_dropout_with_fixed_mask():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(6, 3))
    drop = Dropout(0.5)
    model = Sequential([Dense(4, activation="tanh", input_dim=3), drop,
                        Dense(3, activation="softmax")], seed=4, dtype="float64")
    drop.fixed_mask = rng.random((6, 4)) > 0.5
    check(model, "sparse_categorical_crossentropy", x, rng.integers(0, 3, 6))
    # the mask really is applied: dropped inputs give zero kernel gradients below them
    _, g = model.compute_gradients(x, rng.integers(0, 3, 6))
    assert np.allclose(model.trace(x)[1].a, model.trace(x)[0].a)  # inference: identity


def test_step_activation_trains_without_crashing():
    x = np.array([[0.0, 1.0], [1.0, 0.0]])
    model = Sequential([Dense(2, activation="step", input_dim=2), Dense(1, activation="sigmoid")], seed=0)
    model.compile("sgd", "binary_crossentropy")
    loss, grads = model.compute_gradients(x, [0, 1])
    assert np.isfinite(loss)
    assert np.all(grads[0] == 0) and np.all(grads[1] == 0)
    h = model.fit(x, [0, 1], epochs=3, verbose=0)
    assert len(h.history["loss"]) == 3
    assert np.allclose(activations.step([-1.0, 0.0, 2.0]), [0, 0, 1])


def test_activation_layer_and_derivative_helpers():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(4, 3))
    from nnstudio.engine import Activation
    model = Sequential([Dense(3, input_dim=3), Activation("elu"), Dense(2), Activation("softmax")],
                       seed=5, dtype="float64")
    check(model, "categorical_crossentropy", x, np.eye(2)[rng.integers(0, 2, 4)])
    z = np.linspace(-3, 3, 12)  # avoids the kink at 0
    for name in ACTS:
        if name == "softmax":
            continue
        fn = activations.get(name)
        numeric = (fn(z + 1e-6) - fn(z - 1e-6)) / 2e-6
        assert np.allclose(fn.derivative(z), numeric, atol=1e-5), name
