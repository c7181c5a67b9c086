"""Small helpers shared by the engine tests (no Qt)."""

import numpy as np


def lesson_data(n=1000, d=32, k=5, seed=0):
    """Seeded synthetic data with learnable structure: labels = argmax of a fixed linear map."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)).astype(np.float32)
    W = rng.normal(size=(d, k))
    y = np.argmax(X @ W, axis=1)
    return X, y


XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0])
