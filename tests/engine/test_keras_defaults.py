"""Keras names and defaults: initializers' statistics, optimizer defaults and update formulas."""

import math

import numpy as np
import pytest

from nnstudio.engine import SGD, Adagrad, Adam, Dense, RMSprop, Sequential, initializers, optimizers, regularizers

FAN_IN, FAN_OUT = 400, 600
SHAPE = (FAN_IN, FAN_OUT)


def _sample(name):
    return initializers.get(name)(SHAPE, "float64", np.random.default_rng(0))


@pytest.mark.parametrize("name,limit", [
    ("glorot_uniform", math.sqrt(6 / (FAN_IN + FAN_OUT))),
    ("xavier_uniform", math.sqrt(6 / (FAN_IN + FAN_OUT))),
    ("he_uniform", math.sqrt(6 / FAN_IN)),
    ("lecun_uniform", math.sqrt(3 / FAN_IN)),
    ("random_uniform", 0.05),
])
def test_uniform_initializers(name, limit):
    w = _sample(name)
    assert np.abs(w).max() <= limit and np.abs(w).max() > 0.99 * limit
    assert np.isclose(w.std(), limit / math.sqrt(3), rtol=0.02)
    assert abs(w.mean()) < 0.01 * limit


@pytest.mark.parametrize("name,std", [
    ("glorot_normal", math.sqrt(2 / (FAN_IN + FAN_OUT))),
    ("xavier_normal", math.sqrt(2 / (FAN_IN + FAN_OUT))),
    ("he_normal", math.sqrt(2 / FAN_IN)),
    ("lecun_normal", math.sqrt(1 / FAN_IN)),
])
def test_truncated_normal_initializers(name, std):
    w = _sample(name)
    # the truncation correction restores the intended variance...
    assert np.isclose(w.std(), std, rtol=0.02)
    # ...and nothing lies beyond two (uncorrected) standard deviations
    assert np.abs(w).max() <= 2 * std / 0.87962566103423978


def test_simple_initializers_and_default():
    w = _sample("random_normal")
    assert np.isclose(w.std(), 0.05, rtol=0.02) and np.abs(w).max() > 0.1  # not truncated
    assert (_sample("zeros") == 0).all() and (_sample("ones") == 1).all()
    d = Dense(3)
    assert type(d.kernel_initializer).__name__ == "GlorotUniform"
    assert type(d.bias_initializer).__name__ == "Zeros"
    assert d.activation.name == "linear" and d.use_bias


def test_optimizer_defaults():
    assert (SGD().learning_rate, SGD().momentum, SGD().nesterov) == (0.01, 0.0, False)
    a = Adam()
    assert (a.learning_rate, a.beta_1, a.beta_2, a.epsilon) == (0.001, 0.9, 0.999, 1e-7)
    r = RMSprop()
    assert (r.learning_rate, r.rho, r.momentum, r.epsilon) == (0.001, 0.9, 0.0, 1e-7)
    g = Adagrad()
    assert (g.learning_rate, g.initial_accumulator_value, g.epsilon) == (0.001, 0.1, 1e-7)
    assert isinstance(optimizers.get("sgd"), SGD) and isinstance(optimizers.get("Adam"), Adam)
    assert regularizers.l1().l1 == 0.01 and regularizers.l2().l2 == 0.01
    assert (regularizers.l1_l2().l1, regularizers.l1_l2().l2) == (0.0, 0.0)


GRADS = [np.array([0.5, -1.0, 2.0]), np.array([0.1, 0.3, -0.2]), np.array([-1.0, 0.0, 0.4])]


def _run(opt):
    w = np.array([1.0, -2.0, 0.5])
    for g in GRADS:
        opt.apply([w], [g.copy()])
    return w


def _ref(update):
    w = np.array([1.0, -2.0, 0.5])
    state = {}
    for t, g in enumerate(GRADS, start=1):
        w = update(w, g, t, state)
    return w


def test_sgd_momentum_and_nesterov_formulas():
    def mom(nesterov):
        def up(w, g, t, s):
            m = s.get("m", 0.0) * 0.9 - 0.1 * g
            s["m"] = m
            return w + (0.9 * m - 0.1 * g if nesterov else m)
        return up
    assert np.allclose(_run(SGD(0.1, momentum=0.9)), _ref(mom(False)))
    assert np.allclose(_run(SGD(0.1, momentum=0.9, nesterov=True)), _ref(mom(True)))
    assert np.allclose(_run(SGD(0.1)), _ref(lambda w, g, t, s: w - 0.1 * g))


def test_adam_formula():
    def up(w, g, t, s):
        m = s.get("m", 0.0) + (g - s.get("m", 0.0)) * 0.1
        v = s.get("v", 0.0) + (g * g - s.get("v", 0.0)) * 0.001
        s["m"], s["v"] = m, v
        alpha = 0.01 * math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        return w - alpha * m / (np.sqrt(v) + 1e-7)
    assert np.allclose(_run(Adam(0.01)), _ref(up), rtol=1e-12)


def test_rmsprop_and_adagrad_formulas():
    def rms(w, g, t, s):
        v = 0.9 * s.get("v", 0.0) + 0.1 * g * g
        s["v"] = v
        return w - 0.01 * g / np.sqrt(v + 1e-7)

    def rms_mom(w, g, t, s):
        v = 0.9 * s.get("v", 0.0) + 0.1 * g * g
        m = 0.5 * s.get("m", 0.0) + 0.01 * g / np.sqrt(v + 1e-7)
        s["v"], s["m"] = v, m
        return w - m

    def ada(w, g, t, s):
        a = s.get("a", 0.1) + g * g
        s["a"] = a
        return w - 0.01 * g / np.sqrt(a + 1e-7)
    assert np.allclose(_run(RMSprop(0.01)), _ref(rms), rtol=1e-12)
    assert np.allclose(_run(RMSprop(0.01, momentum=0.5)), _ref(rms_mom), rtol=1e-12)
    assert np.allclose(_run(Adagrad(0.01)), _ref(ada), rtol=1e-12)


def test_decoupled_weight_decay():
    def up(w, g, t, s):
        w = w - w * 0.1 * 0.5
        return w - 0.1 * g
    assert np.allclose(_run(SGD(0.1, weight_decay=0.5)), _ref(up))


def test_regularization_is_added_to_reported_loss():
    m = Sequential([Dense(2, input_dim=2, kernel_regularizer=regularizers.l2(0.5))], seed=0, dtype="float64")
    m.compile("sgd", "mse")
    m.set_weights([np.array([[1.0, 2.0], [0.0, -1.0]]), np.zeros(2)])
    x, y = np.zeros((3, 2)), np.zeros((3, 2))
    assert np.isclose(m.evaluate(x, y, verbose=0), 0.5 * (1 + 4 + 1))
    assert np.isclose(m.compute_gradients(x, y)[0], 3.0)
