"""One SGD step on a 2-2-1 network, checked against arithmetic written out by hand."""

import numpy as np

from nnstudio.engine import SGD, Dense, Sequential


def test_one_sgd_step_2_2_1_relu_linear_mse():
    model = Sequential([Dense(2, activation="relu", input_dim=2), Dense(1)], seed=0, dtype="float64")
    W1 = np.array([[0.5, -1.0], [0.25, 0.25]])
    b1 = np.array([0.1, 0.0])
    W2 = np.array([[2.0], [3.0]])
    b2 = np.array([0.5])
    model.set_weights([W1, b1, W2, b2])
    model.compile(optimizer=SGD(learning_rate=0.1), loss="mse")
    x = np.array([[1.0, 2.0]])
    y = np.array([[2.0]])

    # forward:  z1 = x·W1 + b1 = [1·0.5 + 2·0.25 + 0.1, 1·(−1) + 2·0.25 + 0] = [1.1, −0.5]
    #           a1 = relu(z1) = [1.1, 0]
    #           z2 = a1·W2 + b2 = 1.1·2 + 0·3 + 0.5 = 2.7   (linear output)
    #           L = (2.7 − 2)² = 0.49
    trace = model.trace(x)
    assert np.allclose(trace[0].z, [[1.1, -0.5]])
    assert np.allclose(trace[0].a, [[1.1, 0.0]])
    assert np.allclose(trace[1].a, [[2.7]])
    # backward: dL/dz2 = 2·(2.7 − 2) = 1.4
    #           dW2 = a1ᵀ·1.4 = [[1.54], [0]],  db2 = [1.4]
    #           dL/da1 = 1.4·W2ᵀ = [2.8, 4.2];  dL/dz1 = [2.8, 4.2]·relu′ = [2.8, 0]
    #           dW1 = xᵀ·[2.8, 0] = [[2.8, 0], [5.6, 0]],  db1 = [2.8, 0]
    loss, grads = model.compute_gradients(x, y)
    assert np.isclose(loss, 0.49)
    expected = [np.array([[2.8, 0.0], [5.6, 0.0]]), np.array([2.8, 0.0]), np.array([[1.54], [0.0]]), np.array([1.4])]
    for g, e in zip(grads, expected):
        assert np.allclose(g, e)
    # SGD, lr = 0.1:  W ← W − 0.1·dW
    #   W1 = [[0.5 − 0.28, −1.0], [0.25 − 0.56, 0.25]] = [[0.22, −1.0], [−0.31, 0.25]]
    #   b1 = [0.1 − 0.28, 0] = [−0.18, 0]
    #   W2 = [[2 − 0.154], [3]] = [[1.846], [3.0]],   b2 = [0.5 − 0.14] = [0.36]
    reported = model.train_on_batch(x, y)
    assert np.isclose(reported, 0.49)
    new = model.get_weights()
    assert np.allclose(new[0], [[0.22, -1.0], [-0.31, 0.25]])
    assert np.allclose(new[1], [-0.18, 0.0])
    assert np.allclose(new[2], [[1.846], [3.0]])
    assert np.allclose(new[3], [0.36])
    assert model.iterations == 1


def test_one_sgd_step_sigmoid_bce_matches_formula():
    """2-2-1 sigmoid net with binary cross-entropy: the fused gradient p − y, by hand."""
    model = Sequential([Dense(2, activation="sigmoid", input_dim=2), Dense(1, activation="sigmoid")],
                       seed=0, dtype="float64")
    W1 = np.array([[0.1, 0.2], [0.3, 0.4]])
    b1 = np.zeros(2)
    W2 = np.array([[0.5], [-0.5]])
    b2 = np.array([0.0])
    model.set_weights([W1, b1, W2, b2])
    model.compile(optimizer=SGD(learning_rate=1.0), loss="binary_crossentropy")
    x = np.array([[1.0, 1.0]])
    s = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    # z1 = [0.1 + 0.3, 0.2 + 0.4] = [0.4, 0.6];  a1 = [σ(0.4), σ(0.6)]
    a1 = np.array([s(0.4), s(0.6)])
    # z2 = 0.5·σ(0.4) − 0.5·σ(0.6);  p = σ(z2);  L = −ln p  (y = 1)
    p = s(0.5 * a1[0] - 0.5 * a1[1])
    assert np.isclose(model.train_on_batch(x, [1]), -np.log(p))
    # dL/dz2 = p − 1;  W2 ← W2 − (p − 1)·a1ᵀ
    assert np.allclose(model.get_weights()[2][:, 0], W2[:, 0] - (p - 1) * a1)
    # dL/dz1 = (p − 1)·W2ᵀ ⊙ a1(1 − a1);  W1 ← W1 − xᵀ·dz1
    dz1 = (p - 1) * W2[:, 0] * a1 * (1 - a1)
    assert np.allclose(model.get_weights()[0], W1 - np.outer(x[0], dz1))
