"""Keras 3 optimizer/loss options: amsgrad, centered, initial_accumulator_value,
clipnorm / clipvalue / global_clipnorm and binary cross-entropy label_smoothing.

Each is checked against the formula computed by hand here, the smoothed loss
by finite differences, and (marked ``interop``, skipped without them) the
update against Keras 3's own optimizer and torch's autograd.
"""

from __future__ import annotations

import importlib.util
import math
import os

import numpy as np
import pytest

from nnstudio.engine import Dense, Sequential, losses, optimizers, registry
from nnstudio.engine.errors import ConfigError

HAVE_KERAS = importlib.util.find_spec("torch") is not None and importlib.util.find_spec("keras") is not None


def _grads(seed=0):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=(3, 4)), rng.normal(size=(4,)) * 3.0]


def _run(opt, steps=4, seed=0):
    """Apply ``steps`` updates with fixed random gradients; returns the weights after each step."""
    rng = np.random.default_rng(seed + 100)
    params = [rng.normal(size=(3, 4)), rng.normal(size=(4,))]
    out = []
    for t in range(steps):
        opt.apply(params, [g.copy() for g in _grads(seed + t)])
        out.append([p.copy() for p in params])
    return out


def _params0(seed=0):
    rng = np.random.default_rng(seed + 100)
    return [rng.normal(size=(3, 4)), rng.normal(size=(4,))]


def test_registry_offers_every_option():
    assert registry.get("optimizer", "adam").params["amsgrad"] is False
    assert registry.get("optimizer", "rmsprop").params["centered"] is False
    assert registry.get("optimizer", "adagrad").params["initial_accumulator_value"] == 0.1
    for name in registry.names("optimizer"):
        p = registry.get("optimizer", name).params
        assert p["clipnorm"] is None and p["clipvalue"] is None and p["global_clipnorm"] is None
    assert registry.get("loss", "binary_crossentropy").params["label_smoothing"] == 0.0


def test_adam_amsgrad_by_hand():
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-7
    got = _run(optimizers.Adam(lr, amsgrad=True))
    w = _params0()
    m = [np.zeros_like(p) for p in w]
    v = [np.zeros_like(p) for p in w]
    vhat = [np.zeros_like(p) for p in w]
    for t in range(4):
        for i, g in enumerate(_grads(t)):
            m[i] = m[i] + (g - m[i]) * (1 - b1)
            v[i] = v[i] + (g * g - v[i]) * (1 - b2)
            vhat[i] = np.maximum(vhat[i], v[i])
            alpha = lr * math.sqrt(1 - b2 ** (t + 1)) / (1 - b1 ** (t + 1))
            w[i] = w[i] - alpha * m[i] / (np.sqrt(vhat[i]) + eps)
        np.testing.assert_allclose(got[t][0], w[0], rtol=1e-12)
        np.testing.assert_allclose(got[t][1], w[1], rtol=1e-12)
    # v shrinks when the gradients do, v̂ does not: the two rules then part
    def after_big_then_small(amsgrad):
        opt, w = optimizers.Adam(lr, beta_2=0.5, amsgrad=amsgrad), [np.zeros(3)]
        for g in (10.0, 0.1, 0.1):
            opt.apply(w, [np.full(3, g)])
        return w[0]

    assert np.all(np.abs(np.diff([after_big_then_small(False), after_big_then_small(True)], axis=0)) > 1e-3)


def test_rmsprop_centered_with_momentum_by_hand():
    lr, rho, mu, eps = 0.01, 0.9, 0.5, 1e-7
    got = _run(optimizers.RMSprop(lr, rho=rho, momentum=mu, centered=True))
    w = _params0()
    v = [np.zeros_like(p) for p in w]
    a = [np.zeros_like(p) for p in w]
    mom = [np.zeros_like(p) for p in w]
    for t in range(4):
        for i, g in enumerate(_grads(t)):
            v[i] = rho * v[i] + (1 - rho) * g * g
            a[i] = rho * a[i] + (1 - rho) * g
            mom[i] = mu * mom[i] + lr * g / np.sqrt(v[i] + eps - a[i] * a[i])
            w[i] = w[i] - mom[i]
        np.testing.assert_allclose(got[t][0], w[0], rtol=1e-12)
        np.testing.assert_allclose(got[t][1], w[1], rtol=1e-12)


def test_adagrad_initial_accumulator_value_by_hand():
    got = _run(optimizers.Adagrad(0.1, initial_accumulator_value=0.5), steps=2)
    w = _params0()
    acc = [np.full_like(p, 0.5) for p in w]
    for t in range(2):
        for i, g in enumerate(_grads(t)):
            acc[i] = acc[i] + g * g
            w[i] = w[i] - 0.1 * g / np.sqrt(acc[i] + 1e-7)
    np.testing.assert_allclose(got[-1][0], w[0], rtol=1e-12)
    np.testing.assert_allclose(got[-1][1], w[1], rtol=1e-12)


@pytest.mark.parametrize("kind", ["clipnorm", "clipvalue", "global_clipnorm"])
def test_clipping_by_hand(kind):
    c = 0.7
    g = _grads(0)
    if kind == "clipnorm":
        want = [x * c / max(np.linalg.norm(x), c) for x in g]
    elif kind == "global_clipnorm":
        total = math.sqrt(sum(float(np.sum(x * x)) for x in g))
        want = [x * min(1.0, c / total) for x in g]
    else:
        want = [np.clip(x, -c, c) for x in g]
    opt = optimizers.SGD(1.0, **{kind: c})
    params = [np.zeros_like(x) for x in g]
    opt.apply(params, [x.copy() for x in g])
    for p, w in zip(params, want):
        np.testing.assert_allclose(-p, w, rtol=1e-12)
    assert opt.get_config()[kind] == c


def test_clipping_reaches_the_plain_sgd_fast_path():
    x = np.random.default_rng(0).normal(size=(40, 3))
    y = (x[:, :1] > 0).astype(float)

    def trained(**clip):
        m = Sequential([Dense(4, activation="tanh", input_dim=3), Dense(1, activation="sigmoid")], seed=1)
        m.compile(optimizers.SGD(0.5, **clip), "binary_crossentropy")
        m.fit(x, y, batch_size=40, epochs=3, verbose=0, shuffle=False)
        return m.get_weights()

    free, clipped = trained(), trained(clipvalue=1e-3)
    assert not np.allclose(free[0], clipped[0])
    start = Sequential([Dense(4, activation="tanh", input_dim=3), Dense(1, activation="sigmoid")], seed=1)
    step = np.abs(clipped[1] - start.get_weights()[1])
    assert step.max() <= 3 * 0.5 * 1e-3 + 1e-12  # 3 steps of at most lr·clipvalue


def test_only_one_clipping_setting_and_positive_values():
    with pytest.raises(ConfigError, match="only one"):
        optimizers.Adam(clipnorm=1.0, clipvalue=1.0)
    with pytest.raises(ConfigError, match="clipnorm"):
        optimizers.Adam(clipnorm=-1.0)


def test_label_smoothing_loss_gradient_by_finite_differences():
    rng = np.random.default_rng(3)
    p = rng.uniform(0.05, 0.95, size=(5, 2))
    y = rng.integers(0, 2, size=(5, 2)).astype(float)
    loss = losses.BinaryCrossentropy(label_smoothing=0.2)
    ys = y * 0.8 + 0.1
    want = -np.mean(ys * np.log(p) + (1 - ys) * np.log(1 - p))
    assert math.isclose(loss(y, p), want, rel_tol=1e-12)
    g = loss.grad(y, p)
    h = 1e-6
    for idx in np.ndindex(p.shape):
        up, dn = p.copy(), p.copy()
        up[idx] += h
        dn[idx] -= h
        assert math.isclose(g[idx], (loss(y, up) - loss(y, dn)) / (2 * h), rel_tol=1e-5, abs_tol=1e-9)


def test_label_smoothing_fused_head_matches_the_generic_path():
    x = np.random.default_rng(0).normal(size=(30, 3))
    y = (x[:, :1] + x[:, 1:2] > 0).astype(float)

    def run(output):
        layers = [Dense(4, activation="tanh", input_dim=3)] + output
        m = Sequential(layers, seed=2, dtype="float64")
        m.compile(optimizers.Adam(0.05), losses.BinaryCrossentropy(label_smoothing=0.3))
        return m.fit(x, y, batch_size=10, epochs=4, verbose=0, shuffle=False).history["loss"]

    from nnstudio.engine import Activation

    fused = run([Dense(1, activation="sigmoid")])
    generic = run([Dense(1), Activation("sigmoid")])  # the activation layer is not fused with the loss
    np.testing.assert_allclose(fused, generic, rtol=1e-9)
    with pytest.raises(ConfigError):
        losses.BinaryCrossentropy(label_smoothing=1.5)


# -- against Keras 3 itself -------------------------------------------------------------
KERAS_CASES = {
    "adam-amsgrad": ("Adam", {"learning_rate": 0.01, "amsgrad": True}),
    "rmsprop-centered": ("RMSprop", {"learning_rate": 0.01, "centered": True, "momentum": 0.5}),
    "adagrad-accumulator": ("Adagrad", {"learning_rate": 0.1, "initial_accumulator_value": 0.5}),
    "sgd-clipnorm": ("SGD", {"learning_rate": 0.5, "clipnorm": 0.7}),
    "adam-clipvalue": ("Adam", {"learning_rate": 0.01, "clipvalue": 0.3}),
    "rmsprop-global_clipnorm": ("RMSprop", {"learning_rate": 0.01, "global_clipnorm": 0.7}),
}


@pytest.mark.interop
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Keras' numpy-2 __array__ notices
@pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
@pytest.mark.parametrize("case", list(KERAS_CASES))
def test_updates_match_keras(case):
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    cls, kwargs = KERAS_CASES[case]
    ours = optimizers.get({"name": cls.lower(), **kwargs})
    got = _run(ours)
    theirs = getattr(keras.optimizers, cls)(**kwargs)
    variables = [keras.Variable(p.astype("float32")) for p in _params0()]
    for t in range(4):
        theirs.apply([keras.ops.convert_to_tensor(g.astype("float32")) for g in _grads(t)], variables)
        for v, w in zip(variables, got[t]):
            np.testing.assert_allclose(np.array(v.numpy()), w, rtol=2e-5, atol=2e-6)


@pytest.mark.interop
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Keras' numpy-2 __array__ notices
@pytest.mark.skipif(not HAVE_KERAS, reason="keras 3 (with torch) is not installed")
def test_label_smoothing_matches_keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    rng = np.random.default_rng(5)
    p = rng.uniform(0.01, 0.99, size=(8, 3)).astype("float32")
    y = rng.integers(0, 2, size=(8, 3)).astype("float32")
    want = float(keras.losses.BinaryCrossentropy(label_smoothing=0.15)(y, p))
    assert math.isclose(losses.BinaryCrossentropy(label_smoothing=0.15)(y, p.astype(float)), want, rel_tol=1e-5)
