"""Rosenblatt's perceptron and the hand-weighted logic gates of the first lesson.

* :class:`Perceptron` — a step unit trained with the perceptron rule
  w ← w + η·(y − ŷ)·x,  b ← b + η·(y − ŷ), one sample at a time, until every
  sample is right (it converges only for linearly separable data).
* :data:`AND`, :data:`NAND`, :data:`OR` — single step units with fixed
  weights (e.g. AND: w = (0.5, 0.5), b = −0.7).
* :func:`XOR` — no single line separates XOR, but two layers do:
  XOR(x₁, x₂) = AND(NAND(x₁, x₂), OR(x₁, x₂)).

Every gate works on scalars and element-wise on arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import ConfigError, ShapeError


def _step(z):
    return (np.asarray(z) > 0).astype(np.int64)


@dataclass(frozen=True)
class Gate:
    """A fixed step unit: ``gate(x1, x2) = step(w1·x1 + w2·x2 + b)``."""

    name: str
    weights: tuple
    bias: float

    def __call__(self, x1, x2):
        z = self.weights[0] * np.asarray(x1) + self.weights[1] * np.asarray(x2) + self.bias
        out = _step(z)
        return int(out) if out.ndim == 0 else out


AND = Gate("AND", (0.5, 0.5), -0.7)
NAND = Gate("NAND", (-0.5, -0.5), 0.7)
OR = Gate("OR", (0.5, 0.5), -0.2)


def XOR(x1, x2):
    """Two-layer XOR: AND(NAND(x1, x2), OR(x1, x2)) (scalars or arrays)."""
    return AND(NAND(x1, x2), OR(x1, x2))


class Perceptron:
    """A single step unit trained with Rosenblatt's rule.

    ``init='zeros'`` starts from w = 0, b = 0; ``init='random'`` draws small
    normal weights from ``seed``.  After :meth:`fit`, ``history`` holds the
    number of misclassified samples in each epoch (0 in the last one when it
    converged) and ``converged`` says whether it did.
    """

    def __init__(self, n_inputs, learning_rate=1.0, seed=None, init="zeros"):
        if int(n_inputs) != n_inputs or n_inputs <= 0:
            raise ConfigError(f"n_inputs must be a positive integer, received {n_inputs!r}")
        if not learning_rate > 0:
            raise ConfigError(f"learning_rate must be positive, received {learning_rate!r}")
        self.n_inputs = int(n_inputs)
        self.learning_rate = float(learning_rate)
        self.rng = np.random.default_rng(seed)
        if init == "zeros":
            self.weights = np.zeros(self.n_inputs)
            self.bias = 0.0
        elif init == "random":
            self.weights = self.rng.normal(0.0, 0.1, self.n_inputs)
            self.bias = float(self.rng.normal(0.0, 0.1))
        else:
            raise ConfigError(f"init must be 'zeros' or 'random', received {init!r}")
        self.history = []
        self.converged = False

    def net_input(self, X):
        """Weighted sums z = X·w + b."""
        return np.asarray(X, dtype=float) @ self.weights + self.bias

    def predict(self, X):
        """0/1 outputs: step(X·w + b); a single sample gives an int."""
        X = np.asarray(X, dtype=float)
        out = _step(self.net_input(X))
        return int(out) if out.ndim == 0 else out

    def _check(self, X, y):
        X = np.asarray(X, dtype=float)
        if X.ndim == 1:
            X = X.reshape(1, -1)
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ShapeError(f"Perceptron expects {self.n_inputs} inputs per sample, received X with shape {X.shape}")
        y = np.asarray(y).reshape(-1)
        if len(y) != len(X):
            raise ShapeError(f"X has {len(X)} rows but y has {len(y)} labels")
        if not np.isin(y, (0, 1)).all():
            raise ConfigError(f"Perceptron labels must be 0 or 1, received {sorted(set(np.unique(y).tolist()))}")
        return X, y.astype(np.int64)

    def step_sample(self, x, y):
        """Apply the rule to one sample; returns the error (y − ŷ) ∈ {−1, 0, 1}."""
        x = np.asarray(x, dtype=float).reshape(-1)
        err = int(y) - int(self.net_input(x) > 0)
        if err:
            self.weights = self.weights + self.learning_rate * err * x
            self.bias = self.bias + self.learning_rate * err
        return err

    def iter_updates(self, X, y, max_epochs=100):
        """Train sample by sample, yielding ``(epoch, index, weights, bias, error)`` after each sample.

        A UI can draw the decision line moving; stops after an error-free epoch.
        """
        X, y = self._check(X, y)
        self.history = []
        self.converged = False
        for epoch in range(int(max_epochs)):
            errors = 0
            for i in range(len(X)):
                err = self.step_sample(X[i], y[i])
                errors += err != 0
                yield epoch, i, self.weights.copy(), self.bias, err
            self.history.append(int(errors))
            if errors == 0:
                self.converged = True
                return

    def fit(self, X, y, max_epochs=100):
        """Train until every sample is right or ``max_epochs``; returns self."""
        for _ in self.iter_updates(X, y, max_epochs):
            pass
        return self

    def score(self, X, y):
        """Fraction of samples classified right."""
        X, y = self._check(X, y)
        return float(np.mean(self.predict(X) == y))
