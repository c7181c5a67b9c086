"""Rosenblatt's perceptron and the hand-weighted gates."""

import numpy as np
import pytest

from nnstudio.engine import AND, NAND, OR, XOR, Perceptron

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
TRUTH = {"AND": [0, 0, 0, 1], "NAND": [1, 1, 1, 0], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR"])
@pytest.mark.parametrize("init,seed", [("zeros", None), ("random", 1), ("random", 2)])
def test_perceptron_learns_linear_gates(gate, init, seed):
    p = Perceptron(2, learning_rate=0.1, seed=seed, init=init).fit(X, TRUTH[gate], max_epochs=20)
    assert p.converged and len(p.history) <= 20 and p.history[-1] == 0
    assert list(p.predict(X)) == TRUTH[gate]
    assert p.score(X, TRUTH[gate]) == 1.0


def test_perceptron_never_solves_xor():
    for seed in range(5):
        p = Perceptron(2, seed=seed, init="random").fit(X, TRUTH["XOR"], max_epochs=100)
        assert not p.converged and len(p.history) == 100
        assert p.score(X, TRUTH["XOR"]) < 1.0
        assert min(p.history) > 0


def test_iter_updates_yields_each_sample():
    p = Perceptron(2)
    steps = list(p.iter_updates(X, TRUTH["AND"], max_epochs=3))
    assert steps[0][:2] == (0, 0) and len(steps) <= 12
    epoch, i, w, b, err = steps[-1]
    assert w.shape == (2,) and err in (-1, 0, 1)
    assert np.array_equal(w, p.weights) and b == p.bias


def test_hand_gates_and_composed_xor():
    assert AND.weights == (0.5, 0.5) and AND.bias == -0.7
    for name, gate in (("AND", AND), ("NAND", NAND), ("OR", OR), ("XOR", XOR)):
        assert [gate(a, b) for a, b in X] == TRUTH[name]
        assert list(gate(X[:, 0], X[:, 1])) == TRUTH[name]  # vectorised
