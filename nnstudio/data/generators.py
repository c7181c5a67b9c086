"""Built-in dataset generators: pure numpy, seeded, no I/O (except Iris).

Each function takes keyword parameters (already validated by
:func:`nnstudio.data.registry.make`) and returns a :class:`Dataset`.  The
table that names them, with their parameters and ranges, is in
``registry.py``.
"""

from __future__ import annotations

import numpy as np

from .dataset import Dataset

GATES = {
    "and": (0, 0, 0, 1),
    "nand": (1, 1, 1, 0),
    "or": (0, 1, 1, 1),
    "xor": (0, 1, 1, 0),
}
_GATE_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)


def _rng(seed):
    return np.random.default_rng(seed)


def _balanced_labels(n: int, k: int, rng) -> np.ndarray:
    """``n`` labels, as equal per class as possible, in random order."""
    return rng.permutation(np.arange(n) % k).astype(np.int64)


def _cls(x, y, k, src, names=("x1", "x2"), class_names=None) -> Dataset:
    task = "binary" if k == 2 else "multiclass"
    return Dataset(x, y, list(names), ["y"], task,
                   class_names or [str(i) for i in range(k)], src)


def logic_gate(gate: str, repeat: int = 1, noise: float = 0.0, seed: int = 0) -> Dataset:
    """Truth table of a 2-input gate; ``repeat`` copies, inputs jittered by ``noise``.

    With ``repeat=1, noise=0`` it is exactly the 4-row table in the order
    00, 01, 10, 11.
    """
    x = np.tile(_GATE_X, (repeat, 1))
    y = np.tile(np.array(GATES[gate], dtype=np.int64), repeat)
    if noise > 0:
        x = x + _rng(seed).normal(0.0, noise, size=x.shape)
    src = f"{gate.upper()} truth table" + (f" ×{repeat}" if repeat > 1 else "")
    return _cls(x, y, 2, src)


def circle(n_samples=200, noise=0.1, seed=0) -> Dataset:
    """Class 1 inside a disc of radius 0.5, class 0 on a ring 0.7–1.0 around it."""
    rng = _rng(seed)
    y = _balanced_labels(n_samples, 2, rng)
    r = np.where(y == 1, 0.5 * np.sqrt(rng.random(n_samples)), rng.uniform(0.7, 1.0, n_samples))
    t = rng.uniform(0, 2 * np.pi, n_samples)
    x = np.column_stack([r * np.cos(t), r * np.sin(t)]) + rng.normal(0, noise, (n_samples, 2))
    return _cls(x, y, 2, f"circle ({n_samples} points)")


def xor_quadrants(n_samples=200, noise=0.1, seed=0) -> Dataset:
    """Points in [-1, 1]²; class 1 where the signs of x1 and x2 differ (XOR)."""
    rng = _rng(seed)
    x = rng.uniform(-1, 1, (n_samples, 2))
    x += np.sign(x) * 0.05  # a small gap along the axes
    y = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(np.int64)
    x = x + rng.normal(0, noise, x.shape)
    return _cls(x, y, 2, f"XOR quadrants ({n_samples} points)")


def gaussians(n_samples=200, noise=0.5, seed=0) -> Dataset:
    """Two round Gaussian clouds centred at (-1, -1) and (1, 1) with std ``noise``."""
    rng = _rng(seed)
    y = _balanced_labels(n_samples, 2, rng)
    centres = np.array([[-1.0, -1.0], [1.0, 1.0]])
    x = centres[y] + rng.normal(0, noise, (n_samples, 2))
    return _cls(x, y, 2, f"two Gaussians ({n_samples} points)")


def spiral(n_samples=300, noise=0.1, arms=2, seed=0) -> Dataset:
    """``arms`` interleaved spiral arms, one class per arm (cs231n style)."""
    rng = _rng(seed)
    y = np.sort(np.arange(n_samples) % arms).astype(np.int64)
    x = np.empty((n_samples, 2))
    for k in range(arms):
        idx = np.flatnonzero(y == k)
        r = np.linspace(0.05, 1.0, idx.size)
        t = np.linspace(0, 4.0, idx.size) + k * 2 * np.pi / arms
        t = t + rng.normal(0, noise * 2, idx.size)
        x[idx] = np.column_stack([r * np.sin(t), r * np.cos(t)])
    perm = rng.permutation(n_samples)
    return _cls(x[perm], y[perm], arms, f"spiral, {arms} arms ({n_samples} points)")


#: the curves of :func:`function_split`: name -> (formula text, f)
CURVES = {
    "sine": ("x₂ = 0.8·sin(π·x₁)", lambda t: 0.8 * np.sin(np.pi * t)),
    "cubic": ("x₂ = x₁³ − x₁", lambda t: t ** 3 - t),
    "abs": ("x₂ = |x₁| − 0.5", lambda t: np.abs(t) - 0.5),
}


def function_split(curve: str, n_samples=200, noise=0.05, seed=0) -> Dataset:
    """Points in the square [−1.5, 1.5]², class 1 above the curve ``x₂ = f(x₁)``, class 0 below.

    The labels follow the exact curve; then each point moves by N(0, noise²)
    in both coordinates, so a large noise blurs the border.
    """
    rng = _rng(seed)
    x = rng.uniform(-1.5, 1.5, (n_samples, 2))
    y = (x[:, 1] > CURVES[curve][1](x[:, 0])).astype(np.int64)
    if noise > 0:
        x = x + rng.normal(0.0, noise, x.shape)
    return _cls(x, y, 2, f"above/below {CURVES[curve][0]} ({n_samples} points)", class_names=["below", "above"])


def moons(n_samples=200, noise=0.1, seed=0) -> Dataset:
    """Two interleaving half circles (like scikit-learn's make_moons)."""
    rng = _rng(seed)
    y = _balanced_labels(n_samples, 2, rng)
    t = rng.uniform(0, np.pi, n_samples)
    x = np.where(y[:, None] == 0,
                 np.column_stack([np.cos(t), np.sin(t)]),
                 np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)]))
    x = x + rng.normal(0, noise, x.shape)
    return _cls(x, y, 2, f"moons ({n_samples} points)")


def blobs(n_samples=300, noise=0.5, classes=3, seed=0) -> Dataset:
    """``classes`` Gaussian blobs with std ``noise``, centres on a circle of radius 2."""
    rng = _rng(seed)
    y = _balanced_labels(n_samples, classes, rng)
    ang = 2 * np.pi * np.arange(classes) / classes
    centres = 2.0 * np.column_stack([np.cos(ang), np.sin(ang)])
    x = centres[y] + rng.normal(0, noise, (n_samples, 2))
    return _cls(x, y, classes, f"{classes} blobs ({n_samples} points)")


def _reg(x, y, names, src) -> Dataset:
    return Dataset(x, y.reshape(-1, 1), list(names), ["y"], "regression", None, src)


def sine(n_samples=100, noise=0.1, seed=0) -> Dataset:
    """y = sin(x) + N(0, noise²) for x uniform in [-π, π]."""
    rng = _rng(seed)
    x = np.sort(rng.uniform(-np.pi, np.pi, n_samples))
    y = np.sin(x) + rng.normal(0, noise, n_samples)
    return _reg(x.reshape(-1, 1), y, ["x"], f"noisy sine ({n_samples} points)")


def plane(n_samples=200, noise=0.1, seed=0) -> Dataset:
    """y = 1.5·x1 − 2·x2 + 0.5 + noise for (x1, x2) uniform in [-1, 1]²."""
    rng = _rng(seed)
    x = rng.uniform(-1, 1, (n_samples, 2))
    y = 1.5 * x[:, 0] - 2.0 * x[:, 1] + 0.5 + rng.normal(0, noise, n_samples)
    return _reg(x, y, ["x1", "x2"], f"linear plane ({n_samples} points)")


def bump(n_samples=200, noise=0.05, seed=0) -> Dataset:
    """y = exp(−(x1² + x2²) / 0.5) + noise for (x1, x2) uniform in [-2, 2]²."""
    rng = _rng(seed)
    x = rng.uniform(-2, 2, (n_samples, 2))
    y = np.exp(-(x ** 2).sum(axis=1) / 0.5) + rng.normal(0, noise, n_samples)
    return _reg(x, y, ["x1", "x2"], f"Gaussian bump ({n_samples} points)")


def keras_example(n_samples=1000, noise=1.0, seed=0) -> Dataset:
    """The lesson's Keras example shape: 32 features, 5 classes (integer labels).

    Five class centroids drawn from N(0, 1) in 32-D; each row is its
    class centroid plus N(0, noise²) per feature, so a 32-64-256-5
    sigmoid/softmax network can learn it.
    """
    rng = _rng(seed)
    centroids = rng.normal(0.0, 1.0, (5, 32))
    y = _balanced_labels(n_samples, 5, rng)
    x = centroids[y] + rng.normal(0.0, noise, (n_samples, 32))
    return Dataset(x, y, [f"f{i + 1}" for i in range(32)], ["label"], "multiclass",
                   [f"class {i}" for i in range(5)],
                   f"Keras example: 32 features, 5 classes ({n_samples} rows)")


def overfit_small(n_samples=30, noise=0.3, seed=0) -> Dataset:
    """A few noisy sine points: a big network fits the noise (regularization lesson)."""
    rng = _rng(seed)
    x = np.sort(rng.uniform(-np.pi, np.pi, n_samples))
    y = np.sin(x) + rng.normal(0, noise, n_samples)
    return _reg(x.reshape(-1, 1), y, ["x"], f"small noisy sine ({n_samples} points)")


IRIS_CLASSES = ["setosa", "versicolor", "virginica"]


def iris() -> Dataset:
    """Fisher's Iris: 150 flowers, 4 measurements (cm), 3 species of 50."""
    from nnstudio import resources

    from .csv import CsvOptions, load_csv

    text = resources.dataset_path("iris.csv").read_text(encoding="utf-8")
    ds = load_csv(text, CsvOptions(delimiter=",", has_header=True, target_columns=[4],
                                   task="multiclass"))
    ds.source = "Iris (Fisher, 1936; UCI Machine Learning Repository)"
    return ds
